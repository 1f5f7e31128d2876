/**
 * The boundary of ReportData: an `unknown` value (a JSON file, an API body) is checked against the
 * contract and the template its `template` names, and comes back complete (absent cells filled with
 * null) or not at all. Every problem is listed with its path and rule.
 */
import {
  APPEAL_COLUMN_IDS,
  APPEAL_GROUP_IDS,
  APPLICANT_COLUMN_IDS,
  TEMPLATE_IDS,
  isTemplateId,
  table2Blocks,
  table3Rows,
  templateForYear,
  type Table2ValueKind,
  type TemplateId,
} from '../law/index.ts';
import type { Issue } from '../shared/domainError.ts';
import { InvalidReportError } from './errors.ts';
import { NARRATIVE_KEYS, REPORT_SCHEMA, emptyReport, type Cell, type ProactiveTable, type ReportData } from './reportData.ts';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const MIN_REPORT_YEAR = 2008;
export const MAX_REPORT_YEAR = 2100;

/**
 * A published report printed on another year's form is kept on the form its tables follow (`template`),
 * and says so: `provenance.templateMismatch = { printed: <template>, expected: <the year's template> }`.
 */
function declaresMismatch(provenance: unknown, template: TemplateId, expected: TemplateId): boolean {
  if (!isObject(provenance) || !isObject(provenance.templateMismatch)) return false;
  return provenance.templateMismatch.printed === template && provenance.templateMismatch.expected === expected;
}

/** Validate and complete a ReportData; throws InvalidReportError listing every problem. */
export function parseReportData(input: unknown): ReportData {
  const issues: Issue[] = [];
  const add = (path: string, rule: string, message: string) => issues.push({ path, rule, message });

  if (!isObject(input)) throw new InvalidReportError([{ path: '(root)', rule: 'type', message: 'must be a JSON object' }]);

  if (input.schema !== REPORT_SCHEMA) add('schema', 'schema', `must be "${REPORT_SCHEMA}" (got ${JSON.stringify(input.schema)})`);
  if (typeof input.agency !== 'string' || input.agency.trim() === '') add('agency', 'required', 'must be a non-empty string (发布机关)');
  const year = input.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= MIN_REPORT_YEAR && year <= MAX_REPORT_YEAR;
  if (!yearOk) add('year', 'year', `must be an integer year between ${MIN_REPORT_YEAR} and ${MAX_REPORT_YEAR}`);

  if (!isTemplateId(input.template)) {
    add('template', 'template', `must be one of ${TEMPLATE_IDS.map((t) => `"${t}"`).join(', ')}`);
    throw new InvalidReportError(issues);
  }
  const template: TemplateId = input.template;
  if (yearOk) {
    const fits = templateForYear(year);
    if (fits === null) add('template', 'template-fits-year', `no national template covers reports on ${year} (the 2019 format starts with the 2019 report)`);
    else if (fits !== template && !declaresMismatch(input.provenance, template, fits)) {
      add('template', 'template-fits-year', `a report on ${year} uses the "${fits}" template, not "${template}" (a published report printed on the wrong form declares it in provenance.templateMismatch)`);
    }
  }

  const report = emptyReport(typeof input.agency === 'string' ? input.agency.trim() : '', yearOk ? year : 0, template);

  readTable(input, 'proactive', issues, table2Columns(template), report.proactive as Record<string, Record<string, Cell>>, template);

  const applicantKinds = Object.fromEntries(APPLICANT_COLUMN_IDS.map((c) => [c, 'count' as const]));
  readTable(input, 'applications', issues, (rowId) => (table3Rows(template).some((r) => r.id === rowId) ? applicantKinds : null),
    report.applications as Record<string, Record<string, Cell>>, template);

  const appealKinds = Object.fromEntries(APPEAL_COLUMN_IDS.map((c) => [c, 'count' as const]));
  readTable(input, 'appeals', issues, (rowId) => ((APPEAL_GROUP_IDS as readonly string[]).includes(rowId) ? appealKinds : null),
    report.appeals as Record<string, Record<string, Cell>>, template);

  if (input.narrative !== undefined) {
    if (!isObject(input.narrative)) add('narrative', 'type', 'must be an object of section texts');
    else {
      const narrative: Record<string, string> = {};
      for (const [key, text] of Object.entries(input.narrative)) {
        if (!(NARRATIVE_KEYS as readonly string[]).includes(key)) add(`narrative.${key}`, 'unknown-key', `is not a section; use one of ${NARRATIVE_KEYS.join(', ')}`);
        else if (typeof text !== 'string') add(`narrative.${key}`, 'type', 'must be a string');
        else narrative[key] = text;
      }
      report.narrative = narrative;
    }
  }
  if (input.provenance !== undefined) {
    if (!isObject(input.provenance)) add('provenance', 'type', 'must be an object');
    else report.provenance = input.provenance;
  }

  if (issues.length > 0) throw new InvalidReportError(issues);
  return report;
}

/**
 * Validate and complete a table 2 (ReportData.proactive) on its own, for a template: the same checks as
 * parseReportData (rows and columns of the template, counts and amounts); problems are listed at
 * `proactive.<row>.<column>`. Throws InvalidReportError.
 */
export function parseProactiveTable(input: unknown, template: TemplateId): ProactiveTable {
  const issues: Issue[] = [];
  const report = emptyReport('', 0, template);
  readTable({ proactive: input }, 'proactive', issues, table2Columns(template), report.proactive as Record<string, Record<string, Cell>>, template);
  if (issues.length > 0) throw new InvalidReportError(issues);
  return report.proactive;
}

/** The columns (and their value kinds) of a table-2 row in a template; null for a row it does not have. */
function table2Columns(template: TemplateId): (rowId: string) => Record<string, Table2ValueKind> | null {
  return (rowId) => {
    const block = table2Blocks(template).find((b) => b.rows.some((r) => r.id === rowId));
    if (!block) return null;
    return Object.fromEntries(block.columns.map((c) => [c.id, c.value])) as Record<string, Table2ValueKind>;
  };
}

function readTable(
  input: Obj,
  table: 'proactive' | 'applications' | 'appeals',
  issues: Issue[],
  columnsOf: (rowId: string) => Record<string, Table2ValueKind> | null,
  target: Record<string, Record<string, Cell>>,
  template: TemplateId,
): void {
  const value = input[table];
  if (value === undefined) return; // an absent table is a table of unknowns
  if (!isObject(value)) {
    issues.push({ path: table, rule: 'type', message: 'must be an object of rows' });
    return;
  }
  for (const [rowId, rowValue] of Object.entries(value)) {
    const rowPath = `${table}.${rowId}`;
    const columns = columnsOf(rowId);
    if (!columns) {
      issues.push({ path: rowPath, rule: 'unknown-row', message: `is not a row of ${table} in the ${template} template` });
      continue;
    }
    if (!isObject(rowValue)) {
      issues.push({ path: rowPath, rule: 'type', message: 'must be an object of columns' });
      continue;
    }
    for (const [columnId, cell] of Object.entries(rowValue)) {
      const path = `${rowPath}.${columnId}`;
      const kind = columns[columnId];
      if (!kind) {
        issues.push({ path, rule: 'unknown-column', message: `is not a column of this row (columns: ${Object.keys(columns).join(', ')})` });
        continue;
      }
      const problem = cellProblem(cell, kind);
      if (problem) issues.push({ path, rule: problem.rule, message: problem.message });
      else target[rowId]![columnId] = cell as Cell;
    }
  }
}

function cellProblem(cell: unknown, kind: Table2ValueKind): { rule: string; message: string } | null {
  if (cell === null) return null;
  if (typeof cell !== 'number' || !Number.isFinite(cell)) return { rule: 'type', message: `must be a number or null (got ${JSON.stringify(cell)})` };
  switch (kind) {
    case 'count':
      if (!Number.isInteger(cell)) return { rule: 'integer', message: `must be a whole number (got ${cell})` };
      if (cell < 0) return { rule: 'non-negative', message: `must not be negative (got ${cell})` };
      return null;
    case 'signed':
      return Number.isInteger(cell) ? null : { rule: 'integer', message: `must be a whole number (got ${cell})` };
    case 'amount':
      return cell < 0 ? { rule: 'non-negative', message: `must not be negative (got ${cell})` } : null;
    default: {
      const never: never = kind;
      throw new Error(`unknown value kind ${String(never)}`);
    }
  }
}
