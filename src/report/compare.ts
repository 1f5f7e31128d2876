/**
 * Year-on-year comparison of two reports, cell by cell: the change and the percentage a report's text
 * quotes (“比上一年度上升18.26%”). Table 3 of a 2021 report is folded to the 2019 shape when the other
 * report is on the 2019 template; table 2 compares the cells both templates share.
 */
import { foldApplicationsTo2019 } from './foldTemplate.ts';
import { getCell, reportCells, type Cell, type ReportData } from './reportData.ts';

export interface CellComparison {
  cell: string;
  table: 'proactive' | 'applications' | 'appeals';
  row: string;
  column: string;
  current: Cell;
  previous: Cell;
  /** current − previous; null when either is unknown */
  change: number | null;
  /** change / previous × 100, rounded to 2 decimals; null when unknown or previous is 0 */
  percent: number | null;
  /** the phrase a report prints: 上升18.26% / 下降5.00% / 持平 / 新增 */
  phrase: string | null;
}

export interface Comparison {
  current: { agency: string; year: number; template: string };
  previous: { agency: string; year: number; template: string };
  cells: CellComparison[];
}

/** Round half away from zero to two decimals, as reports print percentages. */
export function roundPercent(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value) * 100 + Number.EPSILON * 100) / 100;
}

export function changePhrase(current: number, previous: number): string {
  if (current === previous) return '持平';
  if (previous === 0) return '新增';
  const percent = roundPercent(((current - previous) / previous) * 100);
  return `${percent > 0 ? '上升' : '下降'}${Math.abs(percent).toFixed(2)}%`;
}

function asOtherShape(report: ReportData, template: ReportData['template']): ReportData {
  if (report.template === template || template === '2021') return report;
  return { ...report, template: '2019', applications: foldApplicationsTo2019(report) };
}

export function compareReports(currentReport: ReportData, previousReport: ReportData): Comparison {
  // Compare on the older template when they differ: its rows are the coarser common ground.
  const shape = currentReport.template === previousReport.template ? currentReport.template : '2019';
  const current = asOtherShape(currentReport, shape);
  const previous = asOtherShape(previousReport, shape);
  const cells: CellComparison[] = [];
  for (const c of reportCells(current)) {
    const path = `${c.table}.${c.row}.${c.column}`;
    const before = getCell(previous, path);
    // a table-2 cell that one of the two templates does not have
    if (before === undefined || getCell(current, path) === undefined) continue;
    const change = c.value === null || before === null ? null : round2(c.value - before);
    const percent = change === null || before === 0 || before === null ? null : roundPercent((change / before) * 100);
    const phrase = c.value === null || before === null ? null : changePhrase(c.value, before);
    cells.push({ cell: path, table: c.table, row: c.row, column: c.column, current: c.value, previous: before, change, percent, phrase });
  }
  const head = (r: ReportData) => ({ agency: r.agency, year: r.year, template: r.template });
  return { current: head(currentReport), previous: head(previousReport), cells };
}

/** Amounts in 万元 carry decimals; keep float noise out of the change. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
