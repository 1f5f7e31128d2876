/**
 * Table 2 (主动公开政府信息情况): each block's rows, with as many figures as the block has columns.
 * Table 2 has no arithmetic relation, so a row whose digits ran together (`8855698` for three
 * columns) is cut only where the report's own prose states figures for those columns
 * (“…制发的规范性文件88件”); otherwise it stays unknown.
 */
import { blockCaption, table2Blocks, TABLE2_ROW_HEADER, type Table2ValueKind } from '../../law/index.ts';
import { setCell } from '../reportData.ts';
import { alignLabels } from './alignLabels.ts';
import { halfWidth, labelStreamKey } from './normalize.ts';
import { figuresBetween, printed, type ReadContext } from './readContext.ts';
import { agreement } from './readApplications.ts';
import { placeByPosition } from './positions.ts';
import { rowReadings, type Reading } from './rowReadings.ts';
import type { FigureToken } from './tokens.ts';

/** Affixes a column label shares with others; what remains names the column in prose. */
const GENERIC_AFFIXES = /^本年|(?:件数|数量)$/g;

export function readProactive(ctx: ReadContext, from: number, to: number): number {
  const blocks = table2Blocks(ctx.report.template);
  const start = tableStart(ctx, from, to);
  const rows = blocks.flatMap((b) => b.rows.map((r) => ({ block: b, row: r })));
  const hits = alignLabels(ctx.stream, rows.map((r) => ({ key: labelStreamKey(r.row.label) })), start, to);
  const endToken = to >= ctx.stream.text.length ? ctx.tokens.length : ctx.stream.tokenAt(to);

  rows.forEach(({ block, row }, i) => {
    const hit = hits[i];
    if (!hit) {
      ctx.notes.push(`table 2: row ${row.label} not found`);
      return;
    }
    const next = hits.slice(i + 1).find((h) => h !== null);
    const figures = figuresBetween(ctx.tokens, hit.token, next ? next.token : endToken);
    const kinds = block.columns.map((c) => c.value);
    const rr = rowReadings(figures, kinds);
    let reading: Reading | null = null;
    let reason: string | null = null;
    const placed = rr.how === 'window' && kinds.length > 1 ? placeUnderColumnLabels(ctx, block.columns, figures, hit.start) : null;
    if (placed) {
      reading = placed;
      ctx.notes.push(`table 2: ${row.id}: "${printed(figures)}" placed under the column labels by their position on the page`);
    } else if (rr.how === 'window' && kinds.length > 1) {
      // fewer figures than columns and no relation to place them by: which column lost its figure is unknown
      ctx.notes.push(`table 2: ${row.id}: "${printed(figures)}" has fewer figures than the row has columns; left unknown`);
    } else if (rr.readings.length === 1) {
      reading = rr.readings[0]!;
      if (figures.some((f) => f.kind === 'num' && f.unit === 'yuan')) reason = `"${printed(figures)}元" converted to 万元`;
    } else if (rr.readings.length > 1) {
      const stated = statedInProse(ctx.prose, row.label, block.columns);
      const fitting = rr.readings.filter((r) => stated.every((s) => r[s.column] === s.value));
      if (stated.length > 0 && fitting.length === 1) {
        reading = fitting[0]!;
        reason = `"${printed(figures)}" cut by the figures the text states: ${stated.map((s) => s.quote).join('；')}`;
      } else {
        reading = agreement(rr.readings);
        if (reading.some((v) => v !== null)) reason = `every cut of "${printed(figures)}" gives this value`;
        ctx.notes.push(`table 2: ${row.id}: "${printed(figures)}" can be read ${rr.readings.length} ways; left unknown`);
      }
    }
    if (rr.rejected.length > 0) ctx.notes.push(`table 2: ${row.id}: figure(s) ${rr.rejected.join(', ')} do not fit their column`);
    if (!reading) return;
    block.columns.forEach((column, c) => {
      const value = reading[c] ?? null;
      const path = `proactive.${row.id}.${column.id}`;
      setCell(ctx.report, path, value);
      if (value !== null && reason) ctx.inferred.push({ cell: path, value, reason });
    });
  });
  return hits.filter((h) => h !== null).length;
}

/** Where the table begins: its first caption or header cell, so that prose before it is not read as rows. */
function tableStart(ctx: ReadContext, from: number, to: number): number {
  const firstBlock = table2Blocks(ctx.report.template)[0]!;
  const keys = [blockCaption(firstBlock), TABLE2_ROW_HEADER, firstBlock.columns[0]!.label].map(labelStreamKey);
  let start: number | null = null;
  for (const key of keys) {
    const hit = ctx.stream.findExact(key, from, to);
    if (hit && (start === null || hit.start < start)) start = hit.start;
  }
  return start ?? from;
}

interface Stated {
  column: number;
  value: number;
  quote: string;
}

/** Figures the prose states for a row's columns: a clause naming the row and the column, with one `N件`. */
function statedInProse(prose: string, rowLabel: string, columns: readonly { label: string }[]): Stated[] {
  const rowKey = labelStreamKey(rowLabel);
  const rowKeys = [rowKey, rowKey.slice(-5)];
  const out: Stated[] = [];
  const clauses = halfWidth(prose).split(/[,;。\n]/);
  columns.forEach((column, c) => {
    const columnKey = labelStreamKey(column.label).replace(GENERIC_AFFIXES, '');
    if (columnKey.length < 2) return;
    const values = new Set<number>();
    let quote = '';
    for (const clause of clauses) {
      const key = clause.replace(/\s+/g, '');
      if (!key.includes(columnKey) || !rowKeys.some((k) => key.includes(k))) continue;
      const numbers = [...key.matchAll(/(\d+)件/g)];
      if (numbers.length !== 1) continue;
      values.add(Number(numbers[0]![1]));
      quote = key;
    }
    if (values.size === 1) out.push({ column: c, value: [...values][0]!, quote });
  });
  return out;
}

/**
 * A row that lost blank cells, placed by position under its block's header cells (the nearest header
 * line before the row that shows every column label, each alone in its cell). Both ways of counting
 * wide characters are tried; a placement is taken only when the ways that succeed agree.
 */
function placeUnderColumnLabels(ctx: ReadContext, columns: readonly { label: string; value: Table2ValueKind }[], figures: readonly FigureToken[], before: number): Reading | null {
  const labels = columns.map((c) => {
    const hits = ctx.stream.findAll(labelStreamKey(c.label), Math.max(0, before - 400), before);
    const last = hits.at(-1);
    return last ? ctx.tokens[last.token] : undefined;
  });
  if (labels.some((t) => t === undefined || t.x === undefined) || labels.some((t) => t!.line !== labels[0]!.line)) return null;
  const results: Reading[] = [];
  for (const measure of ['x', 'xAlt'] as const) {
    if (!labels.every((t) => t![measure] !== undefined)) continue;
    const centres = labels.map((t) => t![measure]!);
    let gap = Infinity;
    for (let c = 1; c < centres.length; c++) gap = Math.min(gap, centres[c]! - centres[c - 1]!);
    if (!(gap > 0)) continue;
    const reading = placeByPosition(figures, { centres, measure, reach: gap / 2 }, columns.map((c) => c.value));
    if (reading) results.push(reading);
  }
  if (results.length === 0 || results.some((r) => r.some((v, c) => v !== results[0]![c]))) return null;
  return results[0]!;
}