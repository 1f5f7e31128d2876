/**
 * Chinese line breaking for the renderers that set text themselves (PDF): lines filled greedily, with
 * the rules of Chinese typesetting (GB/T 15834, JIS X 4051 kinsoku) — no line starts with closing
 * punctuation (。，、；：？！）」』》】 …) and none ends with an opening one (（「『《【 …); a number or a
 * Latin word is never cut; table headers break between words (`社会|公益|组织`, not `社会公|益组织`).
 */

/** Characters that must not begin a line. */
export const NO_LINE_START = new Set([...'。，、；：？！）］｝」』》〉】〕〗”’％‰…—·．，.,;:?!)]}%']);
/** Characters that must not end a line. */
export const NO_LINE_END = new Set([...'（［｛「『《〈【〔〖“‘(['].map((c) => c));

/** Width of a piece of text, in the caller's unit (pdfkit: `doc.widthOfString`). */
export type Measure = (text: string) => number;

/**
 * Units that are never cut: a run of digits with its separators and sign (`12,630`, `1259.80`, `-2`),
 * a Latin word, a `——` or `……` pair; otherwise one character.
 */
export function lineUnits(text: string): string[] {
  return text.match(/[-+]?[0-9０-９][0-9０-９.,，．%％]*|[A-Za-z]+(?:[-'][A-Za-z]+)*|——|……|[\s\S]/gu) ?? [];
}

/** Table-header units: words (Intl.Segmenter), so that a header breaks between words only. */
export function wordUnits(text: string): string[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/**
 * Break `text` into lines no wider than `width` (the first `firstIndent` narrower). A unit wider than a
 * line on its own is cut by character as a last resort. Closing punctuation stays with the line before,
 * opening punctuation with the line after (the last unit of the line moves down with it).
 */
export function breakLines(text: string, width: number, measure: Measure, options: { firstIndent?: number; units?: (t: string) => string[] } = {}): string[] {
  const units = (options.units ?? lineUnits)(text).flatMap((u) => (measure(u) > width ? [...u] : [u]));
  const lines: string[][] = [];
  let line: string[] = [];
  let used = 0;
  const available = () => width - (lines.length === 0 ? (options.firstIndent ?? 0) : 0);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit === '\n') {
      lines.push(line);
      line = [];
      used = 0;
      continue;
    }
    const w = measure(unit);
    if (used + w <= available() + 1e-6 || line.length === 0) {
      line.push(unit);
      used += w;
      continue;
    }
    // `unit` starts the next line: carry units down while the next line would start with closing
    // punctuation or this one would end with opening punctuation (never emptying the line)
    const carried: string[] = [unit];
    while (line.length > 1 && (startsBadly(carried[0]!) || endsBadly(line.at(-1)!))) carried.unshift(line.pop()!);
    lines.push(line);
    line = carried;
    used = carried.reduce((acc, u) => acc + measure(u), 0);
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((l) => l.join('').replace(/^\s+|\s+$/g, '')).filter((l, i, all) => l !== '' || all.length === 1);
}

const firstChar = (u: string) => [...u][0] ?? '';
const lastChar = (u: string) => [...u].at(-1) ?? '';
const startsBadly = (unit: string) => NO_LINE_START.has(firstChar(unit));
const endsBadly = (unit: string) => NO_LINE_END.has(lastChar(unit));
