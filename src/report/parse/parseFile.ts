/**
 * A report file of any supported kind → ReportData. The format comes from the extension, checked
 * against the file's first bytes (a `.pdf` that is not a PDF is said to be so, not parsed as text).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { UnreadableReportError } from '../errors.ts';
import type { ReportData } from '../reportData.ts';
import type { ExtractedDocument, InputFormat } from './document.ts';
import { decodeText, looksBinary } from './extract/decode.ts';
import { linesFromText } from './extract/text.ts';
import { parseExtracted, type ParseOptions } from './parseReport.ts';

const BY_EXTENSION: Record<string, InputFormat> = {
  '.txt': 'text', '.text': 'text', '.md': 'text', '.markdown': 'text',
  '.html': 'html', '.htm': 'html', '.shtml': 'html', '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

export const REPORT_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

export function formatOf(path: string, bytes: Uint8Array): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.doc' || ext === '.wps') throw new UnreadableReportError(`${ext} (old binary Word) is not supported; save it as .docx`);
  const known = BY_EXTENSION[ext];
  if (known) return known;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('%pdf-')) return 'pdf';
  if (head.startsWith('pk\u0003\u0004')) return 'docx';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|table|div|p)[\s>]/.test(head)) return 'html';
  return 'text';
}

// pdf.js, mammoth and cheerio load only when a file of their kind is read (CLI start-up stays light)
export async function extractBytes(bytes: Uint8Array, format: InputFormat): Promise<ExtractedDocument> {
  switch (format) {
    case 'pdf':
      return (await import('./extract/pdf.ts')).extractPdf(bytes);
    case 'docx':
      if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new UnreadableReportError('not a .docx file (not a ZIP package)');
      return (await import('./extract/docx.ts')).extractDocx(bytes);
    case 'html':
    case 'text': {
      if (looksBinary(bytes)) throw new UnreadableReportError('binary data, not text');
      const text = decodeText(bytes);
      return format === 'html' ? (await import('./extract/html.ts')).extractHtml(text) : { format: 'text', lines: linesFromText(text) };
    }
  }
}

export async function parseReportBytes(bytes: Uint8Array, name: string, options: ParseOptions = {}): Promise<ReportData> {
  if (bytes.length === 0) throw new UnreadableReportError('empty file');
  const doc = await extractBytes(bytes, formatOf(name, bytes));
  return parseExtracted(doc, { source: name, ...options });
}

export async function parseReportFile(path: string, options: ParseOptions = {}): Promise<ReportData> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableReportError(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read the file (${(error as Error).message})`);
  }
  return parseReportBytes(bytes, path, options);
}
