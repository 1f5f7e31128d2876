/**
 * Every way the figures found after a row label can fill that row's N cells.
 *
 * - N figures: read them in order (`direct`).
 * - Fewer figures, but digit runs that can be cut into N numbers (`713000074` → 71|3|0|0|0|0|74):
 *   every cut into valid numbers (no leading zero) is a reading (`split`); the caller keeps those the
 *   checks allow.
 * - Fewer figures and no cut reaches N (cells were lost): the figures stand in N columns as one
 *   contiguous run at each possible offset (`window`); the cells outside the run are null.
 * - More figures than cells: each run of N consecutive figures is a reading (`excess`).
 */
import type { Table2ValueKind } from '../../law/index.ts';
import type { FigureToken, NumberToken } from './tokens.ts';

export type Reading = (number | null)[];
export type ReadingKind = 'direct' | 'split' | 'window' | 'excess' | 'none';

export interface RowReadings {
  how: ReadingKind;
  readings: Reading[];
  /** a figure unusable in its column (a decimal among counts …), for the notes */
  rejected: string[];
  /** the enumeration exceeded its limit: too many ways to read the row */
  overflow: boolean;
}

const DEFAULT_LIMIT = 20_000;
/** How many cuts may be tried per reading the limit allows. */
const STEPS_PER_READING = 20;

export function tokenValue(token: NumberToken, kind: Table2ValueKind): number | null {
  let value = Number(token.digits);
  if (!Number.isFinite(value)) return null;
  if (token.unit === 'yuan' && kind === 'amount') value = Number((value / 10_000).toFixed(6));
  if (token.negative) value = -value;
  switch (kind) {
    case 'count':
      return Number.isInteger(value) && value >= 0 && !token.decimal ? value : null;
    case 'signed':
      return Number.isInteger(value) && !token.decimal ? value : null;
    case 'amount':
      return value >= 0 ? value : null;
  }
}

/**
 * Where a row's lost cells may have been: only at its ends (`ends`: cells cut off by the extraction, as
 * the seed's table 4), or anywhere (`anywhere`: blank cells that left no trace, Shanghai style) — then
 * every order-keeping placement of the figures is a reading.
 */
export type LostCells = 'ends' | 'anywhere';

export function rowReadings(figures: readonly FigureToken[], kinds: readonly Table2ValueKind[], limit = DEFAULT_LIMIT, lost: LostCells = 'ends'): RowReadings {
  const n = kinds.length;
  const rejected: string[] = [];
  const valueOf = (t: FigureToken, column: number): number | null | undefined => {
    if (t.kind === 'blank') return null;
    const v = tokenValue(t, kinds[column]!);
    return v === null ? undefined : v;
  };
  const direct = (list: readonly FigureToken[]): Reading | null => {
    const reading: Reading = [];
    for (let c = 0; c < n; c++) {
      const v = valueOf(list[c]!, c);
      if (v === undefined) {
        rejected.push((list[c] as NumberToken).digits);
        reading.push(null);
      } else reading.push(v);
    }
    return reading;
  };

  if (figures.length === 0) return { how: 'none', readings: [], rejected, overflow: false };
  if (figures.length === n) return { how: 'direct', readings: [direct(figures)!], rejected, overflow: false };

  if (figures.length > n) {
    const numbers = figures.filter((f) => f.kind === 'num');
    if (numbers.length === n) return { how: 'direct', readings: [direct(numbers)!], rejected, overflow: false };
    const readings: Reading[] = [];
    for (let offset = 0; offset + n <= figures.length; offset++) {
      const r = windowReading(figures.slice(offset, offset + n), 0, n, valueOf);
      if (r) readings.push(r);
    }
    return { how: 'excess', readings, rejected, overflow: false };
  }

  const maxPieces = figures.reduce((acc, f) => acc + splittableLength(f), 0);
  if (maxPieces >= n) {
    const out = enumerateSplits(figures, kinds, limit);
    return { how: 'split', readings: out.readings, rejected, overflow: out.overflow };
  }
  const readings: Reading[] = [];
  if (lost === 'anywhere') {
    for (const columns of placements(figures.length, n)) {
      const reading: Reading = new Array<number | null>(n).fill(null);
      let fits = true;
      columns.forEach((column, i) => {
        const v = valueOf(figures[i]!, column);
        if (v === undefined) fits = false;
        else reading[column] = v;
      });
      if (fits) readings.push(reading);
    }
    return { how: 'window', readings, rejected, overflow: false };
  }
  for (let offset = 0; offset + figures.length <= n; offset++) {
    const r = windowReading(figures, offset, n, valueOf);
    if (r) readings.push(r);
  }
  return { how: 'window', readings, rejected, overflow: false };
}

/** Every way to put k figures in n columns keeping their order (k ≤ n): the columns each one takes. */
function* placements(k: number, n: number, from = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let c = from; c <= n - k; c++) for (const rest of placements(k - 1, n, c + 1)) yield [c, ...rest];
}

function windowReading(
  figures: readonly FigureToken[],
  offset: number,
  n: number,
  valueOf: (t: FigureToken, column: number) => number | null | undefined,
): Reading | null {
  const reading: Reading = new Array<number | null>(n).fill(null);
  for (let i = 0; i < figures.length; i++) {
    const v = valueOf(figures[i]!, offset + i);
    if (v === undefined) return null;
    reading[offset + i] = v;
  }
  return reading;
}

/** How many figures a token could hold: one per digit of its integer part, unless it is a real cell. */
function splittableLength(f: FigureToken): number {
  if (f.kind === 'blank' || f.atomic) return 1;
  return integerPart(f.digits).length;
}

function integerPart(digits: string): string {
  return digits.split('.')[0]!;
}

/** The ways to cut `digits` into `pieces` numbers with no leading zeros. */
export function cutDigits(digits: string, pieces: number): string[][] {
  return [...cuts(digits, pieces)];
}

/** The same, one at a time: a long run has millions of cuts, and the caller stops at its limit. */
function* cuts(digits: string, pieces: number): Generator<string[]> {
  if (pieces === 1) {
    if (validNumber(digits)) yield [digits];
    return;
  }
  for (let len = 1; len <= digits.length - (pieces - 1); len++) {
    const head = digits.slice(0, len);
    if (!validNumber(head)) break; // a leading zero: longer heads are invalid too
    for (const rest of cuts(digits.slice(len), pieces - 1)) yield [head, ...rest];
  }
}

function validNumber(digits: string): boolean {
  return digits.length > 0 && (digits.length === 1 || digits[0] !== '0');
}

function enumerateSplits(figures: readonly FigureToken[], kinds: readonly Table2ValueKind[], limit: number): { readings: Reading[]; overflow: boolean } {
  const n = kinds.length;
  const maxAfter: number[] = new Array<number>(figures.length + 1).fill(0);
  for (let i = figures.length - 1; i >= 0; i--) maxAfter[i] = maxAfter[i + 1]! + splittableLength(figures[i]!);
  const readings: Reading[] = [];
  let overflow = false;
  let steps = 0;
  const current: Reading = [];

  const visit = (index: number): void => {
    if (overflow) return;
    if (index === figures.length) {
      if (current.length === n) {
        readings.push([...current]);
        if (readings.length > limit) overflow = true;
      }
      return;
    }
    const f = figures[index]!;
    const remainingTokens = figures.length - index - 1;
    const free = n - current.length;
    const most = Math.min(splittableLength(f), free - remainingTokens);
    const least = Math.max(1, free - maxAfter[index + 1]!);
    for (let pieces = least; pieces <= most; pieces++) {
      if (f.kind === 'blank') {
        current.push(null);
        visit(index + 1);
        current.pop();
        continue;
      }
      if (pieces === 1) {
        const v = tokenValue(f, kinds[current.length]!);
        if (v === null) continue;
        current.push(v);
        visit(index + 1);
        current.pop();
        continue;
      }
      // a sign belongs to the first piece; a fraction and a unit to the last
      const fraction = f.digits.slice(integerPart(f.digits).length);
      for (const cut of cuts(integerPart(f.digits), pieces)) {
        // every cut tried counts, found or not: a long run with no valid reading must end too
        if (++steps > limit * STEPS_PER_READING) {
          overflow = true;
          return;
        }
        const values = cut.map((d, k) => {
          const last = k === cut.length - 1;
          const piece = { ...f, digits: last ? d + fraction : d, decimal: last && f.decimal, unit: last ? f.unit : null, negative: k === 0 && f.negative };
          return tokenValue(piece, kinds[current.length + k]!);
        });
        if (values.some((v) => v === null)) continue;
        current.push(...values);
        visit(index + 1);
        current.length -= pieces;
        if (overflow) return;
      }
    }
  };
  visit(0);
  return { readings: overflow ? [] : readings, overflow };
}
