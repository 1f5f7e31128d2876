/**
 * Table 4 (行政复议、行政诉讼): one row of 15 figures after the header. When fewer figures survive the
 * extraction (the seed has 11), they are placed only where R4 and the column count allow one
 * alignment; the cells no alignment reaches are null and reported missing.
 */
import { APPEAL_COLUMN_IDS, APPEAL_GROUP_IDS, APPEAL_GROUPS, APPEAL_RESULTS, type Table2ValueKind } from '../../law/index.ts';
import { setCell } from '../reportData.ts';
import { labelStreamKey } from './normalize.ts';
import { agreement } from './readApplications.ts';
import { figuresBetween, printed, type ReadContext } from './readContext.ts';
import { placeByPosition } from './positions.ts';
import { rowReadings, type Reading } from './rowReadings.ts';
import type { FigureToken, TextToken } from './tokens.ts';

const WIDTH = APPEAL_COLUMN_IDS.length;
const CELLS = APPEAL_GROUP_IDS.length * WIDTH;
const KINDS: readonly Table2ValueKind[] = new Array<Table2ValueKind>(CELLS).fill('count');
const TOTAL = APPEAL_COLUMN_IDS.indexOf('total');

/** R4 in each group whose five cells are all known. */
export function appealGroupsHold(reading: Reading): boolean {
  for (let g = 0; g < APPEAL_GROUP_IDS.length; g++) {
    const cells = reading.slice(g * WIDTH, (g + 1) * WIDTH);
    if (cells.some((v) => v === null)) continue;
    const sum = cells.reduce<number>((acc, v, i) => (i === TOTAL ? acc : acc + v!), 0);
    if (sum !== cells[TOTAL]) return false;
  }
  return true;
}

/** Reads table 4 from the stream stretch [from, to); returns whether its header was found. */
export function readAppeals(ctx: ReadContext, from: number, to: number): boolean {
  const headerKeys = [...APPEAL_RESULTS.map((r) => r.label), ...APPEAL_GROUPS.map((g) => g.label)].map(labelStreamKey);
  let header: number | null = null;
  for (const key of headerKeys) {
    const hit = ctx.stream.findExact(key, from, to);
    if (hit && (header === null || hit.token < header)) header = hit.token;
  }
  if (header === null) {
    ctx.notes.push('table 4: header not found');
    return false;
  }
  const endToken = to >= ctx.stream.text.length ? ctx.tokens.length : ctx.stream.tokenAt(to);
  const figures = figuresBetween(ctx.tokens, header, endToken);
  const placed = figures.length > 0 && figures.length < CELLS ? placeUnderHeader(ctx, header, figures) : null;
  if (placed) {
    ctx.notes.push(`table 4: "${printed(figures)}" placed under the header's columns by their position on the page`);
    write(ctx, placed, null);
    return true;
  }
  const rr = rowReadings(figures, KINDS);
  const readings = rr.how === 'direct' ? rr.readings : rr.readings.filter(appealGroupsHold);
  if (readings.length === 0) {
    if (figures.length > 0) ctx.notes.push(`table 4: no reading of "${printed(figures)}" satisfies R4; left unknown`);
    return true;
  }
  const reading = readings.length === 1 ? readings[0]! : agreement(readings);
  const forced = rr.how !== 'direct' && rr.readings.length > 1;
  const reason = rr.how === 'window'
    ? `${figures.length} figures for ${CELLS} cells ("${printed(figures)}"): only this alignment satisfies R4`
    : `"${printed(figures)}" read as ${CELLS} figures: only this reading satisfies R4`;
  write(ctx, reading, forced ? reason : null);
  if (readings.length > 1) ctx.notes.push(`table 4: "${printed(figures)}" can be read ${readings.length} ways; the cells that differ are left unknown`);
  return true;
}

function write(ctx: ReadContext, reading: Reading, inferredBecause: string | null): void {
  APPEAL_GROUP_IDS.forEach((group, g) => {
    APPEAL_COLUMN_IDS.forEach((column, c) => {
      const value = reading[g * WIDTH + c] ?? null;
      const path = `appeals.${group}.${column}`;
      setCell(ctx.report, path, value);
      if (value !== null && inferredBecause) ctx.inferred.push({ cell: path, value, reason: inferredBecause });
    });
  });
}

/** The pieces a leaf header cell of table 4 shows, whole or wrapped over two lines (`结果` / `维持`). */
const LEAF_PIECES = new Set(APPEAL_RESULTS.flatMap((r) => [r.label, r.label.slice(0, 2), r.label.slice(2)]).filter((k) => k !== '').map(labelStreamKey));

/**
 * A table-4 row that lost blank cells, placed by position: the header's leaf cells (`结果维持`, or
 * `结果` over `维持`, and `总计` on a line of its own) stand in 15 columns across the page. Both ways of
 * counting wide characters are tried; a placement is taken only when the ways that succeed agree.
 */
function placeUnderHeader(ctx: ReadContext, header: number, figures: readonly FigureToken[]): Reading | null {
  const first = ctx.tokens.indexOf(figures[0]!);
  const leaves: TextToken[] = [];
  for (let i = header; i < first; i++) {
    const t = ctx.tokens[i]!;
    if (t.kind === 'text' && t.x !== undefined && LEAF_PIECES.has(t.key)) leaves.push(t);
  }
  const results: Reading[] = [];
  for (const measure of ['x', 'xAlt'] as const) {
    if (leaves.length < CELLS || !leaves.every((t) => t[measure] !== undefined)) continue;
    const centres = columnsOf(leaves.map((t) => t[measure]!));
    if (centres.length !== CELLS) continue;
    let gap = Infinity;
    for (let c = 1; c < centres.length; c++) gap = Math.min(gap, centres[c]! - centres[c - 1]!);
    const reading = placeByPosition(figures, { centres, measure, reach: gap / 2 }, KINDS);
    if (reading) results.push(reading);
  }
  if (results.length === 0 || results.some((r) => r.some((v, c) => v !== results[0]![c]))) return null;
  return results[0]!;
}

/** Positions that stand together (within a sixtieth of the table's width) as one column each. */
function columnsOf(xs: readonly number[]): number[] {
  const sorted = [...xs].sort((a, b) => a - b);
  const tolerance = (sorted.at(-1)! - sorted[0]!) / 60;
  const columns: number[][] = [];
  for (const x of sorted) {
    const last = columns.at(-1);
    if (last && x - last.at(-1)! <= tolerance) last.push(x);
    else columns.push([x]);
  }
  return columns.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}
