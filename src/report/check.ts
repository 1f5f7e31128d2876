/**
 * The checker: the reconciliation relations (勾稽关系) R1–R4 of spec/report-data.md. Every relation
 * instance is returned as passed, violated, or unchecked (some term is null: unknown is not zero).
 */
import {
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  APPLICANT_COLUMNS,
  APPLICANT_KIND_IDS,
  APPLICANT_KINDS,
  ORGANISATION_HEADER,
  TOTAL_COLUMN,
  outcomeRows,
  table3RowLabel,
  table3Rows,
  type ApplicantColumnId,
} from '../law/index.ts';
import type { Cell, ReportData } from './reportData.ts';

export type RuleId = 'R1' | 'R2' | 'R3' | 'R4';
export type RelationStatus = 'passed' | 'violated' | 'unchecked';

const rowLabel = (id: string): string => table3RowLabel(table3Rows('2021').find((r) => r.id === id)!);
const resultLabel = (id: string): string => APPEAL_RESULTS.find((r) => r.id === id)!.label;

/** Each rule in words, composed from the template's own labels. */
export const RULES: Record<RuleId, string> = {
  R1: `${rowLabel('received')} + ${rowLabel('carried_over')} = ${rowLabel('processed_total')} + ${rowLabel('carried_forward')}（每一列）`,
  R2: `${rowLabel('processed_total')} = 各项办理结果之和（每一列）`,
  R3: `${TOTAL_COLUMN.label} = ${APPLICANT_KINDS[0].label} + ${ORGANISATION_HEADER}各列之和（每一行）`,
  R4: `${resultLabel('total')} = ${['upheld', 'corrected', 'other', 'pending'].map(resultLabel).join(' + ')}（每一组）`,
};

/**
 * One instance of a relation. `row`/`column` name the cell the relation is read at (for R1 the balance
 * side `processed_total+carried_forward`); `expected` is the sum of the terms, `actual` the figure printed.
 */
export interface RelationResult {
  rule: RuleId;
  table: 'applications' | 'appeals';
  row: string;
  column: string;
  expected: number | null;
  actual: number | null;
  status: RelationStatus;
  /** the cell paths whose values were null, when unchecked */
  unknown?: string[];
}

export interface CheckReport {
  results: RelationResult[];
  violations: RelationResult[];
  unchecked: RelationResult[];
  passed: number;
  /** every relation that could be checked holds */
  ok: boolean;
}

function sum(terms: { path: string; value: Cell }[]): { value: number | null; unknown: string[] } {
  const unknown = terms.filter((t) => t.value === null).map((t) => t.path);
  if (unknown.length > 0) return { value: null, unknown };
  return { value: terms.reduce((acc, t) => acc + (t.value as number), 0), unknown: [] };
}

function relation(
  rule: RuleId,
  table: RelationResult['table'],
  row: string,
  column: string,
  left: { path: string; value: Cell }[],
  right: { path: string; value: Cell }[],
): RelationResult {
  const expected = sum(left);
  const actual = sum(right);
  const unknown = [...expected.unknown, ...actual.unknown];
  const status: RelationStatus = unknown.length > 0 ? 'unchecked' : expected.value === actual.value ? 'passed' : 'violated';
  return { rule, table, row, column, expected: expected.value, actual: actual.value, status, ...(unknown.length ? { unknown } : {}) };
}

/** All instances of R1–R4 for the report, in the order a reader meets them. */
export function checkReport(report: ReportData): CheckReport {
  const app = (row: string, column: ApplicantColumnId) => ({
    path: `applications.${row}.${column}`,
    value: (report.applications as Record<string, Record<string, Cell> | undefined>)[row]?.[column] ?? null,
  });
  const results: RelationResult[] = [];

  for (const { id: column } of APPLICANT_COLUMNS) {
    results.push(
      relation('R1', 'applications', 'processed_total+carried_forward', column,
        [app('received', column), app('carried_over', column)],
        [app('processed_total', column), app('carried_forward', column)]),
    );
  }
  const outcomes = outcomeRows(report.template);
  for (const { id: column } of APPLICANT_COLUMNS) {
    results.push(relation('R2', 'applications', 'processed_total', column, outcomes.map((r) => app(r.id, column)), [app('processed_total', column)]));
  }
  for (const r of table3Rows(report.template)) {
    results.push(relation('R3', 'applications', r.id, 'total', APPLICANT_KIND_IDS.map((k) => app(r.id, k)), [app(r.id, 'total')]));
  }
  for (const g of APPEAL_GROUPS) {
    const cell = (c: string) => ({ path: `appeals.${g.id}.${c}`, value: (report.appeals[g.id] as Record<string, Cell>)[c] ?? null });
    results.push(relation('R4', 'appeals', g.id, 'total', ['upheld', 'corrected', 'other', 'pending'].map(cell), [cell('total')]));
  }

  const violations = results.filter((r) => r.status === 'violated');
  const unchecked = results.filter((r) => r.status === 'unchecked');
  return { results, violations, unchecked, passed: results.length - violations.length - unchecked.length, ok: violations.length === 0 };
}
