/**
 * The annual report as PDF (pdfkit): A4 with official-document margins (GB/T 9704), a serif body (Noto
 * Serif SC for 仿宋/宋体), 黑体-like headings (Noto Sans SC bold), all embedded as subsets so the Chinese
 * text stays searchable and copyable; paragraphs justified and broken by the Chinese line-breaking rules
 * (cjkLines.ts); ruled tables drawn from the shared grid with their merged cells, header text broken
 * between words, figures never broken (set smaller when a column is too narrow), page breaks that repeat a
 * table's column headers, and page numbers odd-right / even-left.
 */
import PDFDocument from 'pdfkit';
import type { ReportData } from '../reportData.ts';
import { breakLines, wordUnits } from './cjkLines.ts';
import { PDF_FACES, registerChineseFonts } from './pdfFonts.ts';
import { reportDocument, titleLines } from './reportDocument.ts';
import { gridRows, type GridCell, type TableGrid } from './tableLayout.ts';

const MM = 72 / 25.4;
const A4: [number, number] = [210 * MM, 297 * MM];
export const PDF_MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

const SIZE = { title: 18, heading: 14, body: 12, table: 10, tableSmall: 8.5, footer: 10 } as const;
const CELL_PAD_X = 2.5;
const CELL_PAD_Y = 2.2;
const RULE = 0.6;

type Doc = PDFKit.PDFDocument;

export async function renderReportPdf(report: ReportData): Promise<Buffer> {
  const model = reportDocument(report);
  const doc = new PDFDocument({
    size: A4,
    margins: { top: PDF_MARGINS_MM.top * MM, bottom: PDF_MARGINS_MM.bottom * MM, left: PDF_MARGINS_MM.left * MM, right: PDF_MARGINS_MM.right * MM },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: model.title, Author: report.agency, Creator: 'gongkai' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  registerChineseFonts(doc);

  doc.font(PDF_FACES.title).fontSize(SIZE.title);
  // a long title breaks after the agency, not wherever the line is full
  const title = titleLines(model, contentWidth(doc) / SIZE.title);
  doc.text(title.join('\n'), { align: 'center', lineGap: 4 });
  doc.moveDown(0.8);
  for (const p of model.preamble) paragraph(doc, p);
  for (const section of model.sections) {
    // A short lead-in stays on the page of its table, with the heading above it.
    const lead = section.table ? paragraphsHeight(doc, section.paragraphs) : 0;
    const next = section.table && lead < pageHeight(doc) / 4 ? lead + tableStartHeight(doc, section.table, lead) : 0;
    heading(doc, section.heading, next);
    for (const p of section.paragraphs) paragraph(doc, p);
    if (section.table) drawTable(doc, section.table);
  }
  numberPages(doc);
  doc.end();
  return done;
}

/** pdfkit takes a parsed font where its types only admit bytes or a path. */
const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const pageBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
const remaining = (doc: Doc) => pageBottom(doc) - doc.y;

const PARAGRAPH = { indent: SIZE.body * 2, lineGap: 5 } as const;
const pageHeight = (doc: Doc) => doc.page.height - doc.page.margins.top - doc.page.margins.bottom;

/** A body paragraph: first line indented two characters, lines broken by the Chinese rules, justified. */
function paragraph(doc: Doc, text: string): void {
  doc.font(PDF_FACES.body).fontSize(SIZE.body);
  const width = contentWidth(doc);
  const lines = breakLines(text, width, (t) => doc.widthOfString(t), { firstIndent: PARAGRAPH.indent });
  const lineHeight = doc.currentLineHeight(true) + PARAGRAPH.lineGap;
  lines.forEach((line, i) => {
    if (doc.y + lineHeight > pageBottom(doc)) doc.addPage();
    const indent = i === 0 ? PARAGRAPH.indent : 0;
    const chars = [...line].length;
    const natural = doc.widthOfString(line);
    // every line but the last is set flush to both margins: the slack shared out between its characters
    const spacing = i < lines.length - 1 && chars > 1 ? Math.max(0, (width - indent - natural) / (chars - 1)) : 0;
    const y = doc.y;
    doc.text(line, doc.page.margins.left + indent, y, { lineBreak: false, characterSpacing: spacing });
    doc.y = y + lineHeight;
  });
  doc.x = doc.page.margins.left;
}

function paragraphsHeight(doc: Doc, texts: string[]): number {
  doc.font(PDF_FACES.body).fontSize(SIZE.body);
  const lineHeight = doc.currentLineHeight(true) + PARAGRAPH.lineGap;
  return texts.reduce((h, text) => h + breakLines(text, contentWidth(doc), (t) => doc.widthOfString(t), { firstIndent: PARAGRAPH.indent }).length * lineHeight, 0);
}

/** A heading stays with at least two lines of what follows, or with the start of its table (`next` points). */
function heading(doc: Doc, text: string, next: number): void {
  doc.font(PDF_FACES.heading).fontSize(SIZE.heading);
  if (remaining(doc) < doc.currentLineHeight(true) * 2 + Math.max(SIZE.body * 4, next)) doc.addPage();
  doc.moveDown(0.4);
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), indent: SIZE.body * 2, lineGap: 4 });
  doc.moveDown(0.2);
}

/**
 * Page numbers as GB/T 9704 sets them: `— 1 —` below the text, odd pages at the right and even pages at
 * the left, one character in from the text's edge.
 */
function numberPages(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const n = i + 1 - range.start;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    doc.font(PDF_FACES.body).fontSize(SIZE.footer);
    const label = `— ${n} —`;
    const inset = SIZE.footer;
    const x = n % 2 === 1 ? doc.page.width - doc.page.margins.right - inset - doc.widthOfString(label) : doc.page.margins.left + inset;
    doc.text(label, x, doc.page.height - bottom / 2, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

interface Measured {
  cells: GridCell[];
  roles: ('caption' | 'head' | 'body')[];
  groupOf: number[];
  heights: number[];
  x: number[];
  fontSize: number;
}

function measure(doc: Doc, grid: TableGrid): Measured {
  const fontSize = grid.columnCount > 8 ? SIZE.tableSmall : SIZE.table;
  doc.font(PDF_FACES.body).fontSize(fontSize);
  const width = contentWidth(doc);
  const sum = grid.columnWeights.reduce((a, b) => a + b, 0);
  const x = [0];
  for (const w of grid.columnWeights) x.push(x[x.length - 1]! + (w / sum) * width);
  const rows = gridRows(grid);
  const groupOf = grid.groups.flatMap((g, gi) => g.rows.map(() => gi));
  const cells = rows.flatMap((r) => r.cells);
  const minHeight = doc.currentLineHeight(true) + 2 * CELL_PAD_Y;
  const heights = rows.map(() => minHeight);
  // Single-row cells set their row's height first; a merged cell then stretches its rows evenly if it needs more.
  for (const c of [...cells].sort((a, b) => a.rowSpan - b.rowSpan)) {
    const need = textHeight(doc, c, x) + 2 * CELL_PAD_Y;
    const have = heights.slice(c.row, c.row + c.rowSpan).reduce((a, b) => a + b, 0);
    if (need > have) for (let r = c.row; r < c.row + c.rowSpan; r++) heights[r]! += (need - have) / c.rowSpan;
  }
  return { cells, roles: rows.map((r) => r.role), groupOf, heights, x, fontSize };
}

function cellWidth(c: GridCell, x: number[]): number {
  return x[c.col + c.colSpan]! - x[c.col]! - 2 * CELL_PAD_X;
}

const isCentred = (c: GridCell) => c.numeric || (c.header && c.scope !== 'row');

/** The width a cell's text is set in (its lines are already broken by cellLines). */
function textWidth(_doc: Doc, c: GridCell, x: number[]): number {
  return cellWidth(c, x);
}

/**
 * A cell's text as the lines it is printed in: a header or label broken between words (`社会|公益|组织`,
 * `不予|公开`) and by the Chinese rules, a figure never (one line, set smaller if the column is too narrow).
 */
function cellLines(doc: Doc, c: GridCell, x: number[]): string[] {
  if (c.numeric || c.text === '') return [c.text];
  const width = cellWidth(c, x);
  const measure = (t: string) => doc.widthOfString(t);
  if (measure(c.text) <= width) return [c.text];
  return breakLines(c.text, width, measure, { units: wordUnits });
}

const CELL_LINE_GAP = 1;

/** Lines set one by one (pdfkit's own wrapper would break them again, by its own measure). */
function drawLines(doc: Doc, lines: string[], x: number, y: number, width: number, centred: boolean): void {
  const pitch = doc.currentLineHeight(true) + CELL_LINE_GAP;
  lines.forEach((line, i) => {
    const lx = centred ? x + (width - doc.widthOfString(line)) / 2 : x;
    doc.text(line, lx, y + i * pitch, { lineBreak: false });
  });
}

/** The font size a figure fits its cell in on one line: the table's size, or smaller for a long figure. */
function figureSize(doc: Doc, c: GridCell, x: number[], size: number): number {
  if (!c.numeric || c.text === '') return size;
  doc.fontSize(size);
  const natural = doc.widthOfString(c.text);
  const width = cellWidth(c, x);
  return natural <= width ? size : Math.floor((size * width * 10) / natural) / 10;
}

/** The current font's ascender in points: pdfkit sets a line's top `ascender` above its baseline. */
function ascent(doc: Doc): number {
  const font = (doc as unknown as { _font: { ascender: number }; _fontSize: number });
  return (font._font.ascender / 1000) * font._fontSize;
}

/** Where a glyph's visual centre lies above its baseline (Noto Serif SC: 中 spans about -0.07 to 0.83 em). */
const GLYPH_CENTRE_EM = 0.38;

function textHeight(doc: Doc, c: GridCell, x: number[]): number {
  if (c.text === '') return 0;
  const lines = c.numeric ? 1 : cellLines(doc, c, x).length;
  return lines * (doc.currentLineHeight(true) + CELL_LINE_GAP) - CELL_LINE_GAP;
}

/**
 * A break before row r costs one per merged cell it cuts through; leaving a caption or header row
 * without the rows it heads is a last resort; cutting a table-2 block, or leaving one or two rows for the
 * next page, is worse than cutting a merged label.
 */
function breakCost(m: Measured, r: number): number {
  let cost = m.cells.filter((c) => c.row < r && r < c.row + c.rowSpan).length;
  if (m.roles[r] === 'head' || m.roles[r - 1] !== 'body') cost += 1000;
  if (m.roles.includes('caption') && m.roles[r] === 'body' && m.groupOf[r] === m.groupOf[r - 1]) cost += 100;
  if (m.heights.length - r < 3) cost += 500; // a widow row or two under a repeated header
  return cost;
}

/**
 * The height a table needs below its heading and lead-in: all of it when the three fit on one page
 * (tables 3 and 4 are then never cut), else its header rows and first rows. Table 2 breaks cleanly
 * between its blocks, so it needs only its first block.
 */
function tableStartHeight(doc: Doc, grid: TableGrid, lead: number): number {
  const m = measure(doc, grid);
  const sum = (rows: number) => m.heights.slice(0, rows).reduce((a, b) => a + b, 0);
  if (m.roles.includes('caption')) return sum(grid.groups[0]?.rows.length ?? 0);
  doc.font(PDF_FACES.heading).fontSize(SIZE.heading);
  const headingHeight = doc.currentLineHeight(true) * 2;
  if (headingHeight + lead + sum(m.heights.length) <= pageHeight(doc)) return sum(m.heights.length);
  const headRows = grid.groups[0]?.kind === 'head' ? grid.groups[0].rows.length : 0;
  return sum(headRows + 3);
}

function drawTable(doc: Doc, grid: TableGrid): void {
  const m = measure(doc, grid);
  const rowCount = m.heights.length;
  const headRows = grid.groups[0]?.kind === 'head' ? grid.groups[0].rows.length : 0;
  const head = Array.from({ length: headRows }, (_, i) => i);
  const headHeight = m.heights.slice(0, headRows).reduce((a, b) => a + b, 0);
  const fullPage = pageHeight(doc);

  const slices: number[][] = [];
  const newPageBefore: boolean[] = [];
  let start = headRows;
  let available = remaining(doc) - 6;
  let fresh = false;
  while (start < rowCount) {
    let used = headHeight;
    let end = start;
    while (end < rowCount && used + m.heights[end]! <= available) used += m.heights[end++]!;
    if (end < rowCount && end > start) {
      // Step back to the cheapest break in the lower half of what fits.
      let best = end;
      for (let r = end; r > start && r >= start + (end - start) / 2; r--) if (breakCost(m, r) < breakCost(m, best)) best = r;
      end = best;
    }
    // On a page already begun, a table that would leave a header without its rows starts on the next page.
    if (!fresh && (end === start || (end < rowCount && breakCost(m, end) >= 1000))) {
      fresh = true;
      available = fullPage;
      newPageBefore[slices.length] = true;
      continue;
    }
    if (end === start) end = start + 1; // a row taller than a page is drawn anyway
    slices.push([...head, ...Array.from({ length: end - start }, (_, i) => start + i)]);
    newPageBefore[slices.length] = true;
    start = end;
    available = fullPage;
    fresh = true;
  }
  newPageBefore.length = slices.length;

  // A merged cell cut by a page break prints its text once, in the tallest of its pieces.
  const textSlice = new Map<GridCell, number>();
  for (const c of m.cells) {
    let best = -1;
    let bestHeight = -1;
    slices.forEach((rows, si) => {
      const h = rows.filter((r) => r >= c.row && r < c.row + c.rowSpan).reduce((a, r) => a + m.heights[r]!, 0);
      if (h > bestHeight) {
        best = si;
        bestHeight = h;
      }
    });
    textSlice.set(c, best);
  }

  slices.forEach((slice, si) => {
    if (newPageBefore[si]) doc.addPage();
    const top = doc.y;
    const y = new Map<number, number>();
    let cursor = top;
    for (const r of slice) {
      y.set(r, cursor);
      cursor += m.heights[r]!;
    }
    const left = doc.page.margins.left;
    doc.lineWidth(RULE).strokeColor('#000').font(PDF_FACES.body).fontSize(m.fontSize).fillColor('#000');
    for (const c of m.cells) {
      const visible = slice.filter((r) => r >= c.row && r < c.row + c.rowSpan);
      if (visible.length === 0) continue;
      const cy = y.get(visible[0]!)!;
      const ch = visible.reduce((a, r) => a + m.heights[r]!, 0);
      const cx = left + m.x[c.col]!;
      const cw = m.x[c.col + c.colSpan]! - m.x[c.col]!;
      doc.rect(cx, cy, cw, ch).stroke();
      // Repeated header rows always print; a body cell prints where its text was assigned.
      if (c.text === '' || (c.row >= headRows && textSlice.get(c) !== si)) continue;
      const size = figureSize(doc, c, m.x, m.fontSize);
      doc.fontSize(size);
      // the block of lines centred on its glyphs' middles, not on pdfkit's line boxes
      const pitch = doc.currentLineHeight(true) + CELL_LINE_GAP;
      const n = c.numeric ? 1 : cellLines(doc, c, m.x).length;
      const firstBaseline = cy + ch / 2 - ((n - 1) * pitch) / 2 + GLYPH_CENTRE_EM * size;
      const tw = textWidth(doc, c, m.x);
      const ty = Math.max(cy + CELL_PAD_Y, firstBaseline - ascent(doc));
      drawLines(doc, cellLines(doc, c, m.x), cx + (cw - tw) / 2, ty, tw, isCentred(c));
      doc.fontSize(m.fontSize);
    }
    doc.x = left;
    doc.y = cursor + 10;
  });
}
