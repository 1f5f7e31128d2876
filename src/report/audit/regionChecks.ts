/**
 * Checks across the reports of one region: each agency's 上年结转 against its previous year's 结转下年度
 * (R5, law.md §2.7), and a region's own report against the sum of its agencies' reports of the
 * same year, where both are in the set. A region is recognised by name: `平潭综合实验区` is the region
 * of `平潭综合实验区自然资源与生态环境局`; `XX市人民政府` of `XX市教育局`.
 */
import { APPEAL_COLUMN_IDS, APPEAL_GROUP_IDS, APPLICANT_COLUMN_IDS, table3Rows } from '../../law/index.ts';
import { foldApplicationsTo2019 } from '../foldTemplate.ts';
import { getCell, type Cell, type ReportData } from '../reportData.ts';

export interface CarryOverCheck {
  agency: string;
  year: number;
  previousYear: number;
  column: string;
  carriedForward: Cell;
  carriedOver: Cell;
  status: 'agrees' | 'differs' | 'unknown';
}

export function carryOverChecks(reports: readonly ReportData[]): CarryOverCheck[] {
  const out: CarryOverCheck[] = [];
  for (const current of reports) {
    const previous = reports.find((r) => r.agency === current.agency && r.year === current.year - 1);
    if (!previous) continue;
    for (const column of APPLICANT_COLUMN_IDS) {
      const carriedForward = previous.applications.carried_forward?.[column] ?? null;
      const carriedOver = current.applications.carried_over?.[column] ?? null;
      const status = carriedForward === null || carriedOver === null ? 'unknown' : carriedForward === carriedOver ? 'agrees' : 'differs';
      out.push({ agency: current.agency, year: current.year, previousYear: previous.year, column, carriedForward, carriedOver, status });
    }
  }
  return out;
}

export interface RegionSum {
  region: string;
  year: number;
  agencies: string[];
  /** every cell known on both sides is equal */
  equal: boolean;
  compared: number;
  differences: { cell: string; region: number; sum: number }[];
}

const GOVERNMENT_SUFFIX = /(?:人民政府|政府|管理委员会|管委会)$/;

export function regionPrefix(agency: string): string {
  return agency.replace(GOVERNMENT_SUFFIX, '');
}

export function regionSums(reports: readonly ReportData[]): RegionSum[] {
  const out: RegionSum[] = [];
  for (const region of reports) {
    const prefix = regionPrefix(region.agency);
    if (prefix.length < 2) continue;
    const members = reports.filter((r) => r !== region && r.year === region.year && r.agency !== region.agency && r.agency.startsWith(prefix));
    if (members.length === 0) continue;
    const paths = comparablePaths();
    const differences: RegionSum['differences'] = [];
    let compared = 0;
    for (const path of paths) {
      const own = cellOf(region, path);
      const parts = members.map((m) => cellOf(m, path));
      if (own === null || parts.some((p) => p === null)) continue;
      compared++;
      const sum = parts.reduce<number>((a, p) => a + p!, 0);
      if (sum !== own) differences.push({ cell: path, region: own, sum });
    }
    out.push({ region: region.agency, year: region.year, agencies: members.map((m) => m.agency), equal: differences.length === 0, compared, differences });
  }
  return out;
}

/** Table 3 on the 2019 rows (both templates fold to them) and table 4. */
function comparablePaths(): string[] {
  const paths: string[] = [];
  for (const r of table3Rows('2019')) for (const c of APPLICANT_COLUMN_IDS) paths.push(`applications.${r.id}.${c}`);
  for (const g of APPEAL_GROUP_IDS) for (const c of APPEAL_COLUMN_IDS) paths.push(`appeals.${g}.${c}`);
  return paths;
}

function cellOf(report: ReportData, path: string): Cell {
  if (path.startsWith('applications.') && report.template === '2021') {
    const folded = { ...report, template: '2019' as const, applications: foldApplicationsTo2019(report) };
    return getCell(folded, path) ?? null;
  }
  return getCell(report, path) ?? null;
}
