/**
 * The tokeniser: lines of cells → a flat stream of label text, figures, blanks and list numbers.
 *
 * A digit run is kept whole (`713000074`): only the table readers, which know how many cells a row
 * has and which relations hold, may split it. A list number glued to the figures before it
 * (`00000002.其他法律…`) is detached here, since a row number is always one digit followed by `.`
 * or `、` and a Han character. Figures in prose (`136件`, `2020年`, `第3`) are marked so that table
 * readers skip them; a figure standing alone with its unit (`| 24件 |`, `8件 0件`) is a table figure.
 * A cell that is one number (a table cell, or a lone number in a row of three or more cells) is never
 * cut; an empty cell the extractor kept is a blank (unknown, not zero).
 */
import type { SourceLine } from './document.ts';
import { isHan, labelStreamKey } from './normalize.ts';

/** Fields every token has: its line, the text as printed, and the whitespace before it. */
interface Printed {
  line: number;
  /** the original characters (before NFKC) */
  raw: string;
  /** what separated it from the previous token: nothing, a space, a cell break, a line break */
  sep: '' | ' ' | '\t' | '\n';
  /** the centre of its cell across the page, when the source gives positions and the cell holds this token alone */
  x?: number;
  xAlt?: number;
}

export interface TextToken extends Printed {
  kind: 'text';
  /** the label key of this piece of text (see normalize.ts) */
  key: string;
}

export interface NumberToken extends Printed {
  kind: 'num';
  /** the digits as printed (`713000074`, `1259.80`), without sign or unit */
  digits: string;
  negative: boolean;
  decimal: boolean;
  unit: 'wan' | 'yuan' | null;
  /** part of a sentence (`136件`), not a table figure */
  prose: boolean;
  /** from a real table cell: one figure, never split */
  atomic: boolean;
}

export interface BlankToken extends Printed {
  kind: 'blank';
}

export interface ListToken extends Printed {
  kind: 'list';
}

export type Token = TextToken | NumberToken | BlankToken | ListToken;
export type FigureToken = NumberToken | BlankToken;

/** A cell holding one number only (full- or half-width digits, a sign, a decimal part). */
const LONE_NUMBER = /^[-−－+]?[0-9０-９]+(?:[.．][0-9０-９]+)?$/u;
/** Cells that mean "no figure here" (not zero). */
const BLANK_MARKS = new Set(['-', '--', '—', '——', '–', '―', '/', '\\', '无', '空', '...', '…']);
/** A count's unit after a figure that stands alone (`12件`, `| 3 个 |`, `8件 0件 0件`): a table figure with its unit. */
const CELL_UNIT = /^ ?[件个条项次人家宗](?=\s|$)/u;
/** What follows a mark that separates label parts: more label (text, a bracket, a list number `2.其他`). */
const LABEL_FOLLOWS = /^\s*(?:[\p{L}(]|\d[.、]\s*\p{Script=Han})/u;
/** A figure followed by one of these is a quantity in a sentence, not a cell. */
const PROSE_SUFFIX = /^[年月日时件个条项次%‰人家篇期号天亿份名位批户起宗场余多类万km]/u;

export function tokenize(lines: readonly SourceLine[]): Token[] {
  const tokens: Token[] = [];
  lines.forEach((line, index) => {
    line.cells.forEach((rawCell, c) => {
      const sep = c > 0 ? '\t' : index > 0 ? '\n' : '';
      const before = tokens.length;
      if (rawCell.trim() === '') {
        // an empty cell is a blank figure: a table cell (atomic), or one the text extractor kept between figures
        tokens.push({ kind: 'blank', raw: '', line: index, sep });
        return;
      }
      // a cell that is one number, in a row laid out as three or more cells, is a table cell: `35` beside
      // `2` is thirty-five (only digits run together inside text, `713000074`, are cut by the readers)
      const lone = !line.atomic && line.cells.length >= 3 && LONE_NUMBER.test(rawCell.trim());
      tokenizeCell(rawCell, line.atomic || lone, index, tokens);
      if (tokens.length > before) tokens[before]!.sep = sep;
      const only = tokens.length === before + 1 ? tokens[before]! : null;
      if (only && line.x?.[c] !== undefined) {
        only.x = line.x[c];
        if (line.xAlt?.[c] !== undefined) only.xAlt = line.xAlt[c];
      }
    });
  });
  return tokens;
}

/** NFKC char by char, remembering where each normalised character came from. */
function normalizeWithMap(original: string): { text: string; origin: number[] } {
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    let piece: string;
    if (code < 0x80) piece = original[i]!;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < original.length) {
      piece = original.slice(i, i + 2).normalize('NFKC');
      for (let k = 0; k < piece.length; k++) origin.push(i);
      text += piece;
      i++;
      continue;
    } else piece = original[i]!.normalize('NFKC');
    for (let k = 0; k < piece.length; k++) origin.push(i);
    text += piece;
  }
  origin.push(original.length);
  return { text, origin };
}

function tokenizeCell(original: string, atomic: boolean, line: number, out: Token[]): void {
  const { text: cell, origin } = normalizeWithMap(original);
  const cellStart = out.length;
  const rawOf = (from: number, to: number) => original.slice(origin[from], origin[to]);
  let sep: Printed['sep'] = '';
  const push = (token: Token) => {
    token.sep = sep;
    sep = '';
    out.push(token);
  };
  const trimmed = cell.trim();
  if (BLANK_MARKS.has(trimmed)) {
    push({ kind: 'blank', raw: original.trim(), line, sep: '' });
    return;
  }
  // a table cell holds one figure: `1，205` and `1 205` are thousands, not two figures
  if (atomic && /^\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?$/.test(trimmed)) {
    const digits = trimmed.replace(/[,\s]/g, '');
    push({ kind: 'num', digits, negative: false, decimal: digits.includes('.'), unit: null, prose: false, atomic, line, raw: original.trim(), sep: '' });
    return;
  }
  let text = '';
  let textStart = 0;
  const flush = (end: number) => {
    if (text === '') return;
    const raw = rawOf(textStart, end);
    // `三、本年度办理结果 / （三）不予公开`: a mark between two pieces of label is punctuation, not a blank cell
    const between = out.length > cellStart && out.at(-1)!.kind === 'text' && LABEL_FOLLOWS.test(cell.slice(end));
    if (BLANK_MARKS.has(text) && !between) push({ kind: 'blank', raw, line, sep: '' });
    else push({ kind: 'text', key: labelStreamKey(text), raw, line, sep: '' });
    text = '';
  };
  const n = cell.length;
  let i = 0;
  while (i < n) {
    const c = cell[i]!;
    if (c >= '0' && c <= '9') {
      let j = i;
      while (j < n && isDigit(cell[j])) j++;
      let intPart = cell.slice(i, j);
      // `12,345`: thousands separators as printed (a half-width comma in the original, 3 digits after)
      if (j - i <= 3) {
        while (cell[j] === ',' && original[origin[j]!] === ',' && /^\d{3}(?!\d)/.test(cell.slice(j + 1, j + 5))) j += 4;
      }
      if (j > i + intPart.length) intPart = cell.slice(i, j).replace(/,/g, '');
      let decimal = false;
      let end = j;
      if (cell[j] === '.' && isDigit(cell[j + 1])) {
        end = j + 1;
        while (end < n && isDigit(cell[end])) end++;
        decimal = true;
      }
      const afterLetter = /[A-Za-z]$/.test(text);
      // `(1)` list numbering
      if (!decimal && text.endsWith('(') && cell[j] === ')') {
        text = text.slice(0, -1);
        flush(i - 1);
        push({ kind: 'list', raw: rawOf(i - 1, j + 1), line, sep: '' });
        i = j + 1;
        continue;
      }
      // `2.其他` / `2、重复申请` / a row number glued to the previous row's figures
      if (!decimal && !afterLetter && (cell[j] === '.' || cell[j] === '、') && isHan(nextNonSpace(cell, j + 1))) {
        intPart = intPart.slice(0, -1);
        if (intPart !== '') pushNumber(i, intPart, false, j - 1, true);
        else flush(i);
        push({ kind: 'list', raw: rawOf(j - 1, j + 1), line, sep: '' });
        i = j + 1;
        continue;
      }
      i = pushNumber(i, decimal ? cell.slice(i, end).replace(/,/g, '') : intPart, decimal, end, false);
      continue;
    }
    if (c === ' ' || c === '\t') {
      flush(i);
      if (sep === '') sep = ' ';
      i++;
      continue;
    }
    if (text === '') textStart = i;
    text += c;
    i++;
  }
  flush(n);

  /** Push a figure [start, end); returns where scanning resumes (after its unit, if any). */
  function pushNumber(start: number, digits: string, decimal: boolean, end: number, listFollows: boolean): number {
    let negative = false;
    const trimmedText = text.trimEnd();
    if (/[-−]$/.test(trimmedText) && !/[\p{L}\p{N}]/u.test(trimmedText.slice(-2, -1))) {
      negative = true;
      text = trimmedText.slice(0, -1);
    }
    const before = text.trimEnd().slice(-1);
    let prose = before === '第' || /[A-Za-z]$/.test(text) || before === ':' || before === '-';
    flush(negative ? start - 1 : start);
    let unit: NumberToken['unit'] = null;
    let k = end;
    if (!listFollows) {
      while (cell[k] === ' ') k++;
      if (cell.startsWith('万元', k)) {
        unit = 'wan';
        k += 2;
      } else if (cell[k] === '元') {
        unit = 'yuan';
        k += 1;
      } else {
        k = end;
        const rest = cell.slice(end, end + 2);
        const wholeCell = CELL_UNIT.exec(cell.slice(end));
        const standsAlone = /(?:^|\s)$/.test(cell.slice(0, negative ? start - 1 : start));
        if (wholeCell && standsAlone) {
          // `12件` alone in its cell: a figure printed with its unit, not a quantity in a sentence
          k = end + wholeCell[0].length;
        } else if (PROSE_SUFFIX.test(rest) || /^[A-Za-z:]/.test(rest)) prose = true;
      }
    }
    push({ kind: 'num', digits, negative, decimal, unit, prose, atomic, line, raw: rawOf(negative ? start - 1 : start, k), sep: '' });
    return k;
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function nextNonSpace(text: string, from: number): string | undefined {
  let i = from;
  while (text[i] === ' ') i++;
  return text[i];
}

export function isFigure(token: Token): token is FigureToken {
  return (token.kind === 'num' && !token.prose) || token.kind === 'blank';
}
