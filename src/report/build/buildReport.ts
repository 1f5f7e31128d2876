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
import type { CatalogueFigures } from '../../catalogue/table2.ts';

export interface BuildReportInput {
  agency: string;
  year: number;
  cases: readonly CaseForReport[];
  appeals: readonly AppealForReport[];
  /** table 2 as entered for the year (validated against the year's template); absent: every cell null */
  proactive?: ProactiveTable | null;
  /** table 2 （一） counted from the catalogue (cell path → document ids); those cells replace what was entered */
  catalogue?: CatalogueFigures | null;
  narrative?: Narrative;
}

export function templateOrThrow(year: number): TemplateId {
  const template = templateForYear(year);
  if (template === null)
    throw new ValidationError('统计年度', [{ path: 'year', rule: 'template-fits-year', message: `${year}年没有适用的国家模板：年度报告自2019年起按国家模板编制` }]);
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
  const fromCatalogue = Object.entries(input.catalogue ?? {});
  for (const [path, ids] of fromCatalogue) {
    const [, row, column] = path.split('.') as [string, string, string];
    const cells = (report.proactive as Record<string, Record<string, number | null>>)[row];
    if (cells !== undefined && column in cells) cells[column] = ids.length;
  }
  report.provenance = {
    source: 'cases',
    built: { cases: input.cases.length, appeals: input.appeals.length },
    notes: [
      '表三由申请记录统计，表四由行政复议、行政诉讼记录统计',
      ...(fromCatalogue.length > 0
        ? ['表二第二十条第（一）项（规章、行政规范性文件）由政府信息公开目录统计', input.proactive ? '表二其他项为本年度录入的数字' : '表二其他项尚未录入（空白）']
        : [input.proactive ? '表二为本年度录入的数字' : '表二尚未录入（空白）']),
    ],
    ...(fromCatalogue.length > 0 ? { table2FromCatalogue: fromCatalogue.map(([path]) => path) } : {}),
  };
  return report;
}

/** What a cell of a built report counts: the ids of its cases or appeals, or that it was entered by hand. */
export type CellSource = { kind: 'cases'; ids: string[] } | { kind: 'appeals'; ids: string[] } | { kind: 'catalogue'; ids: string[] } | { kind: 'entered' };

export function cellSource(input: Pick<BuildReportInput, 'year' | 'cases' | 'appeals' | 'catalogue'>, path: string): CellSource {
  const template = templateOrThrow(input.year);
  if (path.startsWith('applications.')) return { kind: 'cases', ids: drillDown(input.cases, input.year, template, path) };
  if (path.startsWith('appeals.')) return { kind: 'appeals', ids: drillDownAppeals(input.appeals, input.year, path) };
  const fromCatalogue = input.catalogue?.[path];
  if (fromCatalogue !== undefined) return { kind: 'catalogue', ids: fromCatalogue };
  if (path.startsWith('proactive.')) return { kind: 'entered' };
  throw new UnknownCellError(path, 'a cell path starts with applications., appeals. or proactive.');
}
