/**
 * HTML (a published page, or DOCX converted by mammoth) to lines of cells. Each table row is a line
 * whose cells are the row's <td>/<th> in document order — merged cells appear once, where they start,
 * which is the order a reader meets labels and figures. Outside tables every block is a line.
 * The table is laid out as its grid (rowspan/colspan) to keep the figures of a data row in their
 * columns: where a figure cell merged down from the row above covers a column, or a row has fewer cells
 * than the table is wide, that column is a blank (unknown) — never a copy of the figure.
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
      const rows = $(el).find('tr').toArray().map((tr) => $(tr).children('td,th').toArray().map((td) => ({
        text: cellText(td),
        rows: span($(td).attr('rowspan')),
        cols: span($(td).attr('colspan')),
      })));
      for (const cells of gridLines(rows)) lines.push({ cells, atomic: true });
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

interface GridCell {
  text: string;
  rows: number;
  cols: number;
}

const MAX_SPAN = 100;
/** A cell that holds one figure or a blank mark (`12`, `1,205`, `９`, `24件`, `/`, `—`). */
const FIGURE_CELL = /^(?:[-−+]?[0-9０-９][0-9０-９,，.．]*\s*(?:万元|元|件|个|条|项)?|[-—–―/\\]{1,2}|)$/u;

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * A table's rows as lines of cells, read through the grid: each cell where it starts; in a row that
 * holds figures, a column covered from the row above by a figure cell, or missing at the row's end,
 * is an empty cell (a blank). Label cells merged down add nothing to the rows below.
 */
export function gridLines(rows: readonly (readonly GridCell[])[]): string[][] {
  // covered[r][c]: the text of the cell that spans into (r, c) from a row above
  const covered: (string | undefined)[][] = rows.map(() => []);
  const laid: { col: number; cell: GridCell }[][] = rows.map(() => []);
  let width = 0;
  rows.forEach((cells, r) => {
    let col = 0;
    for (const cell of cells) {
      while (covered[r]![col] !== undefined) col++;
      laid[r]!.push({ col, cell });
      for (let dr = 1; dr < cell.rows && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.cols; dc++) covered[r + dr]![col + dc] = cell.text;
      }
      col += cell.cols;
    }
    width = Math.max(width, col, covered[r]!.length);
  });
  // a row short of cells at its end lost blank figure cells only if it has fewer figure cells than the
  // table's fullest row; otherwise it is short of label cells (a table split at a page break, under a
  // label merged down in the part before) and nothing is missing
  const figureCells = laid.map((own) => own.filter(({ cell }) => FIGURE_CELL.test(cell.text)).length);
  const mostFigures = Math.max(0, ...figureCells);
  const out: string[][] = [];
  rows.forEach((_, r) => {
    const line: string[] = [];
    const own = laid[r]!;
    const figures = own.some(({ cell }) => cell.text !== '' && FIGURE_CELL.test(cell.text));
    let missing = mostFigures - figureCells[r]!;
    let next = 0;
    for (let col = 0; col < width; ) {
      const here = own[next];
      if (here && here.col === col) {
        line.push(here.cell.text);
        next++;
        col += here.cell.cols;
        continue;
      }
      const above = covered[r]![col];
      if (figures && above !== undefined && FIGURE_CELL.test(above)) line.push('');
      else if (figures && above === undefined && missing > 0) {
        line.push('');
        missing--;
      }
      col++;
    }
    // a row of empty cells only (Word's `<tr height=0>` that fixes column widths) carries nothing
    if (line.length > 0 && own.some(({ cell }) => cell.text !== '')) out.push(line);
  });
  return out;
}
