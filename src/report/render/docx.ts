/**
 * The annual report as a Word document (`docx`): A4 with the margins of official documents (GB/T
 * 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), the official fonts, Word's own Title and
 * Heading 1 styles (so the navigation pane and a table of contents see the sections), page numbers
 * odd-right / even-left, and real tables whose merged cells come from the shared grid (rowSpan →
 * vMerge, columnSpan → gridSpan), with table 3's groups kept on one page and figures never wrapped.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import type { ReportData } from '../reportData.ts';
import { breakLines, wordUnits } from './cjkLines.ts';
import { reportDocument, titleLines } from './reportDocument.ts';
import type { GridCell, TableGrid } from './tableLayout.ts';

/** The fonts the document declares; `fallback` is written as the font's altName for machines without it. */
export const DOCX_FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  heading: { name: '黑体', fallback: null },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  table: { name: '宋体', fallback: null },
} as const;
type FontRole = keyof typeof DOCX_FONTS;

export const DOCX_MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
const A4_MM = { width: 210, height: 297 } as const;
/** Rounded, not floored as docx's own helper does: A4 is 11906 × 16838 twips. */
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
/** The width between the margins: 156 mm, 8844 twips. */
export const DOCX_TEXT_WIDTH_TWIPS = twip(A4_MM.width - DOCX_MARGINS_MM.left - DOCX_MARGINS_MM.right);
const TEXT_WIDTH_PT = DOCX_TEXT_WIDTH_TWIPS / 20;

/** Sizes in half-points: 二号 22pt, 三号 16pt, 五号 10.5pt, 小五 9pt. */
const SIZE = { title: 44, heading: 32, body: 32, table: 21, tableSmall: 18, footer: 28 } as const;
/** Exact line pitch of an official document body: 28.95pt (22 lines a page). */
const BODY_LINE_TWIPS = 579;

const font = (role: FontRole) => {
  const name = DOCX_FONTS[role].name;
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
};

export async function renderReportDocx(report: ReportData): Promise<Buffer> {
  const doc = reportDocument(report);
  const title = titleLines(doc, TEXT_WIDTH_PT / (SIZE.title / 2));
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 320, line: 720, lineRule: LineRuleType.EXACT },
      children: title.map((line, i) => new TextRun({ text: line, font: font('title'), size: SIZE.title, ...(i > 0 ? { break: 1 } : {}) })),
    }),
    ...doc.preamble.map((p) => bodyParagraph(p)),
  ];
  for (const section of doc.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        indent: { firstLine: 640 },
        spacing: { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT },
        keepNext: true,
        children: [new TextRun({ text: section.heading, font: font('heading'), size: SIZE.heading })],
      }),
    );
    // The lead-in of a table stays on the page where the table starts.
    const last = section.paragraphs.length - 1;
    children.push(...section.paragraphs.map((p, i) => bodyParagraph(p, section.table !== null && i === last)));
    if (section.table) children.push(...tableBlock(section.table));
  }

  const document = new Document({
    creator: 'gongkai',
    evenAndOddHeaderAndFooters: true,
    title: doc.title,
    styles: {
      default: { document: { run: { font: font('body'), size: SIZE.body } } },
      // Table text as styles, not run formatting: one place for an editor to change it, and the paragraph
      // mark of an empty cell (an unknown figure, a merged cell's continuation) takes the table size too.
      paragraphStyles: [
        // Word's built-in Title and Heading 1, restyled as an official document sets them (no colour, 黑体 三号)
        {
          id: 'Title',
          name: 'Title',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: font('title'), size: SIZE.title, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER },
        },
        {
          id: 'Heading1',
          name: 'heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: font('heading'), size: SIZE.heading, bold: false, color: '000000' },
          paragraph: { keepNext: true, outlineLevel: 0, spacing: { before: 0, after: 0 } },
        },
        {
          id: TABLE_STYLE.normal,
          name: '表格文字',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: font('table'), size: SIZE.table },
          paragraph: { spacing: { before: 0, after: 0, line: 260, lineRule: LineRuleType.AUTO } },
        },
        { id: TABLE_STYLE.small, name: '表格文字（小五）', basedOn: TABLE_STYLE.normal, quickFormat: true, run: { size: SIZE.tableSmall } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(A4_MM.width), height: twip(A4_MM.height) },
            margin: {
              top: twip(DOCX_MARGINS_MM.top),
              bottom: twip(DOCX_MARGINS_MM.bottom),
              left: twip(DOCX_MARGINS_MM.left),
              right: twip(DOCX_MARGINS_MM.right),
            },
          },
        },
        // GB/T 9704: odd pages numbered at the right, even pages at the left, one character in from the edge
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
  return declareFallbacks(await Packer.toBuffer(document));
}

/** `— 1 —` at the outer edge: 四号 (14pt), one character (280 twips) in from the text's edge. */
function pageNumberFooter(side: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('table'), size: SIZE.footer })],
      }),
    ],
  });
}

function bodyParagraph(text: string, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext,
    indent: { firstLine: 640 },
    spacing: { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: font('body'), size: SIZE.body })],
  });
}

export const TABLE_STYLE = { normal: 'GkTableText', small: 'GkTableTextSmall' } as const;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER } as const;

/** Column widths in twips, in proportion to the weights, rounded so that they add up to exactly `total`. */
export function columnWidthsTwips(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const widths = exact.map(Math.floor);
  let short = total - widths.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r);
  for (const { i } of byRemainder) {
    if (short-- <= 0) break;
    widths[i]!++;
  }
  return widths;
}

/** Body rows kept with a table's header rows, so that a header never ends a page on its own. */
const ROWS_WITH_HEADER = 3;
/** Rows kept together at a table's end, so that no single row is carried over under a repeated header. */
const ROWS_AT_END = 2;

/**
 * Which rows are kept on the page of the row after them (Word's keep-with-next, written on every paragraph
 * of the row). Table 2 keeps each block whole and breaks between blocks; tables 3 and 4 keep their header
 * rows with the first body rows, their last rows together, and every merged group of rows whole — table
 * 3, which fits a page, thus starts on a new page rather than leave a group's label on the page before.
 */
export function keptWithNext(grid: TableGrid): boolean[] {
  const rowGroups = grid.groups.flatMap((g, gi) => g.rows.map(() => ({ gi, kind: g.kind })));
  const count = rowGroups.length;
  const headRows = rowGroups.filter((r) => r.kind === 'head').length;
  const blocks = grid.groups.some((g) => g.rows.some((r) => r.role === 'caption'));
  // rows under one merged group label stay together (（三）不予公开 and its eight rows; 三、本年度办理结果 and all
  // its rows, which fit a page), so that no page starts inside a group with its label left on the page before
  const inGroup = new Array<boolean>(count).fill(false);
  for (const c of grid.groups.flatMap((g) => g.rows.flatMap((row) => row.cells))) {
    if (c.header && (c.scope === 'row' || c.scope === 'rowgroup') && c.rowSpan > 1) {
      for (let r = c.row; r < c.row + c.rowSpan - 1; r++) inGroup[r] = true;
    }
  }
  return rowGroups.map((r, i) => {
    if (i === count - 1) return false;
    if (blocks) return rowGroups[i + 1]!.gi === r.gi;
    return i < headRows + ROWS_WITH_HEADER - 1 || i >= count - ROWS_AT_END || inGroup[i]!;
  });
}


function tableBlock(grid: TableGrid): (Paragraph | Table)[] {
  const columnWidths = columnWidthsTwips(grid.columnWeights, DOCX_TEXT_WIDTH_TWIPS);
  // Many narrow columns (tables 3 and 4) take 小五 so that two-character lines fit.
  const style = grid.columnCount > 8 ? TABLE_STYLE.small : TABLE_STYLE.normal;
  const keep = keptWithNext(grid);
  // A cell merged down is written, as Word writes it, as a vMerge restart cell and a continue cell in each
  // row below; the continue cells are written here rather than by docx so that their empty paragraphs
  // take the table's size and do not stretch the rows to the body's 三号.
  const spanning: (GridCell | null)[] = Array<GridCell | null>(grid.columnCount).fill(null);
  const rows: TableRow[] = [];
  let r = 0;
  for (const group of grid.groups) {
    for (const row of group.rows) {
      const starting = new Map(row.cells.map((c) => [c.col, c]));
      const cells: TableCell[] = [];
      for (let col = 0; col < grid.columnCount; ) {
        const above = spanning[col];
        const c = above && above.row + above.rowSpan > r ? above : starting.get(col);
        if (!c) throw new Error(`table ${grid.id}: no cell at row ${r}, column ${col}`);
        const merge = c.rowSpan === 1 ? null : c.row === r ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE;
        cells.push(tableCell(c, columnWidths, style, merge, keep[r]!));
        if (c.row === r) spanning[col] = c;
        col += c.colSpan;
      }
      rows.push(
        new TableRow({
          ...(group.kind === 'head' ? { tableHeader: true } : {}),
          cantSplit: true,
          children: cells,
        }),
      );
      r++;
    }
  }
  return [
    new Table({
      rows,
      columnWidths,
      width: { size: DOCX_TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
      margins: { top: 20, bottom: 20, left: CELL_MARGIN_TWIPS, right: CELL_MARGIN_TWIPS },
    }),
    // Word needs a paragraph between a table and what follows; keep it small.
    new Paragraph({ spacing: { after: 0, line: 240 }, children: [] }),
  ];
}

type VerticalMerge = (typeof VerticalMergeType)[keyof typeof VerticalMergeType];

function tableCell(c: GridCell, columnWidths: number[], style: string, merge: VerticalMerge | null, keepNext: boolean): TableCell {
  const width = columnWidths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  const centred = c.numeric || (c.header && c.scope !== 'row' && c.scope !== 'rowgroup');
  const text = merge === VerticalMergeType.CONTINUE || c.text === '' ? null : c.text;
  const size = c.numeric && text !== null ? figureHalfPoints(text, width, style) : null;
  return new TableCell({
    ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    ...(merge ? { verticalMerge: merge } : {}),
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        style,
        alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
        keepNext,
        children: text === null ? [] : size !== null ? [new TextRun({ text, size })] : columnHeader(c) ? labelRuns(text, width, style) : [new TextRun(text)],
      }),
    ],
  });
}

/** Cell margins left and right, twips (see tableBlock). */
const CELL_MARGIN_TWIPS = 60;
/** A digit of 宋体 is half an em wide; more, for the wider faces a machine without 宋体 substitutes. */
const DIGIT_EM = 0.68;

/**
 * The size (half-points) a figure is set in so that it fits its cell on one line: the table style's
 * size, or smaller for a long figure in a narrow column (Word would wrap it inside the number).
 */
export function figureHalfPoints(text: string, cellTwips: number, style: string): number | null {
  const styleSize = style === TABLE_STYLE.small ? SIZE.tableSmall : SIZE.table;
  const availablePt = (cellTwips - 2 * CELL_MARGIN_TWIPS) / 20;
  const needPt = text.length * DIGIT_EM * (styleSize / 2);
  if (needPt <= availablePt) return null;
  return Math.max(8, Math.floor((2 * availablePt) / (text.length * DIGIT_EM)));
}

const columnHeader = (c: GridCell) => c.header && (c.scope === 'col' || c.scope === 'colgroup');

/**
 * A column header's text as runs with line breaks between words (`社会公益|组织`, not `社会公益组|织`): Word breaks
 * CJK anywhere, so the breaks are set here, from an estimate of the width (1 em a Han character).
 */
function labelRuns(text: string, cellTwips: number, style: string): TextRun[] {
  const sizePt = (style === TABLE_STYLE.small ? SIZE.tableSmall : SIZE.table) / 2;
  const availablePt = (cellTwips - 2 * CELL_MARGIN_TWIPS) / 20 - 1;
  const measure = (t: string) => [...t].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 0.55 : 1), 0) * sizePt;
  if (measure(text) <= availablePt) return [new TextRun(text)];
  return breakLines(text, availablePt, measure, { units: wordUnits }).map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `docx` writes no font table entries for fonts it does not embed; declare ours with their fallbacks. */
async function declareFallbacks(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const path = 'word/fontTable.xml';
  const xml = await zip.file(path)?.async('string');
  if (xml === undefined) return buffer;
  const entries = Object.values(DOCX_FONTS)
    .map(
      (f) =>
        `<w:font w:name="${escapeXml(f.name)}">${f.fallback ? `<w:altName w:val="${escapeXml(f.fallback)}"/>` : ''}` +
        '<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>',
    )
    .join('');
  const patched = xml.includes('</w:fonts>') ? xml.replace('</w:fonts>', `${entries}</w:fonts>`) : xml.replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1>${entries}</w:fonts>`);
  zip.file(path, patched);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
