/**
 * Folding a 2021-shaped table 3 into the 2019 shape: the three （六） sub-rows add up to the single
 * （六）其他处理 row; every other row is identical. Used to compare a 2021 report with a 2020 one.
 */
import { APPLICANT_COLUMN_IDS, foldOutcomeTo2019, table3Rows } from '../law/index.ts';
import type { ApplicationsTable, Cell, ReportData } from './reportData.ts';

export function foldApplicationsTo2019(report: ReportData): ApplicationsTable {
  if (report.template === '2019') return report.applications;
  const folded: ApplicationsTable = {};
  for (const row of table3Rows('2019')) {
    const sources = table3Rows('2021').filter((r) =>
      r.kind === 'outcome' ? foldOutcomeTo2019(r.id) === row.id : r.id === row.id,
    );
    folded[row.id] = Object.fromEntries(
      APPLICANT_COLUMN_IDS.map((c) => {
        const values: Cell[] = sources.map((s) => report.applications[s.id]?.[c] ?? null);
        return [c, values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v as number), 0)];
      }),
    ) as Record<(typeof APPLICANT_COLUMN_IDS)[number], Cell>;
  }
  return folded;
}
