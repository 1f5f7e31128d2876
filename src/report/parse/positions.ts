/**
 * Figures placed by where they stand on the page. A PDF's text items, or text laid out with spaces,
 * keep each cell's horizontal position; a blank cell leaves no figure but also no gap in the reading
 * order. The complete rows of a table (as many figures as columns, on one line) show where each
 * column stands; a shorter row's figures go under the nearest columns, the others stay unknown.
 */
import type { Table2ValueKind } from '../../law/index.ts';
import type { Reading } from './rowReadings.ts';
import { tokenValue } from './rowReadings.ts';
import type { FigureToken, NumberToken } from './tokens.ts';

export interface Anchors {
  /** each column's centre */
  centres: number[];
  /** which position the centres were measured in */
  measure: 'x' | 'xAlt';
  /** half the narrowest gap between two columns: the farthest a figure may stand from its column */
  reach: number;
}

const MIN_COMPLETE_ROWS = 2;

function positioned(f: FigureToken, measure: Anchors['measure']): f is NumberToken {
  return f.kind === 'num' && f[measure] !== undefined;
}

/** The columns' centres, from the rows that print every cell on one line; null when they do not line up. */
export function columnAnchors(rows: readonly (readonly FigureToken[])[], width: number): Anchors | null {
  const complete = rows.filter((r) => r.length === width && r.every((f) => f.kind === 'num' && f.line === r[0]!.line));
  if (complete.length < MIN_COMPLETE_ROWS) return null;
  let best: Anchors | null = null;
  let bestSpread = Infinity;
  for (const measure of ['x', 'xAlt'] as const) {
    if (!complete.every((r) => r.every((f) => positioned(f, measure)))) continue;
    const columns = Array.from({ length: width }, (_, c) => complete.map((r) => (r[c] as NumberToken)[measure]!).sort((a, b) => a - b));
    const centres = columns.map((xs) => xs[Math.floor(xs.length / 2)]!);
    let gap = Infinity;
    for (let c = 1; c < width; c++) gap = Math.min(gap, centres[c]! - centres[c - 1]!);
    if (!(gap > 0)) continue;
    const spread = Math.max(...columns.map((xs) => xs.at(-1)! - xs[0]!)) / gap;
    if (spread < 0.5 && spread < bestSpread) {
      bestSpread = spread;
      best = { centres, measure, reach: gap / 2 };
    }
  }
  return best;
}

/** A short row's figures under their nearest columns; null unless each has its own column, in order. */
export function placeByPosition(figures: readonly FigureToken[], anchors: Anchors, kinds: readonly Table2ValueKind[]): Reading | null {
  if (!figures.every((f) => positioned(f, anchors.measure)) || figures.some((f) => f.line !== figures[0]!.line)) return null;
  const reading: Reading = new Array<number | null>(anchors.centres.length).fill(null);
  let last = -1;
  for (const f of figures as NumberToken[]) {
    const x = f[anchors.measure]!;
    let column = 0;
    for (let c = 1; c < anchors.centres.length; c++) {
      if (Math.abs(anchors.centres[c]! - x) < Math.abs(anchors.centres[column]! - x)) column = c;
    }
    if (column <= last || Math.abs(anchors.centres[column]! - x) >= anchors.reach) return null;
    const value = tokenValue(f, kinds[column]!);
    if (value === null) return null;
    reading[column] = value;
    last = column;
  }
  return reading;
}
