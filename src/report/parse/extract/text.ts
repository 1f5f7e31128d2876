/**
 * Plain text (a PDF or web page as some tool extracted it, Markdown) to lines of cells: a line splits
 * on tabs, `|` and runs of two or more spaces. Separator lines (`--|---`) carry nothing.
 */
import type { SourceLine } from '../document.ts';

const SEPARATOR_LINE = /^[\s|:\-—=+]*$/;
const CELL_BREAK = /\t|\||\u3000{2,}| {2,}/;

export function linesFromText(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (SEPARATOR_LINE.test(raw) && raw.trim() !== '') continue;
    const cells = raw.split(CELL_BREAK).map((c) => c.trim()).filter((c) => c !== '');
    if (cells.length > 0) lines.push({ cells, atomic: false });
  }
  return lines;
}
