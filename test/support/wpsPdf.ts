/**
 * A constructed PDF laid out as WPS exports a report (untagged; a ruled table of positioned text): each
 * table-3 row's label at the left, its seven figures in their columns, a long label wrapped over two
 * lines with the figures centred between them. Used to test the PDF reader on that layout.
 */
import PDFDocument from 'pdfkit';
import { registerChineseFonts } from '../../src/report/render/pdfFonts.ts';

export interface WpsRow {
  /** the label as printed, `\n` where WPS wrapped it */
  label: string;
  figures: (number | null)[];
}

export async function wpsPdf(title: string, preamble: string[], rows: WpsRow[], after: string[] = []): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  registerChineseFonts(doc);
  doc.font('body').fontSize(16).text(title, 50, 50, { lineBreak: false });
  let y = 90;
  doc.fontSize(10.5);
  for (const line of preamble) {
    doc.text(line, 50, y, { lineBreak: false });
    y += 18;
  }
  const header = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const columnX = (c: number) => 300 + c * 36;
  doc.fontSize(8);
  header.forEach((h, c) => doc.text(h, columnX(c), y, { lineBreak: false }));
  y += 16;
  for (const row of rows) {
    const lines = row.label.split('\n');
    lines.forEach((l, i) => doc.text(l, 50, y + i * 11, { lineBreak: false }));
    const figureY = y + ((lines.length - 1) * 11) / 2;
    row.figures.forEach((f, c) => {
      if (f !== null) doc.text(String(f), columnX(c) + 8, figureY, { lineBreak: false });
    });
    y += lines.length * 11 + 5;
    if (y > 760) {
      doc.addPage();
      y = 60;
    }
  }
  doc.fontSize(10.5);
  for (const line of after) {
    doc.text(line, 50, y, { lineBreak: false });
    y += 18;
  }
  doc.end();
  return done;
}
