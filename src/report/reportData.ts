/**
 * ReportData: the one JSON shape of an annual report (spec/report-data.md). A figure that is unknown is
 * `null`, never 0. Every table holds exactly the rows and columns of its template, so code that walks
 * the template can index it without checking for absent keys (validation fills them with null).
 */
import {
  APPEAL_COLUMN_IDS,
  APPEAL_GROUP_IDS,
  APPLICANT_COLUMN_IDS,
  table2Blocks,
  table3Rows,
  type AppealColumnId,
  type AppealGroupId,
  type ApplicantColumnId,
  type ProactiveColumnId,
  type ProactiveRowId,
  type Table3RowId,
  type TemplateId,
} from '../law/index.ts';

export const REPORT_SCHEMA = 'gongkai.report/1';

export type Cell = number | null;
export type ApplicantCells = Record<ApplicantColumnId, Cell>;
export type ProactiveTable = Partial<Record<ProactiveRowId, Partial<Record<ProactiveColumnId, Cell>>>>;
export type ApplicationsTable = Partial<Record<Table3RowId, ApplicantCells>>;
export type AppealsTable = Record<AppealGroupId, Record<AppealColumnId, Cell>>;

/** Section texts, by the id of the section in law/sections.ts; `preamble` is the text before 一、. */
export const NARRATIVE_KEYS = ['preamble', 'overview', 'proactive', 'applications', 'appeals', 'problems', 'other'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export type Narrative = Partial<Record<NarrativeKey, string>>;

/** A cell the parser filled by arithmetic, with the relation that forced its value. */
export interface InferredCell {
  cell: string;
  value: number;
  reason: string;
}

/** Where the figures came from. Written by the parser and the builder; free-form beyond these fields. */
export interface Provenance {
  source?: string;
  format?: string;
  detected?: Record<string, unknown>;
  missing?: string[];
  inferred?: InferredCell[];
  checks?: unknown;
  notes?: string[];
  [key: string]: unknown;
}

export interface ReportData {
  schema: typeof REPORT_SCHEMA;
  agency: string;
  year: number;
  template: TemplateId;
  proactive: ProactiveTable;
  applications: ApplicationsTable;
  appeals: AppealsTable;
  narrative?: Narrative;
  provenance?: Provenance;
}

/** A cell's address: `applications.received.natural_person`. */
export type CellPath = `${'proactive' | 'applications' | 'appeals'}.${string}.${string}`;

export function cellPath(table: 'proactive' | 'applications' | 'appeals', row: string, column: string): CellPath {
  return `${table}.${row}.${column}`;
}

function nullCells<K extends string>(ids: readonly K[]): Record<K, Cell> {
  return Object.fromEntries(ids.map((id) => [id, null])) as Record<K, Cell>;
}

/** A report of the template's shape with every figure unknown (null). */
export function emptyReport(agency: string, year: number, template: TemplateId): ReportData {
  const proactive: ProactiveTable = {};
  for (const block of table2Blocks(template)) {
    for (const r of block.rows) proactive[r.id] = nullCells(block.columns.map((c) => c.id));
  }
  const applications: ApplicationsTable = {};
  for (const r of table3Rows(template)) applications[r.id] = nullCells(APPLICANT_COLUMN_IDS);
  const appeals = Object.fromEntries(APPEAL_GROUP_IDS.map((g) => [g, nullCells(APPEAL_COLUMN_IDS)])) as AppealsTable;
  return { schema: REPORT_SCHEMA, agency, year, template, proactive, applications, appeals };
}

/** Every cell of the report in template order, with its value. */
export function* reportCells(report: ReportData): Generator<{ table: 'proactive' | 'applications' | 'appeals'; row: string; column: string; value: Cell }> {
  for (const block of table2Blocks(report.template)) {
    for (const r of block.rows) {
      for (const c of block.columns) yield { table: 'proactive', row: r.id, column: c.id, value: report.proactive[r.id]?.[c.id] ?? null };
    }
  }
  for (const r of table3Rows(report.template)) {
    for (const c of APPLICANT_COLUMN_IDS) yield { table: 'applications', row: r.id, column: c, value: report.applications[r.id]?.[c] ?? null };
  }
  for (const g of APPEAL_GROUP_IDS) {
    for (const c of APPEAL_COLUMN_IDS) yield { table: 'appeals', row: g, column: c, value: report.appeals[g][c] };
  }
}

/** The value at a cell path, or undefined when the path is not a cell of the report's template. */
export function getCell(report: ReportData, path: string): Cell | undefined {
  const [table, row, column] = splitCellPath(path);
  if (table === 'proactive') return (report.proactive as Record<string, Record<string, Cell> | undefined>)[row]?.[column];
  if (table === 'applications') return (report.applications as Record<string, Record<string, Cell> | undefined>)[row]?.[column];
  if (table === 'appeals') return (report.appeals as Record<string, Record<string, Cell> | undefined>)[row]?.[column];
  return undefined;
}

/** Set a cell by its path; the path must be a cell of the report's template. */
export function setCell(report: ReportData, path: string, value: Cell): void {
  const [table, row, column] = splitCellPath(path);
  const tables = report as unknown as Record<string, Record<string, Record<string, Cell>> | undefined>;
  const target = tables[table]?.[row];
  if (!target || !(column in target)) throw new Error(`${path} is not a cell of the ${report.template} template`);
  target[column] = value;
}

/** Row ids hold a dot (`withheld.state_secret`), so the table is the first segment and the column the last. */
function splitCellPath(path: string): [string, string, string] {
  const first = path.indexOf('.');
  const last = path.lastIndexOf('.');
  return [path.slice(0, first), path.slice(first + 1, last), path.slice(last + 1)];
}
