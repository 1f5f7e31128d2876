/**
 * A flat dataset of many reports: one line per report, one column per cell id. The columns are the
 * union of both templates' cells, so reports of 2020 and 2022 share one file; a cell a report's
 * template does not have is empty, like an unknown one.
 */
import { APPEAL_COLUMN_IDS, APPEAL_GROUP_IDS, APPLICANT_COLUMN_IDS, TEMPLATE_IDS, table2Blocks, table3Rows } from '../../law/index.ts';
import { getCell, type ReportData } from '../reportData.ts';

export function datasetColumns(): string[] {
  const cells = new Set<string>();
  for (const t of [...TEMPLATE_IDS].reverse()) {
    for (const b of table2Blocks(t)) for (const r of b.rows) for (const c of b.columns) cells.add(`proactive.${r.id}.${c.id}`);
  }
  for (const t of TEMPLATE_IDS) for (const r of table3Rows(t)) for (const c of APPLICANT_COLUMN_IDS) cells.add(`applications.${r.id}.${c}`);
  for (const g of APPEAL_GROUP_IDS) for (const c of APPEAL_COLUMN_IDS) cells.add(`appeals.${g}.${c}`);
  return [...cells];
}

const HEAD = ['source', 'agency', 'year', 'template', 'format', 'checks_ok', 'violated', 'missing', 'inferred'] as const;

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return [...HEAD, ...datasetColumns()].join(',');
}

export function csvLine(report: ReportData, columns: readonly string[] = datasetColumns()): string {
  const p = report.provenance ?? {};
  const checks = p.checks as { ok?: boolean; violated?: number } | undefined;
  const head = [p.source ?? '', report.agency, report.year, report.template, p.format ?? '', checks?.ok ?? '', checks?.violated ?? '', p.missing?.length ?? '', p.inferred?.length ?? ''];
  return [...head, ...columns.map((c) => getCell(report, c) ?? null)].map(field).join(',');
}
