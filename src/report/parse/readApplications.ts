/**
 * Table 3 (收到和处理政府信息公开申请情况): find each row label, read the figures up to the next row,
 * and where a row's figures run together choose among the possible cuts with the checks — R3 inside
 * the row, then R1 and R2 across rows. A row printed as N separate figures is taken as printed, even
 * when it breaks a relation: the parser reports a report's errors, it does not correct them.
 *
 * The columns are taken in the order the header prints them (the template's order unless the header
 * shows otherwise). A row ends at the next row label or at a group label (`（三）不予公开`), whose own
 * figures, where a report prints them, are a subtotal. A row that lost blank cells is placed by the
 * positions of its figures when the source has positions (PDF, space-aligned text).
 */
import {
  APPLICANT_COLUMN_IDS,
  APPLICANT_COLUMNS,
  APPLICANT_KIND_IDS,
  ORGANISATION_HEADER,
  outcomeRows,
  TABLE3_GROUPS,
  table3Rows,
  type Table2ValueKind,
  type Table3GroupId,
} from '../../law/index.ts';
import type { LabelHit } from './labelStream.ts';
import { setCell } from '../reportData.ts';
import { alignLabels } from './alignLabels.ts';
import { labelHead, labelStreamKey } from './normalize.ts';
import { figuresBetween, printed, type ReadContext } from './readContext.ts';
import { columnAnchors, placeByPosition } from './positions.ts';
import { rowReadings, type Reading } from './rowReadings.ts';

const KINDS: readonly Table2ValueKind[] = APPLICANT_COLUMN_IDS.map(() => 'count');
const MAX_COMBINATIONS = 200_000;
const TOTAL = APPLICANT_COLUMN_IDS.indexOf('total');

interface RowResult {
  id: string;
  printed: string;
  readings: Reading[];
  /** how many readings the figures allowed before the checks */
  possible: number;
}

/** R3 within one reading: 总计 = the six applicant columns (unchecked when a cell is unknown). */
export function rowSumHolds(reading: Reading): boolean {
  if (reading.some((v) => v === null)) return true;
  const sum = APPLICANT_KIND_IDS.reduce((acc, _k, i) => acc + (reading[i] as number), 0);
  return sum === reading[TOTAL];
}

export function readApplications(ctx: ReadContext, from: number, to: number): number {
  const template = ctx.report.template;
  const rows = table3Rows(template);
  const specs = rows.map((r) => {
    const key = labelStreamKey(r.name);
    const head = labelHead(r.name);
    return head !== key ? { key, head } : { key };
  });
  const groupIds = ['withheld', 'unavailable', 'not_processed', ...(template === '2021' ? (['other'] as const) : [])] as const;
  const groupHits = groupIds
    .flatMap((g) => ctx.stream.findAll(labelStreamKey(TABLE3_GROUPS[g].number + TABLE3_GROUPS[g].name), from, to).map((h) => ({ ...h, group: g })))
    .sort((a, b) => a.start - b.start);
  const insideGroupLabel = (start: number, end: number) => groupHits.some((g) => start < g.end && end > g.start);
  // a damaged label is identified by its place: the text between its two neighbours, when that is no group's label
  const byPlace = (start: number, end: number, spec: { key: string }) => !insideGroupLabel(start, end) && end - start <= spec.key.length + 8;
  const hits = alignLabels(ctx.stream, specs, from, to, byPlace);
  // a short label found inside a group's label (`其他` in `（六）其他处理`) is the row only if it follows that label
  hits.forEach((h, i) => {
    if (!h || !insideGroupLabel(h.start, h.end)) return;
    const group = groupHits.find((g) => h.start < g.end && h.end > g.start)!;
    const next = hits.slice(i + 1).find((x) => x !== null);
    hits[i] = ctx.stream.findExact(specs[i]!.key, group.end, next ? next.start : to);
  });
  hits.forEach((h, i) => {
    if (h && h.distance === Number.POSITIVE_INFINITY) {
      ctx.notes.push(`table 3: row ${rows[i]!.number}${rows[i]!.name} identified by its place in its group (printed "${ctx.stream.text.slice(h.start, h.end)}")`);
    }
  });
  const endToken = to >= ctx.stream.text.length ? ctx.tokens.length : ctx.stream.tokenAt(to);

  const firstRow = hits.find((h) => h !== null);
  const order = firstRow ? columnOrder(ctx, from, firstRow.start) : null;
  if (order) ctx.notes.push(`table 3: the columns are printed in the order ${order.map((c) => APPLICANT_COLUMNS[c]!.label).join('、')} (read from the header)`);

  const rowFigures = rows.map((_, i) => {
    const hit = hits[i];
    if (!hit) return null;
    const next = hits.slice(i + 1).find((h) => h !== null);
    // a group label (`（三）不予公开`) ends the row before it: figures printed on it are the group's subtotal
    const group = groupHits.find((g) => g.start >= hit.end && g.end <= (next ? next.start : to));
    return figuresBetween(ctx.tokens, hit.token, group ? group.token : next ? next.token : endToken);
  });
  const anchors = columnAnchors(rowFigures.filter((f) => f !== null), APPLICANT_COLUMN_IDS.length);

  const results: RowResult[] = [];
  rows.forEach((row, i) => {
    const figures = rowFigures[i];
    if (!figures) {
      ctx.notes.push(`table 3: row ${row.number}${row.name} not found`);
      return;
    }
    const placed = anchors && figures.length > 0 && figures.length < KINDS.length ? placeByPosition(figures, anchors, KINDS) : null;
    if (placed) {
      ctx.notes.push(`table 3: ${row.id}: "${printed(figures)}" placed under the columns by their position on the page`);
      const reading = order ? inTemplateOrder(placed, order) : placed;
      results.push({ id: row.id, printed: printed(figures), readings: [reading], possible: 1 });
      return;
    }
    // a blank cell may have been anywhere in the row: a shifted reading is not evidence for any one cell
    const rr = rowReadings(figures, KINDS, undefined, 'anywhere');
    if (order) rr.readings = rr.readings.map((r) => inTemplateOrder(r, order));
    if (rr.overflow) ctx.notes.push(`table 3: ${row.id}: too many ways to read "${printed(figures)}"`);
    const readings = rr.how === 'direct' ? rr.readings : rr.readings.filter(rowSumHolds);
    if (rr.readings.length > 0 && readings.length === 0) {
      ctx.notes.push(`table 3: ${row.id}: no reading of "${printed(figures)}" satisfies R3; left unknown`);
    }
    results.push({ id: row.id, printed: printed(figures), readings, possible: rr.readings.length });
  });

  resolve(ctx, results);
  inferFromZeroGroups(ctx, groupHits, hits, to, endToken);
  return hits.filter((h) => h !== null).length;
}

/**
 * The order the header prints the seven applicant columns in, as template column indexes, when it is
 * not the template's own (null then, or when the header does not show every column label once).
 * In a two-level header read in document order the merged 法人或其他组织 cell comes before its five
 * sub-columns, and a column label printed after it on the same header row (总计) stands after them.
 */
export function columnOrder(ctx: Pick<ReadContext, 'stream'>, from: number, to: number): number[] | null {
  const group = ctx.stream.findExact(labelStreamKey(ORGANISATION_HEADER), from, to);
  const outsideGroup = (h: { start: number; end: number }) => !group || h.end <= group.start || h.start >= group.end;
  const placed: { column: number; band: number; pos: number }[] = [];
  for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
    const column = APPLICANT_COLUMNS[c]!;
    const found = ctx.stream.findAll(labelStreamKey(column.label), from, to).filter(outsideGroup);
    if (found.length !== 1) return null;
    const pos = found[0]!.start;
    const organisation = 'organisation' in column && column.organisation;
    if (group && organisation && pos < group.start) return null;
    placed.push({ column: c, band: !group || organisation ? 1 : pos < group.start ? 0 : 2, pos });
  }
  placed.sort((a, b) => a.band - b.band || a.pos - b.pos);
  const order = placed.map((p) => p.column);
  return order.every((c, p) => c === p) ? null : order;
}

/** A reading in printed column order, put in the template's order. */
function inTemplateOrder(reading: Reading, order: readonly number[]): Reading {
  const out: Reading = new Array<number | null>(reading.length).fill(null);
  order.forEach((column, printedAt) => {
    out[column] = reading[printedAt] ?? null;
  });
  return out;
}

function resolve(ctx: ReadContext, results: RowResult[]): void {
  const fixed = new Map<string, Reading>();
  const ambiguous = results.filter((r) => r.readings.length > 1);
  for (const r of results) {
    if (r.readings.length !== 1) continue;
    fixed.set(r.id, r.readings[0]!);
    write(ctx, r.id, r.readings[0]!, r.possible > 1 ? `the only cut of "${r.printed}" into 7 figures with 总计 = Σ (R3)` : null);
  }
  if (ambiguous.length === 0) return;

  const combinations = ambiguous.reduce((acc, r) => acc * r.readings.length, 1);
  const survivors: Reading[][] = [];
  if (combinations <= MAX_COMBINATIONS) {
    const choice = new Array<number>(ambiguous.length).fill(0);
    for (let n = 0; n < combinations; n++) {
      let rest = n;
      const assignment = new Map(fixed);
      ambiguous.forEach((r, k) => {
        choice[k] = rest % r.readings.length;
        rest = Math.floor(rest / r.readings.length);
        assignment.set(r.id, r.readings[choice[k]!]!);
      });
      if (columnsHold(ctx, assignment)) survivors.push(ambiguous.map((r, k) => r.readings[choice[k]!]!));
    }
  }
  ambiguous.forEach((r, k) => {
    const options = survivors.length > 0 ? survivors.map((s) => s[k]!) : r.readings;
    const why = survivors.length > 0 ? 'R3 within the row and R1/R2 across rows' : 'every reading allowed by R3';
    const agreed = agreement(options);
    write(ctx, r.id, agreed, `"${r.printed}" cut into 7 figures: ${why} leave this value only`);
    if (agreed.some((v) => v === null)) ctx.notes.push(`table 3: ${r.id}: "${r.printed}" can be read ${options.length} ways; the cells that differ are left unknown`);
  });
}

/** The cells on which every reading agrees; null where they differ. */
export function agreement(readings: readonly Reading[]): Reading {
  const first = readings[0]!;
  return first.map((v, c) => (readings.every((r) => r[c] === v) ? v : null));
}

function columnsHold(ctx: ReadContext, rows: Map<string, Reading>): boolean {
  const outcomes = outcomeRows(ctx.report.template).map((r) => r.id);
  for (let c = 0; c < APPLICANT_COLUMN_IDS.length; c++) {
    const v = (id: string) => rows.get(id)?.[c] ?? null;
    const r1 = [v('received'), v('carried_over'), v('processed_total'), v('carried_forward')];
    if (r1.every((x) => x !== null) && r1[0]! + r1[1]! !== r1[2]! + r1[3]!) return false;
    const terms = outcomes.map(v);
    const total = v('processed_total');
    if (total !== null && terms.every((x) => x !== null) && terms.reduce((a, x) => a + x!, 0) !== total) return false;
  }
  return true;
}

function write(ctx: ReadContext, rowId: string, reading: Reading, inferredBecause: string | null): void {
  APPLICANT_COLUMN_IDS.forEach((column, c) => {
    const value = reading[c] ?? null;
    const path = `applications.${rowId}.${column}`;
    setCell(ctx.report, path, value);
    if (value !== null && inferredBecause) ctx.inferred.push({ cell: path, value, reason: inferredBecause });
  });
}

/**
 * A group printed as one row with its subtotal (a 2021 report printing （六）其他处理 as the 2019 row):
 * where a column's subtotal is 0, each of the group's rows that the report does not print is 0 in that
 * column — the report's own arithmetic forces it. Those cells are filled and marked inferred.
 */
function inferFromZeroGroups(
  ctx: ReadContext,
  groupHits: readonly (LabelHit & { group: Table3GroupId })[],
  hits: readonly (LabelHit | null)[],
  to: number,
  endToken: number,
): void {
  const rows = table3Rows(ctx.report.template);
  for (const g of groupHits) {
    const members = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.groups.includes(g.group));
    if (members.length === 0 || members.every(({ i }) => hits[i] !== null)) continue;
    const next = hits.find((h) => h !== null && h.start >= g.end);
    const figures = figuresBetween(ctx.tokens, g.token, next && next.start < to ? next.token : endToken);
    if (figures.length !== APPLICANT_COLUMN_IDS.length || figures.some((f) => f.kind !== 'num')) continue;
    const subtotal = rowReadings(figures, KINDS).readings[0];
    if (!subtotal) continue;
    const label = TABLE3_GROUPS[g.group].number + TABLE3_GROUPS[g.group].name;
    for (const { r, i } of members) {
      if (hits[i] !== null) continue;
      APPLICANT_COLUMN_IDS.forEach((column, c) => {
        if (subtotal[c] !== 0) return;
        const path = `applications.${r.id}.${column}`;
        setCell(ctx.report, path, 0);
        ctx.inferred.push({ cell: path, value: 0, reason: `${label} prints 0 in this column, so each of its rows is 0` });
      });
    }
    ctx.notes.push(`table 3: ${label} printed as one row (${printed(figures)}); rows it does not print are 0 where its figure is 0, else unknown`);
  }
}
