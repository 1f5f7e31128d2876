/**
 * The annual report as a Word document (`docx`): A4 with the margins of official documents (GB/T
 * 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), the official fonts, and real tables whose
 * merged cells come from the shared grid (rowSpan → vMerge, columnSpan → gridSpan).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
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
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import type { ReportData } from '../reportData.ts';
import { reportDocument } from './reportDocument.ts';
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
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 320, line: 720, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: doc.title, font: font('title'), size: SIZE.title })],
    }),
    ...doc.preamble.map(bodyParagraph),
  ];
  for (const section of doc.sections) {
    children.push(
      new Paragraph({
        indent: { firstLine: 640 },
        spacing: { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT },
        keepNext: true,
        children: [new TextRun({ text: section.heading, font: font('heading'), size: SIZE.heading })],
      }),
    );
    children.push(...section.paragraphs.map(bodyParagraph));
    if (section.table) children.push(...tableBlock(section.table));
  }

  const document = new Document({
    creator: 'gongkai',
    title: doc.title,
    styles: { default: { document: { run: { font: font('body'), size: SIZE.body } } } },
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
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('table'), size: SIZE.footer })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return declareFallbacks(await Packer.toBuffer(document));
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 640 },
    spacing: { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: font('body'), size: SIZE.body })],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER } as const;

function tableBlock(grid: TableGrid): (Paragraph | Table)[] {
  const textWidth = twip(A4_MM.width - DOCX_MARGINS_MM.left - DOCX_MARGINS_MM.right);
  const weightSum = grid.columnWeights.reduce((a, b) => a + b, 0);
  const columnWidths = grid.columnWeights.map((w) => Math.floor((w / weightSum) * textWidth));
  // Many narrow columns (tables 3 and 4) take 小五 so that two-character lines fit.
  const size = grid.columnCount > 8 ? SIZE.tableSmall : SIZE.table;
  const rows: TableRow[] = [];
  for (const group of grid.groups) {
    for (const row of group.rows) {
      rows.push(
        new TableRow({
          ...(group.kind === 'head' ? { tableHeader: true } : {}),
          cantSplit: true,
          children: row.cells.map((c) => tableCell(c, columnWidths, size)),
        }),
      );
    }
  }
  return [
    new Table({ rows, columnWidths, width: { size: textWidth, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: BORDERS }),
    // Word needs a paragraph between a table and what follows; keep it small.
    new Paragraph({ spacing: { after: 0, line: 240 }, children: [] }),
  ];
}

function tableCell(c: GridCell, columnWidths: number[], size: number): TableCell {
  const width = columnWidths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  const centred = c.numeric || (c.header && c.scope !== 'row' && c.scope !== 'rowgroup');
  return new TableCell({
    rowSpan: c.rowSpan,
    columnSpan: c.colSpan,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 20, bottom: 20, left: 60, right: 60 },
    children: [
      new Paragraph({
        alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: 260, lineRule: LineRuleType.AUTO },
        children: c.text === '' ? [] : [new TextRun({ text: c.text, font: font('table'), size })],
      }),
    ],
  });
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
