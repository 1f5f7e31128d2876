/**
 * The roll-up of a region (政务公开办): one report whose every cell is the sum of that cell over the
 * agencies' reports — null when any agency's figure is null (an unknown term makes the sum unknown).
 */
import { table2Cells, templateForYear, type TemplateId } from '../../law/index.ts';
import { emptyReport, reportCells, setCell, getCell, type Cell, type ReportData } from '../reportData.ts';
import { RollUpMismatchError } from './errors.ts';

/** Sums of amounts (万元) are rounded to 6 decimals, so 0.1 + 0.2 prints as 0.3. */
function addCells(a: Cell, b: Cell, amount: boolean): Cell {
  if (a === null || b === null) return null;
  return amount ? Math.round((a + b) * 1e6) / 1e6 : a + b;
}

export interface RollUpOptions {
  /** the name the roll-up report carries, e.g. `平潭综合实验区（汇总）` */
  agency: string;
  year: number;
}

export function rollUp(reports: readonly ReportData[], options: RollUpOptions): ReportData {
  const mismatched = reports.flatMap((r, i) => (r.year === options.year ? [] : [{ path: `reports[${i}].year`, rule: 'same-year', message: `${r.agency} reports on ${r.year}, not ${options.year}` }]));
  const template: TemplateId | null = templateForYear(options.year);
  if (template === null) mismatched.push({ path: 'year', rule: 'template-fits-year', message: `no national template covers reports on ${options.year}` });
  reports.forEach((r, i) => {
    if (template !== null && r.template !== template) mismatched.push({ path: `reports[${i}].template`, rule: 'same-template', message: `${r.agency} uses the ${r.template} template, not ${template}` });
  });
  if (mismatched.length > 0 || template === null) throw new RollUpMismatchError(mismatched);

  const amountCells = new Set(table2Cells(template).filter((c) => c.value === 'amount').map((c) => `proactive.${c.row}.${c.column}`));
  const total = emptyReport(options.agency, options.year, template);
  for (const c of reportCells(total)) setCell(total, `${c.table}.${c.row}.${c.column}`, 0);
  for (const r of reports) {
    for (const c of reportCells(total)) {
      const path = `${c.table}.${c.row}.${c.column}`;
      setCell(total, path, addCells(getCell(total, path) ?? null, getCell(r, path) ?? null, amountCells.has(path)));
    }
  }
  total.provenance = { source: 'roll-up', agencies: reports.map((r) => r.agency), notes: [`${reports.length} 个机关的年度报告逐格相加`] };
  return total;
}
