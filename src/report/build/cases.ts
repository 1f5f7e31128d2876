/**
 * A case as the report sees it, and the rows of table 3 it counts in for a year (spec/register.md,
 * "From cases to table 3 for year Y"). Everything else in the builder — the table, the drill-down, the
 * lock — derives from `table3RowsOfCase`, so a cell's figure and its list of cases cannot disagree.
 */
import { isCivilDate } from '../../calendar/civilDate.ts';
import { isApplicantKind, isCaseOutcome, outcomeRowFor, type ApplicantKind, type CaseOutcome, type Table3RowId, type TemplateId } from '../../law/index.ts';
import type { Issue } from '../../shared/domainError.ts';
import { UncountableRecordsError } from './errors.ts';

export interface CaseForReport {
  id: string;
  /** the receipt date of 条例 Art. 31 */
  receivedOn: string;
  applicantKind: ApplicantKind;
  /** the one table-3 result the answer counts as; null while the case is open */
  outcome: CaseOutcome | null;
  /** the day the answer was given (or the case otherwise closed, e.g. withdrawn); null while open */
  concludedOn: string | null;
}

export function yearStart(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}
export function yearEnd(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/**
 * The rows of table 3 for `year` that a case counts in (its column is its applicant kind, and 总计):
 * - `received`: received in the year;
 * - `carried_over`: received before the year and not concluded before it began;
 * - its outcome row (folded to the template) and `processed_total`: concluded in the year;
 * - `carried_forward`: received by the year's end and not concluded by then.
 */
export function table3RowsOfCase(c: CaseForReport, year: number, template: TemplateId): Table3RowId[] {
  const start = yearStart(year);
  const end = yearEnd(year);
  const rows: Table3RowId[] = [];
  const concludedOn = c.outcome === null ? null : c.concludedOn;
  if (c.receivedOn >= start && c.receivedOn <= end) rows.push('received');
  if (c.receivedOn < start && (concludedOn === null || concludedOn >= start)) rows.push('carried_over');
  if (c.outcome !== null && concludedOn !== null && concludedOn >= start && concludedOn <= end) {
    rows.push(outcomeRowFor(c.outcome, template), 'processed_total');
  }
  if (c.receivedOn <= end && (concludedOn === null || concludedOn > end)) rows.push('carried_forward');
  return rows;
}

/** Every problem that would make a case uncountable, so that R1 and R2 hold by construction. */
export function caseIssues(c: CaseForReport): Issue[] {
  const issues: Issue[] = [];
  const at = `case ${c.id}`;
  if (!isCivilDate(c.receivedOn)) issues.push({ path: `${at}.receivedOn`, rule: 'date', message: `“${c.receivedOn}” is not a YYYY-MM-DD date` });
  if (!isApplicantKind(c.applicantKind)) issues.push({ path: `${at}.applicantKind`, rule: 'applicant_kind', message: `unknown applicant kind “${c.applicantKind}”` });
  if (c.outcome !== null && !isCaseOutcome(c.outcome)) issues.push({ path: `${at}.outcome`, rule: 'outcome', message: `unknown outcome “${c.outcome}”` });
  if ((c.outcome === null) !== (c.concludedOn === null))
    issues.push({ path: `${at}.concludedOn`, rule: 'outcome-with-date', message: 'an outcome and its conclusion date go together' });
  if (c.concludedOn !== null) {
    if (!isCivilDate(c.concludedOn)) issues.push({ path: `${at}.concludedOn`, rule: 'date', message: `“${c.concludedOn}” is not a YYYY-MM-DD date` });
    else if (c.concludedOn < c.receivedOn) issues.push({ path: `${at}.concludedOn`, rule: 'concluded-before-received', message: `concluded ${c.concludedOn} before it was received ${c.receivedOn}` });
  }
  return issues;
}

/** Throws UncountableRecordsError listing every bad case. */
export function assertCountable(cases: readonly CaseForReport[]): void {
  const issues = cases.flatMap(caseIssues);
  if (issues.length > 0) throw new UncountableRecordsError(issues);
}
