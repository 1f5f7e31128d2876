/**
 * HTML (a published page, or DOCX converted by mammoth) to lines of cells. Each table row is a line
 * whose cells are the row's <td>/<th> in document order — merged cells appear once, where they start,
 * which is the order a reader meets labels and figures. Outside tables every block is a line.
 * A table that holds tables is layout, not data: its cells are read as blocks.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { ExtractedDocument, SourceLine } from '../document.ts';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'svg', 'select', 'button']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'br', 'hr', 'table', 'tr', 'form', 'center', 'caption', 'figure',
]);

export function extractHtml(html: string, format: 'html' | 'docx' = 'html'): ExtractedDocument {
  const $ = cheerio.load(html);
  const title = ($('meta[name="ArticleTitle"]').attr('content') ?? $('title').first().text() ?? '').trim();
  const lines: SourceLine[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) lines.push({ cells: [text], atomic: false });
    current = '';
  };
  const cellText = (el: Element) => $(el).text().replace(/\s+/g, ' ').trim();

  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      current += node.data;
      return;
    }
    if (node.type !== 'root' && node.type !== 'tag') return;
    const el = node as Element;
    const name = node.type === 'tag' ? el.name.toLowerCase() : '';
    if (SKIP.has(name)) return;
    if (name === 'table' && $(el).find('table').length === 0) {
      flush();
      $(el).find('tr').each((_, tr) => {
        const cells = $(tr).children('td,th').toArray().map(cellText);
        if (cells.length > 0) lines.push({ cells, atomic: true });
      });
      return;
    }
    const block = BLOCK.has(name) || name === 'td' || name === 'th';
    if (block) flush();
    for (const child of el.children) walk(child);
    if (block) flush();
  };
  walk($.root()[0]!);
  flush();
  return title ? { format, lines, title } : { format, lines };
}
