/** DOCX: mammoth turns the document into HTML (tables with their merged cells), read by the HTML path. */
import mammoth from 'mammoth';
import { UnreadableReportError } from '../../errors.ts';
import type { ExtractedDocument } from '../document.ts';
import { extractHtml } from './html.ts';

export async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new UnreadableReportError(`not a readable Word (.docx) file (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  return extractHtml(html, 'docx');
}
