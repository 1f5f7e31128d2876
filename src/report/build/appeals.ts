/** Table 4 built from appeal records (rule: law/appealResults.ts), and its drill-down. */
import { isCivilDate } from '../../calendar/civilDate.ts';
import { appealColumnInYear, type AppealPath, type AppealTimeline } from '../../law/appealResults.ts';
import { APPEAL_COLUMN_IDS, APPEAL_GROUP_IDS, type AppealColumnId } from '../../law/index.ts';
import type { Issue } from '../../shared/domainError.ts';
import type { AppealsTable } from '../reportData.ts';
import { UncountableRecordsError, UnknownCellError } from './errors.ts';

export interface AppealForReport extends AppealTimeline {
  id: string;
  /** the route, which is the group of table 4 */
  path: AppealPath;
}

function appealIssues(a: AppealForReport): Issue[] {
  const at = `appeal ${a.id}`;
  const issues: Issue[] = [];
  if (!(APPEAL_GROUP_IDS as readonly string[]).includes(a.path)) issues.push({ path: `${at}.path`, rule: 'path', message: `unknown appeal path “${a.path}”` });
  if (!isCivilDate(a.filedOn)) issues.push({ path: `${at}.filedOn`, rule: 'date', message: `“${a.filedOn}” is not a YYYY-MM-DD date` });
  if ((a.decidedOn === null) !== (a.decision === null)) issues.push({ path: `${at}.decidedOn`, rule: 'decision-with-date', message: 'a decision and its date go together' });
  if (a.decidedOn !== null && (!isCivilDate(a.decidedOn) || a.decidedOn < a.filedOn))
    issues.push({ path: `${at}.decidedOn`, rule: 'decided-before-filed', message: `decided ${a.decidedOn} is not a date on or after its filing ${a.filedOn}` });
  return issues;
}

function assertAppealsCountable(appeals: readonly AppealForReport[]): void {
  const issues = appeals.flatMap(appealIssues);
  if (issues.length > 0) throw new UncountableRecordsError(issues);
}

/** Table 4 for `year`: each group's four results counted, `total` their sum (R4 by construction). */
export function buildAppealsTable(appeals: readonly AppealForReport[], year: number): AppealsTable {
  assertAppealsCountable(appeals);
  const table = Object.fromEntries(
    APPEAL_GROUP_IDS.map((g) => [g, Object.fromEntries(APPEAL_COLUMN_IDS.map((c) => [c, 0]))]),
  ) as AppealsTable;
  for (const a of appeals) {
    const column = appealColumnInYear(a, year);
    if (column === null) continue;
    table[a.path][column]! += 1;
    table[a.path].total! += 1;
  }
  return table;
}

/** The ids of the appeals a table-4 cell (`appeals.<group>.<column>`) counts. */
export function drillDownAppeals(appeals: readonly AppealForReport[], year: number, path: string): string[] {
  const parts = path.split('.');
  const [table, group, column] = parts;
  if (parts.length !== 3 || table !== 'appeals' || group === undefined || column === undefined) throw new UnknownCellError(path, 'a table-4 cell is written appeals.<group>.<column>');
  if (!(APPEAL_GROUP_IDS as readonly string[]).includes(group)) throw new UnknownCellError(path, `“${group}” is not a group of table 4`);
  if (!(APPEAL_COLUMN_IDS as readonly string[]).includes(column)) throw new UnknownCellError(path, `“${column}” is not a column of table 4`);
  assertAppealsCountable(appeals);
  const col = column as AppealColumnId;
  return appeals
    .filter((a) => {
      if (a.path !== group) return false;
      const counted = appealColumnInYear(a, year);
      return counted !== null && (col === 'total' || counted === col);
    })
    .map((a) => a.id);
}
