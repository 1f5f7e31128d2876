/**
 * Plain text (a PDF or web page as some tool extracted it, Markdown) to lines of cells: a line splits
 * on tabs, `|` and runs of two or more spaces. Separator lines (`--|---`) carry nothing.
 *
 * An empty cell between two figures (`8\t0\t\t0\t1`) is a blank cell of the table and is kept (the
 * tokeniser makes it a blank: an unknown figure, not a zero). Empty cells elsewhere — around labels,
 * at the ends of a line — only pad the layout and are dropped. A Markdown row (`| a | 3 |  |`)
 * delimits every cell, so there any empty cell after the row's labels is a blank.
 */
import type { SourceLine } from '../document.ts';

const SEPARATOR_LINE = /^[\s|:\-—=+]*$/;
/** A tab or `|` with the spaces around it is one break (`| 0 |  | 3 |` has one empty cell); else a wide gap. */
const CELL_BREAK = /[ \u3000]*[\t|][ \u3000]*|\u3000{2,}| {2,}/;
/** A cell that holds one figure (or a blank mark): digits with separators, a sign, a unit. */
const FIGURE_CELL = /^(?:[-−]?[0-9０-９][0-9０-９,，.．]*\s*(?:万元|元|件|个|条|项)?|[-—–―/\\]{1,2})$/u;

/** `— 1 —`, `- 2 -`, `第3页`, `第 3 页 共 9 页`, `3/9`: a page number, not a figure of the report. */
export const PAGE_NUMBER = /^[\s\-—–_]*(?:第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)[\s\-—–_]*$|^\s*[-—–_]+\s*\d+\s*[-—–_]+\s*$/;

export function linesFromText(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const raws = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    if (SEPARATOR_LINE.test(raw) && raw.trim() !== '') continue;
    if (PAGE_NUMBER.test(raw)) continue;
    // a bare number on the last line of a page (before a form feed) is its page number
    if (/^\s*\d{1,3}\s*$/.test(raw) && nextPageFollows(raws, i)) continue;
    if (!/[\t|]/.test(raw) && /\S {2,}\S/.test(raw)) {
      const aligned = spaceAligned(raw);
      if (aligned) {
        lines.push(aligned);
        continue;
      }
    }
    const cells = keepInnerBlanks(pipeCells(raw) ?? raw.split(CELL_BREAK).map((c) => c.trim()), PIPE_ROW.test(raw) || PIPED_LINE.test(raw));
    if (cells.length > 0) lines.push({ cells, atomic: false });
  }
  return lines;
}

/** A line whose cells are separated by runs of spaces: the cells with the column each is centred on. */
function spaceAligned(raw: string): SourceLine | null {
  const cells: string[] = [];
  const x: number[] = [];
  const xAlt: number[] = [];
  const gap = /(?: {2,}|\u3000{2,}|\f)+/g;
  let from = 0;
  const push = (to: number) => {
    const text = raw.slice(from, to);
    const trimmed = text.trim();
    if (trimmed === '') return;
    const lead = text.length - text.trimStart().length;
    const start = from + lead;
    const end = start + trimmed.length;
    cells.push(trimmed);
    x.push((start + end) / 2);
    const before = wideCount(raw, 0, start);
    xAlt.push((start + before + end + before + wideCount(raw, start, end)) / 2);
  };
  for (let m = gap.exec(raw); m; m = gap.exec(raw)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(raw.length);
  return cells.length > 0 ? { cells, atomic: false, x, xAlt } : null;
}

function wideCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) >= 0x2e80) n++;
  return n;
}

function nextPageFollows(raws: readonly string[], i: number): boolean {
  for (let k = i + 1; k < raws.length; k++) {
    if (raws[k]!.startsWith('\f')) return true;
    if (raws[k]!.trim() !== '') return false;
  }
  return false;
}

/** A Markdown table row, `| a | b |  |`: every cell is delimited, so an empty last cell is a cell too. */
const PIPE_ROW = /^\s*\|.*\|\s*$/;
/** A row whose cells are all `|`-separated (`三、本年度办理结果 | （一）予以公开 | 258 | 12 |  |`), with or without outer bars. */
const PIPED_LINE = /\|.*\|/;

/**
 * The cells of a `|`-separated line, split on the bars only (spaces inside a cell are not breaks): every
 * cell between two bars keeps its position. Outer bars delimit nothing; a line without them is padded so
 * that keepInnerBlanks can drop the outer cells alike. Null for a line with fewer than two bars.
 */
function pipeCells(raw: string): string[] | null {
  if (!PIPED_LINE.test(raw) || raw.includes('\t')) return null;
  const parts = raw.split('|').map((c) => c.trim());
  if (PIPE_ROW.test(raw)) return parts;
  // `a | b | |`: the text after the last bar is outside the row when the line ends with a bar
  const trimmed = raw.trim();
  const head = trimmed.startsWith('|') ? parts : ['', ...parts];
  return trimmed.endsWith('|') ? head : [...head, ''];
}

function keepInnerBlanks(split: string[], piped: boolean): string[] {
  // a pipe row's outer bars delimit nothing
  const cells = piped ? split.slice(1, -1) : split;
  if (!cells.includes('')) return cells;
  if (piped) {
    // every cell of a pipe row is delimited: in a row of figures, an empty cell after the row's labels is a
    // blank (even the first or last figure); before or among the labels it stands for a merged label cell
    if (!cells.some((c) => c !== '' && FIGURE_CELL.test(c))) return cells.filter((c) => c !== '');
    let lastLabel = -1;
    cells.forEach((c, i) => {
      if (c !== '' && !FIGURE_CELL.test(c)) lastLabel = i;
    });
    return cells.filter((c, i) => c !== '' || i > lastLabel);
  }
  const out: string[] = [];
  let lastFilled = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell !== '') {
      out.push(cell);
      lastFilled = cell;
      continue;
    }
    if (!FIGURE_CELL.test(lastFilled)) continue;
    let next = i + 1;
    while (next < cells.length && cells[next] === '') next++;
    if (next < cells.length && FIGURE_CELL.test(cells[next]!)) out.push('');
  }
  return out;
}
