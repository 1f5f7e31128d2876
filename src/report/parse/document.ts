/**
 * The common intermediate every input format is turned into: lines of cells, in reading order.
 * Text splits on tabs, `|` and wide gaps; HTML and DOCX give table rows; PDF gives positioned text
 * grouped into lines and cells. `atomic` cells (an HTML/DOCX table cell) hold one figure at most,
 * so their digits are never split.
 */
export type InputFormat = 'text' | 'html' | 'pdf' | 'docx';

export interface SourceLine {
  cells: string[];
  /** cells are real table cells: an empty one is a blank figure, digits in one are one figure */
  atomic: boolean;
  /**
   * Where each cell stands across the page (its centre), when the source lays cells out by position:
   * PDF text items (points), or space-aligned text (character columns). Lets a row that lost a blank
   * cell place its figures under the columns the complete rows show. `xAlt` is the same for text
   * counting a wide (CJK) character as two columns, since extraction tools differ.
   */
  x?: number[];
  xAlt?: number[];
}

export interface ExtractedDocument {
  format: InputFormat;
  lines: SourceLine[];
  /** a title the container states apart from the body (HTML <title>, PDF metadata) */
  title?: string;
}

/** The document as plain text: cells joined by tabs, lines by newlines. */
export function documentText(doc: ExtractedDocument): string {
  return doc.lines.map((l) => l.cells.join('\t')).join('\n');
}
