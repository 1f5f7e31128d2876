import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { APPEAL_GROUP_IDS, APPLICANT_KIND_IDS, outcomeRows, table2Blocks } from '../../src/law/index.ts';
import { parseReportData } from '../../src/report/validateReport.ts';
import { emptyReport, type ApplicantCells, type ReportData } from '../../src/report/reportData.ts';

/** Absolute path of a file under test/fixtures/. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
}

export function readFixtureJson(relative: string): unknown {
  return JSON.parse(readFileSync(fixturePath(relative), 'utf8'));
}

/** The register of 国家信访局's 136 applications of 2020 (reproducing the seed's table 3), shipped with the demo. */
export const SEED_REGISTER = fileURLToPath(new URL('../../src/register/demo/seed-2020.csv', import.meta.url));

/** The seed fixture as plain JSON, independent of anything the code under test computes. */
export function seedJson(): Record<string, Record<string, Record<string, number | null>>> {
  return readFixtureJson('reports/seed-2020.expected.json') as Record<string, Record<string, Record<string, number | null>>>;
}

/** The seed's figures (国家信访局 2020), validated and completed. */
export function seedReport(): ReportData {
  return parseReportData(readFixtureJson('reports/seed-2020.expected.json'));
}

type JsonObject = Record<string, unknown>;

/** Set (or with `undefined`, delete) a value at a dotted path inside a JSON document; row ids keep their dot. */
export function setPath(doc: unknown, path: string[], value: unknown): void {
  let node = doc as JsonObject;
  for (const key of path.slice(0, -1)) node = node[key] as JsonObject;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

export const FULL_NARRATIVE = {
  preamble: '本报告依据《中华人民共和国政府信息公开条例》编制。\n统计期限自2023年1月1日起至2023年12月31日止。',
  overview: '（一）主动公开\n全年主动公开政府信息<1024>条 & 更多。',
  proactive: '本年度制发规章及行政规范性文件情况如下。',
  applications: '本年度收到和处理政府信息公开申请情况如下。',
  appeals: '本年度行政复议、行政诉讼情况如下。',
  problems: '一是公开内容不够全面。\n二是解读形式较为单一。',
  other: '本年度未收取信息处理费。',
} as const;

/** A 2021-template report with every figure known and distinct, reconciling under R1–R4. */
export function fullReport2021(): ReportData {
  const report = emptyReport('某市测试局', 2023, '2021');
  let n = 1;
  for (const block of table2Blocks('2021')) {
    for (const r of block.rows) {
      for (const c of block.columns) report.proactive[r.id]![c.id] = c.value === 'amount' ? 12.5 + n++ : n++;
    }
  }
  const kinds = APPLICANT_KIND_IDS;
  const withTotal = (values: number[]): ApplicantCells =>
    ({ ...Object.fromEntries(kinds.map((k, i) => [k, values[i]!])), total: values.reduce((a, b) => a + b, 0) }) as ApplicantCells;
  const processed = kinds.map(() => 0);
  outcomeRows('2021').forEach((row, i) => {
    const values = kinds.map((_, k) => 100 + i * 7 + k);
    values.forEach((v, k) => (processed[k]! += v));
    report.applications[row.id] = withTotal(values);
  });
  const carriedOver = kinds.map((_, k) => 30 + k);
  const carriedForward = kinds.map((_, k) => 50 + 2 * k);
  report.applications.processed_total = withTotal(processed);
  report.applications.carried_over = withTotal(carriedOver);
  report.applications.carried_forward = withTotal(carriedForward);
  report.applications.received = withTotal(processed.map((p, k) => p + carriedForward[k]! - carriedOver[k]!));
  APPEAL_GROUP_IDS.forEach((g, gi) => {
    const [upheld, corrected, other, pending] = [gi * 4 + 1, gi * 4 + 2, gi * 4 + 3, gi * 4 + 4];
    report.appeals[g] = { upheld, corrected, other, pending, total: upheld + corrected + other + pending };
  });
  report.narrative = { ...FULL_NARRATIVE };
  return report;
}

/**
 * A region's roll-up with seven-digit totals: the seed with every count multiplied by `factor` (the
 * relations R1–R4 are linear, so they still hold). For testing that no figure wraps.
 */
export function rollUpReport(factor = 123_457): ReportData {
  const report = structuredClone(seedReport());
  for (const table of ['applications', 'appeals', 'proactive'] as const) {
    for (const row of Object.values(report[table] as Record<string, Record<string, number | null>>)) {
      for (const [k, v] of Object.entries(row)) if (v !== null && Number.isInteger(v)) row[k] = v * factor;
    }
  }
  return { ...report, agency: '某市（汇总）' };
}
