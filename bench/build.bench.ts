/**
 * The report builder's cost: table 3 and 4 (and the full ReportData) for one agency with 10,000 cases,
 * and a drill-down over them — pure, in memory. (The PostgreSQL roll-up over 1,000 agencies and
 * 1,000,000 cases is bench/buildPg.bench.ts when a database URL is given.)
 */
import { performance } from 'node:perf_hooks';
import { APPLICANT_KIND_IDS, CASE_OUTCOMES } from '../src/law/index.ts';
import { buildReport, drillDown, rollUp, type CaseForReport } from '../src/report/build/index.ts';

/** Deterministic cases received 2019–2021, ~8% open at the end of 2021. */
export function generateCases(n: number, seed = 1): CaseForReport[] {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const base = Date.UTC(2019, 0, 1);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return Array.from({ length: n }, (_, i) => {
    const received = Math.floor(next() * 365 * 3);
    const open = next() < 0.08;
    const duration = Math.floor(next() * 40);
    return {
      id: `case-${i}`,
      receivedOn: iso(base + received * 86_400_000),
      applicantKind: APPLICANT_KIND_IDS[Math.floor(next() * APPLICANT_KIND_IDS.length)]!,
      outcome: open ? null : CASE_OUTCOMES[Math.floor(next() * CASE_OUTCOMES.length)]!,
      concludedOn: open ? null : iso(base + (received + duration) * 86_400_000),
    };
  });
}

function time<T>(fn: () => T, runs: number): { ms: number; value: T } {
  let value = fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < runs; i++) value = fn();
  return { ms: (performance.now() - start) / runs, value };
}

export async function run(): Promise<string[]> {
  const cases = generateCases(10_000);
  const build = time(() => buildReport({ agency: '基准机关', year: 2020, cases, appeals: [] }), 20);
  const cell = time(() => drillDown(cases, 2020, '2019', 'applications.granted.total'), 20);
  const reports = Array.from({ length: 1_000 }, () => build.value);
  const roll = time(() => rollUp(reports, { agency: '汇总', year: 2020 }), 3);
  return [
    `report build (pure): 10,000 cases → ReportData in ${build.ms.toFixed(2)} ms (received ${build.value.applications.received?.total})`,
    `drill-down (pure): one cell over 10,000 cases in ${cell.ms.toFixed(2)} ms (${cell.value.length} cases)`,
    `roll-up (pure): 1,000 built reports summed cell by cell in ${roll.ms.toFixed(1)} ms`,
  ];
}
