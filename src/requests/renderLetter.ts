/** The answer letter as DOCX (docx) and PDF (pdfkit with Noto Sans SC, subset on embed). */
// docx, pdfkit and the fonts load at the first letter rendered, not at start (issue 14: start time, memory).

export interface RenderableLetter {
  title: string;
  body: string;
  receiptCode: string;
  /** 文号: printed under the title (null for a draft). */
  number?: string | null;
}

/** The reference line under the title: the 文号 (or 草稿) and the receipt code. */
function refLine(letter: RenderableLetter): string {
  return `${letter.number === undefined || letter.number === null ? '（草稿，未编文号）' : letter.number}\u3000\u3000受理编号：${letter.receiptCode}`;
}

/** The body's lines: the salutation, the paragraphs, then (after an empty line) the signature block. */
function split(body: string): { salutation: string; paragraphs: string[]; signature: string[] } {
  const lines = body.split('\n');
  const blank = lines.lastIndexOf('');
  const main = blank >= 0 ? lines.slice(0, blank) : lines;
  const signature = blank >= 0 ? lines.slice(blank + 1).filter((l) => l.trim() !== '') : [];
  const [salutation = '', ...paragraphs] = main;
  return { salutation, paragraphs: paragraphs.filter((p) => p.trim() !== ''), signature };
}

const FONT = '宋体';

export async function renderLetterDocx(letter: RenderableLetter): Promise<Buffer> {
  const { AlignmentType, Document, Packer, Paragraph, TextRun } = await import('docx');
  const { salutation, paragraphs, signature } = split(letter.body);
  const run = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
    new TextRun({ text, font: FONT, size: opts.size ?? 28, ...(opts.bold === true ? { bold: true } : {}) });
  const doc = new Document({
    creator: 'gongkai',
    title: letter.title,
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(letter.title, { bold: true, size: 36 })] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 200 }, children: [run(refLine(letter), { size: 24 })] }),
          new Paragraph({ children: [run(salutation)] }),
          ...paragraphs.map((p) => new Paragraph({ indent: { firstLine: 560 }, spacing: { line: 360 }, children: [run(p)] })),
          new Paragraph({ children: [] }),
          ...signature.map((s) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(s)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function renderLetterPdf(letter: RenderableLetter): Promise<Buffer> {
  const [{ default: PDFDocument }, { registerChineseFonts }] = await Promise.all([import('pdfkit'), import('../report/render/pdfFonts.ts')]);
  const { salutation, paragraphs, signature } = split(letter.body);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 80, right: 80 }, info: { Title: letter.title, Creator: 'gongkai' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    registerChineseFonts(doc);
    doc.font('regular');
    doc.fontSize(18).text(letter.title, { align: 'center' });
    doc.moveDown(0.5);
    doc.fontSize(10).text(refLine(letter), { align: 'right' });
    doc.moveDown(1);
    doc.fontSize(12).text(salutation);
    doc.moveDown(0.3);
    for (const p of paragraphs) {
      // First-line indent of two characters (pdfkit's `indent` keeps the wrapped lines full width).
      doc.text(p, { indent: 24, lineGap: 6, align: 'justify' });
      doc.moveDown(0.3);
    }
    doc.moveDown(1.5);
    for (const s of signature) doc.text(s, { align: 'right' });
    doc.end();
  });
}
