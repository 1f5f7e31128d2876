import type { RegisterRow } from '../../register/validate.ts';
import type { CaseForReport } from './cases.ts';

/** Register rows as cases for the builder (without a database): the id is the 编号, or `row N`. */
export function registerRowsToCases(rows: readonly RegisterRow[]): CaseForReport[] {
  return rows.map((r) => ({
    id: r.ref ?? `row ${r.row}`,
    receivedOn: r.receivedOn,
    applicantKind: r.applicantType,
    outcome: r.outcome,
    concludedOn: r.concludedOn,
  }));
}
