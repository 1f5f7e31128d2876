/**
 * The label stream: the keys of every text token run together, with the figures taken out. A label
 * broken across lines or cells (`4. 无正当理由大` … `量反复申请`), or with its figures printed between
 * its two halves, reads whole here. Matching is exact first, then tolerant of a few wrong, missing or
 * extra characters (reports misspell labels: `只计这一情况`, `三类内容事务信息`).
 */
import type { Token } from './tokens.ts';

export interface LabelHit {
  /** label-stream offsets [start, end) */
  start: number;
  end: number;
  /** the token that holds the label's first character */
  token: number;
  /** edit distance to the template label (0: exact) */
  distance: number;
}

export class LabelStream {
  readonly text: string;
  private readonly charToken: Int32Array;
  private readonly tokenPos: Int32Array;

  constructor(tokens: readonly Token[]) {
    const parts: string[] = [];
    const charToken: number[] = [];
    const tokenPos = new Int32Array(tokens.length + 1);
    let length = 0;
    tokens.forEach((t, i) => {
      tokenPos[i] = length;
      if (t.kind !== 'text') return;
      parts.push(t.key);
      for (let c = 0; c < t.key.length; c++) charToken.push(i);
      length += t.key.length;
    });
    tokenPos[tokens.length] = length;
    this.text = parts.join('');
    this.charToken = Int32Array.from(charToken);
    this.tokenPos = tokenPos;
  }

  /** The stream offset where token `index` (or the first text after it) begins. */
  posOfToken(index: number): number {
    return this.tokenPos[Math.max(0, Math.min(index, this.tokenPos.length - 1))]!;
  }

  tokenAt(pos: number): number {
    return this.charToken[Math.min(pos, this.charToken.length - 1)] ?? 0;
  }

  /** The first exact occurrence of `key` within [from, to). */
  findExact(key: string, from: number, to: number): LabelHit | null {
    if (key === '') return null;
    const at = this.text.indexOf(key, from);
    if (at < 0 || at + key.length > to) return null;
    return { start: at, end: at + key.length, token: this.tokenAt(at), distance: 0 };
  }

  /** Every exact occurrence of `key` within [from, to). */
  findAll(key: string, from: number, to: number): LabelHit[] {
    const hits: LabelHit[] = [];
    let pos = from;
    for (;;) {
      const hit = this.findExact(key, pos, to);
      if (!hit) return hits;
      hits.push(hit);
      pos = hit.end;
    }
  }

  /**
   * The best approximate occurrence of `key` within [from, to) with at most `maxErrors` edits
   * (Sellers' algorithm: edit distance with a free start in the text). Ties go to the earliest.
   */
  findFuzzy(key: string, from: number, to: number, maxErrors: number): LabelHit | null {
    const m = key.length;
    if (m === 0 || to <= from) return null;
    let prev = new Int32Array(m + 1);
    let prevStart = new Int32Array(m + 1);
    let cur = new Int32Array(m + 1);
    let curStart = new Int32Array(m + 1);
    for (let i = 0; i <= m; i++) {
      prev[i] = i;
      prevStart[i] = from;
    }
    let best: LabelHit | null = null;
    const end = Math.min(to, this.text.length);
    for (let j = from; j < end; j++) {
      const tc = this.text.charCodeAt(j);
      cur[0] = 0;
      curStart[0] = j + 1;
      for (let i = 1; i <= m; i++) {
        const sub = prev[i - 1]! + (key.charCodeAt(i - 1) === tc ? 0 : 1);
        const del = prev[i]! + 1; // a text char not in the label
        const ins = cur[i - 1]! + 1; // a label char not in the text
        if (sub <= del && sub <= ins) {
          cur[i] = sub;
          curStart[i] = i === 1 ? j : prevStart[i - 1]!;
        } else if (del <= ins) {
          cur[i] = del;
          curStart[i] = prevStart[i]!;
        } else {
          cur[i] = ins;
          curStart[i] = curStart[i - 1]!;
        }
      }
      const d = cur[m]!;
      if (d <= maxErrors && (best === null || d < best.distance)) {
        const start = curStart[m]!;
        best = { start, end: j + 1, token: this.tokenAt(start), distance: d };
        if (d === 0) break;
      }
      [prev, cur] = [cur, prev];
      [prevStart, curStart] = [curStart, prevStart];
    }
    return best;
  }
}

/**
 * `key` read from exactly `pos` on, with at most `maxErrors` edits: edit distance with a fixed start,
 * the end free. For anchored searches (a heading starts at its number).
 */
export function matchAt(stream: LabelStream, key: string, pos: number, maxErrors: number): LabelHit | null {
  const text = stream.text;
  const m = key.length;
  const width = Math.min(m + maxErrors, text.length - pos);
  if (width <= 0) return null;
  let prev = new Int32Array(width + 1);
  let cur = new Int32Array(width + 1);
  for (let j = 0; j <= width; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const kc = key.charCodeAt(i - 1);
    let rowMin = cur[0]!;
    for (let j = 1; j <= width; j++) {
      const sub = prev[j - 1]! + (text.charCodeAt(pos + j - 1) === kc ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > maxErrors) return null;
    [prev, cur] = [cur, prev];
  }
  let best = -1;
  for (let j = 0; j <= width; j++) if (prev[j]! <= maxErrors && (best < 0 || prev[j]! < prev[best]!)) best = j;
  return best < 0 ? null : { start: pos, end: pos + best, token: stream.tokenAt(pos), distance: prev[best]! };
}

/** How many edits a label of this length may show and still count as found. */
export function toleratedErrors(keyLength: number): number {
  if (keyLength < 5) return 0;
  return Math.max(1, Math.floor(keyLength / 6));
}
