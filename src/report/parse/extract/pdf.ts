/**
 * PDF: the text layer's items with their positions (unpdf / pdf.js) rebuilt into lines and cells.
 * Items whose baselines lie within half a glyph of each other form a line; within a line, a gap wider
 * than about one glyph starts a new cell. Pages follow each other.
 */
import { getDocumentProxy } from 'unpdf';
import { UnreadableReportError } from '../../errors.ts';
import type { ExtractedDocument, SourceLine } from '../document.ts';
import { PAGE_NUMBER } from './text.ts';

interface Item {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

const PDF_MAGIC = '%PDF-';
const TIMEOUT_MS = 60_000;

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedDocument> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes(PDF_MAGIC)) throw new UnreadableReportError('not a PDF file (no %PDF header)');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnreadableReportError(`the PDF could not be read within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  });
  try {
    return await Promise.race([read(bytes), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function read(bytes: Uint8Array): Promise<ExtractedDocument> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new UnreadableReportError('the PDF is encrypted (a password is required to open it)');
    throw new UnreadableReportError(`not a readable PDF (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    // all pages at once: pdf.js answers over a message channel, and waiting page by page leaves the core idle
    const pages = await Promise.all(
      Array.from({ length: pdf.numPages }, async (_, i) => {
        const page = await pdf.getPage(i + 1);
        const content = await page.getTextContent({ disableNormalization: true });
        page.cleanup();
        return pageLines(content.items.flatMap(toItem));
      }),
    );
    const lines: SourceLine[] = pages.flat();
    if (lines.length === 0) throw new UnreadableReportError('the PDF has no text layer (a scanned image?): nothing to read without OCR');
    const info = await pdf.getMetadata().catch(() => null);
    const title = info && typeof (info.info as Record<string, unknown>)['Title'] === 'string' ? ((info.info as Record<string, unknown>)['Title'] as string) : '';
    return title ? { format: 'pdf', lines, title } : { format: 'pdf', lines };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

function toItem(raw: unknown): Item[] {
  if (typeof raw !== 'object' || raw === null || !('str' in raw) || !('transform' in raw)) return [];
  const { str, transform, width } = raw as { str: unknown; transform: unknown; width: unknown };
  if (typeof str !== 'string' || str.trim() === '' || !Array.isArray(transform)) return [];
  const [a, b, , d, e, f] = transform as number[];
  const size = Math.max(1, Math.hypot(a ?? 0, b ?? 0) || Math.abs(d ?? 0));
  return [{ text: str, x: e ?? 0, y: f ?? 0, width: typeof width === 'number' ? width : 0, size }];
}

export function pageLines(items: Item[]): SourceLine[] {
  const lines = rowsOf(items);
  const isPageNumber = (l: SourceLine | undefined) => l !== undefined && PAGE_NUMBER.test(l.cells.join(' '));
  if (isPageNumber(lines.at(-1))) lines.pop();
  if (isPageNumber(lines[0])) lines.shift();
  return lines;
}

function rowsOf(items: Item[]): SourceLine[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: Item[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - item.y) <= row[0]!.size * 0.5) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((p, q) => p.x - q.x);
    const cells: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    let end = -Infinity;
    for (const item of row) {
      const gap = item.x - end;
      if (cells.length === 0 || gap > item.size * 0.9) {
        cells.push(item.text);
        starts.push(item.x);
        ends.push(item.x + item.width);
      } else {
        cells[cells.length - 1] += item.text;
        ends[ends.length - 1] = Math.max(ends.at(-1)!, item.x + item.width);
      }
      end = Math.max(end, item.x + item.width);
    }
    return { cells, atomic: false, x: starts.map((s, i) => (s + ends[i]!) / 2) };
  });
}
