/**
 * The lock of a published year: a change to a case is refused when it would change what a locked report
 * counted — any cell of that year's table 3 that the case counts in before or after the change. A change
 * that leaves every locked year's figures and drill-downs as they were (a note, a subject, a new answer
 * after a 纠正 that keeps the first conclusion) is allowed.
 */
import { APPLICANT_KIND_IDS, type TemplateId } from '../../law/index.ts';
import { table3RowsOfCase, type CaseForReport } from './cases.ts';

export interface LockedYear {
  year: number;
  template: TemplateId;
}

/** The cells of a year's table 3 a case counts in (its kind's column and 总计). */
export function cellsOfCase(c: CaseForReport, year: number, template: TemplateId): string[] {
  return table3RowsOfCase(c, year, template).flatMap((row) => [`applications.${row}.${c.applicantKind}`, `applications.${row}.total`]);
}

export interface LockConflict {
  year: number;
  /** the cells whose figure or drill-down the change would alter */
  cells: string[];
}

/**
 * The locked years a change (`before` → `after`; null for a case created or deleted) would alter, with the
 * cells concerned; empty when the change may go ahead.
 */
export function lockConflicts(before: CaseForReport | null, after: CaseForReport | null, locked: readonly LockedYear[]): LockConflict[] {
  const conflicts: LockConflict[] = [];
  for (const { year, template } of locked) {
    const was = new Set(before === null ? [] : cellsOfCase(before, year, template));
    const will = new Set(after === null ? [] : cellsOfCase(after, year, template));
    const changed = [...new Set([...was, ...will])].filter((cell) => was.has(cell) !== will.has(cell));
    if (changed.length > 0) conflicts.push({ year, cells: sortCells(changed) });
  }
  return conflicts;
}

const KIND_ORDER = new Map<string, number>([...APPLICANT_KIND_IDS, 'total'].map((k, i) => [k, i]));
function sortCells(cells: string[]): string[] {
  return cells.sort((a, b) => a.localeCompare(b) || (KIND_ORDER.get(a.slice(a.lastIndexOf('.') + 1)) ?? 0) - (KIND_ORDER.get(b.slice(b.lastIndexOf('.') + 1)) ?? 0));
}
