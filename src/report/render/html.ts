/**
 * The annual report as HTML: a standalone printable page (A4) or a fragment (`<article class="gk-report">`)
 * for the portal. Tables are semantic (caption, thead/tbody, th with scope, rowspan/colspan) and every
 * data cell names its ReportData cell in `data-cell`.
 */
import type { ReportData } from '../reportData.ts';
import { wordUnits } from './cjkLines.ts';
import { reportDocument, titleLines } from './reportDocument.ts';
import type { GridCell, TableGrid } from './tableLayout.ts';

export interface HtmlOptions {
  /** true: a complete page with its own print CSS; false: an `<article>` to embed. */
  standalone: boolean;
}

/** Styles for `.gk-report`; the standalone page embeds them, a host page embedding the fragment may too. */
export const REPORT_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 14pt; margin-right: 1em; vertical-align: top; padding-top: 7mm; } }
@page :left { margin: 37mm 28mm 35mm 26mm; @bottom-left { content: "— " counter(page) " —"; font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 14pt; margin-left: 1em; vertical-align: top; padding-top: 7mm; } }
.gk-report { font-family: "FangSong", "仿宋_GB2312", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; font-size: 16pt; line-height: 1.75; color: #000; max-width: 156mm; margin: 0 auto; }
.gk-report h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 1em; }
.gk-report h1 .gk-title-line { display: inline-block; }
.gk-report h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0.6em 0 0.3em; text-indent: 2em; break-after: avoid; page-break-after: avoid; }
.gk-report p { margin: 0; text-indent: 2em; text-align: justify; line-break: strict; orphans: 2; widows: 2; }
.gk-report section > h2 + p, .gk-report section > p:has(+ table) { break-after: avoid; page-break-after: avoid; }
.gk-report table { border-collapse: collapse; table-layout: fixed; width: 100%; margin: 0.5em 0 1em; font-family: "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 10.5pt; line-height: 1.4; page-break-inside: auto; }
.gk-report table.gk-table-applications, .gk-report table.gk-table-appeals { font-size: 9pt; }
.gk-report caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.gk-report th, .gk-report td { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; font-weight: normal; text-align: left; }
.gk-report thead th { text-align: center; }
.gk-report td.gk-num { text-align: center; font-variant-numeric: tabular-nums; white-space: nowrap; padding: 2px 1px; overflow: visible; }
.gk-report thead th { word-break: keep-all; overflow-wrap: anywhere; }
.gk-report td, .gk-report th:not([rowspan]) { page-break-inside: avoid; break-inside: avoid; }
.gk-report thead tr, .gk-report tbody tr:nth-child(-n+3), .gk-report tbody tr:nth-last-child(-n+2) { break-before: avoid; page-break-before: avoid; }
.gk-report .gk-table-proactive tbody { break-inside: avoid; page-break-inside: avoid; }
.gk-report thead { display: table-header-group; }
@media print { .gk-report { max-width: none; } }
`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function renderReportHtml(report: ReportData, options: HtmlOptions): string {
  const doc = reportDocument(report);
  // The title may break after the agency and nowhere else; on a wide page it stays one line.
  const title = titleLines(doc, 0)
    .map((line) => `<span class="gk-title-line">${escapeHtml(line)}</span>`)
    .join('');
  const parts: string[] = [`<article class="gk-report" lang="zh-CN">`, `<h1>${title}</h1>`];
  for (const p of doc.preamble) parts.push(`<p>${escapeHtml(p)}</p>`);
  for (const section of doc.sections) {
    parts.push(`<section id="gk-${section.id}">`, `<h2>${escapeHtml(section.heading)}</h2>`);
    for (const p of section.paragraphs) parts.push(`<p>${escapeHtml(p)}</p>`);
    if (section.table) parts.push(tableHtml(section.table));
    parts.push('</section>');
  }
  parts.push('</article>');
  const article = parts.join('\n');
  if (!options.standalone) return article;
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    article,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The text width of the page (A4 less the margins) and the tables' font sizes, as the CSS above sets them. */
const TEXT_WIDTH_PT = (156 * 72) / 25.4;
const TABLE_FONT_PT = { proactive: 10.5, applications: 9, appeals: 9 } as const;
/** A digit's width in em, generous for the faces a browser may substitute. */
const DIGIT_EM = 0.62;
const CELL_PADDING_PT = 3;

/** The font size (pt) a figure is set in to stay on one line in its cell; null when the table's size fits. */
export function figureFontPt(grid: TableGrid, c: GridCell): number | null {
  const sum = grid.columnWeights.reduce((a, b) => a + b, 0);
  const weight = grid.columnWeights.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  const available = (weight / sum) * TEXT_WIDTH_PT - CELL_PADDING_PT;
  const size = TABLE_FONT_PT[grid.id];
  const need = c.text.length * DIGIT_EM * size;
  return need <= available ? null : Math.floor((available / (c.text.length * DIGIT_EM)) * 10) / 10;
}

function tableHtml(grid: TableGrid): string {
  const out: string[] = [`<table class="gk-table gk-table-${grid.id}">`, `<caption>${escapeHtml(grid.caption)}</caption>`, colgroupHtml(grid)];
  for (const group of grid.groups) {
    const tag = group.kind === 'head' ? 'thead' : 'tbody';
    out.push(`<${tag}>`);
    for (const row of group.rows) out.push(`<tr>${row.cells.map((c) => cellHtml(c, c.numeric ? figureFontPt(grid, c) : null)).join('')}</tr>`);
    out.push(`</${tag}>`);
  }
  out.push('</table>');
  return out.join('\n');
}

/** The grid's column weights as percentages (the table is laid out fixed, so label columns keep their room). */
export function colgroupHtml(grid: TableGrid): string {
  const sum = grid.columnWeights.reduce((a, b) => a + b, 0);
  const cols = grid.columnWeights.map((w) => `<col style="width: ${((w / sum) * 100).toFixed(3)}%">`);
  return `<colgroup>${cols.join('')}</colgroup>`;
}

function cellHtml(c: GridCell, fontPt: number | null): string {
  const attrs: string[] = [];
  if (c.rowSpan > 1) attrs.push(`rowspan="${c.rowSpan}"`);
  if (c.colSpan > 1) attrs.push(`colspan="${c.colSpan}"`);
  if (c.header) {
    if (c.scope) attrs.unshift(`scope="${c.scope}"`);
    // a column header may break between its words only (<wbr>, with word-break: keep-all): 社会<wbr>公益<wbr>组织
    const text = c.scope === 'col' || c.scope === 'colgroup' ? wordUnits(c.text).map(escapeHtml).join('<wbr>') : escapeHtml(c.text);
    return `<th${attrText(attrs)}>${text}</th>`;
  }
  if (c.numeric) attrs.unshift('class="gk-num"');
  if (fontPt !== null) attrs.push(`style="font-size: ${fontPt}pt"`);
  if (c.path) attrs.push(`data-cell="${escapeHtml(c.path)}"`);
  return `<td${attrText(attrs)}>${escapeHtml(c.text)}</td>`;
}

const attrText = (attrs: string[]): string => (attrs.length === 0 ? '' : ` ${attrs.join(' ')}`);
