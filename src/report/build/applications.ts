/** Table 3 built from cases, and the drill-down from any of its cells to the cases it counts. */
import { APPLICANT_COLUMN_IDS, table3Rows, type ApplicantColumnId, type TemplateId } from '../../law/index.ts';
import type { ApplicantCells, ApplicationsTable } from '../reportData.ts';
import { assertCountable, table3RowsOfCase, type CaseForReport } from './cases.ts';
import { UnknownCellError } from './errors.ts';

function zeroRow(): ApplicantCells {
  return Object.fromEntries(APPLICANT_COLUMN_IDS.map((c) => [c, 0])) as ApplicantCells;
}

/** Table 3 for `year` on `template`: every cell a count of cases (a year without cases is all zeros). */
export function buildApplicationsTable(cases: readonly CaseForReport[], year: number, template: TemplateId): ApplicationsTable {
  assertCountable(cases);
  const table: ApplicationsTable = {};
  for (const r of table3Rows(template)) table[r.id] = zeroRow();
  for (const c of cases) {
    for (const rowId of table3RowsOfCase(c, year, template)) {
      const row = table[rowId]!;
      row[c.applicantKind]! += 1;
      row.total! += 1;
    }
  }
  return table;
}

/** `applications.<row>.<column>` → its row and column, checked against the template. */
export function parseApplicationsCell(path: string, template: TemplateId): { row: string; column: ApplicantColumnId } {
  const prefix = 'applications.';
  const last = path.lastIndexOf('.');
  if (!path.startsWith(prefix) || last <= prefix.length) throw new UnknownCellError(path, 'a table-3 cell is written applications.<row>.<column>');
  const row = path.slice(prefix.length, last);
  const column = path.slice(last + 1);
  if (!table3Rows(template).some((r) => r.id === row)) throw new UnknownCellError(path, `“${row}” is not a row of table 3 in the ${template} template`);
  if (!(APPLICANT_COLUMN_IDS as readonly string[]).includes(column)) throw new UnknownCellError(path, `“${column}” is not a column of table 3`);
  return { row, column: column as ApplicantColumnId };
}

/** The ids of the cases a table-3 cell counts, in the order given; its length is the cell's figure. */
export function drillDown(cases: readonly CaseForReport[], year: number, template: TemplateId, path: string): string[] {
  const { row, column } = parseApplicationsCell(path, template);
  assertCountable(cases);
  return cases
    .filter((c) => (column === 'total' || c.applicantKind === column) && (table3RowsOfCase(c, year, template) as string[]).includes(row))
    .map((c) => c.id);
}
