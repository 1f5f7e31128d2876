/**
 * The annual report built from the agency's own records: table 3 from its cases, table 4 from its appeal
 * records, table 2 from the figures entered for the year (null where none were entered). The result
 * passes the ReportData contract and R1–R4 by construction.
 */
import { templateForYear, type TemplateId } from '../../law/index.ts';
import { ValidationError } from '../../shared/domainError.ts';
import { REPORT_SCHEMA, type Narrative, type ProactiveTable, type ReportData } from '../reportData.ts';
import { parseReportData } from '../validateReport.ts';
import { buildAppealsTable, drillDownAppeals, type AppealForReport } from './appeals.ts';
import { buildApplicationsTable, drillDown } from './applications.ts';
import type { CaseForReport } from './cases.ts';
import { UnknownCellError } from './errors.ts';

export interface BuildReportInput {
  agency: string;
  year: number;
  cases: readonly CaseForReport[];
  appeals: readonly AppealForReport[];
  /** table 2 as entered for the year (validated against the year's template); absent: every cell null */
  proactive?: ProactiveTable | null;
  narrative?: Narrative;
}

export function templateOrThrow(year: number): TemplateId {
  const template = templateForYear(year);
  if (template === null)
    throw new ValidationError('The year', [{ path: 'year', rule: 'template-fits-year', message: `no national template covers reports on ${year}: reports are built from 2019 on` }]);
  return template;
}

export function buildReport(input: BuildReportInput): ReportData {
  const template = templateOrThrow(input.year);
  // Entered figures pass the contract's own checks (kinds, rows of the template); tables 3 and 4 are counts.
  const report = parseReportData({
    schema: REPORT_SCHEMA,
    agency: input.agency,
    year: input.year,
    template,
    ...(input.proactive ? { proactive: input.proactive } : {}),
    ...(input.narrative ? { narrative: input.narrative } : {}),
  });
  report.applications = buildApplicationsTable(input.cases, input.year, template);
  report.appeals = buildAppealsTable(input.appeals, input.year);
  report.provenance = {
    source: 'cases',
    built: { cases: input.cases.length, appeals: input.appeals.length },
    notes: [
      '表三由申请记录统计，表四由行政复议、行政诉讼记录统计',
      input.proactive ? '表二为本年度录入的数字' : '表二尚未录入（空白）',
    ],
  };
  return report;
}

/** What a cell of a built report counts: the ids of its cases or appeals, or that it was entered by hand. */
export type CellSource = { kind: 'cases'; ids: string[] } | { kind: 'appeals'; ids: string[] } | { kind: 'entered' };

export function cellSource(input: Pick<BuildReportInput, 'year' | 'cases' | 'appeals'>, path: string): CellSource {
  const template = templateOrThrow(input.year);
  if (path.startsWith('applications.')) return { kind: 'cases', ids: drillDown(input.cases, input.year, template, path) };
  if (path.startsWith('appeals.')) return { kind: 'appeals', ids: drillDownAppeals(input.appeals, input.year, path) };
  if (path.startsWith('proactive.')) return { kind: 'entered' };
  throw new UnknownCellError(path, 'a cell path starts with applications., appeals. or proactive.');
}
