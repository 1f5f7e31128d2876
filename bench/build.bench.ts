/**
 * The report builder's cost: table 3 and 4 (and the full ReportData) for one agency with 10,000 cases,
 * and a drill-down over them — pure, in memory; then, when DATABASE_URL names a PostgreSQL server, the
 * SQL roll-up of a region over 1,000 agencies and 1,000,000 cases (generated in the database with
 * generate_series, in a scratch database that is dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { systemActor } from '../src/accounts/actor.ts';
import { openDatabase } from '../src/db/open.ts';
import { rollUpRegion } from '../src/report/build/db.ts';
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
  const lines = [
    `report build (pure): 10,000 cases → ReportData in ${build.ms.toFixed(2)} ms (received ${build.value.applications.received?.total})`,
    `drill-down (pure): one cell over 10,000 cases in ${cell.ms.toFixed(2)} ms (${cell.value.length} cases)`,
    `roll-up (pure): 1,000 built reports summed cell by cell in ${roll.ms.toFixed(1)} ms`,
  ];
  const url = process.env['DATABASE_URL'];
  if (url === undefined || url === '') lines.push('roll-up (PostgreSQL): skipped — set DATABASE_URL to a PostgreSQL server');
  else lines.push(...(await pgRollUp(url, 1_000, 1_000_000)));
  return lines;
}

const KINDS_SQL = `(array['natural_person','commercial_enterprise','research_institution','social_welfare_org','legal_service_org','other_org'])`;
const OUTCOMES_SQL = `(array[${CASE_OUTCOMES.map((o) => `'${o}'`).join(',')}])`;

/** 1,000 agencies under one region, 1,000,000 cases spread over 2019–2021; the roll-up of 2020 timed. */
async function pgRollUp(baseUrl: string, agencyCount: number, caseCount: number): Promise<string[]> {
  const name = `gk_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: 2 });
  try {
    const { db } = database;
    const t0 = performance.now();
    await db.execute(sql`insert into agencies (id, agency_id, code, name, parent_id, path) values ('region', 'region', 'region', '基准地区', null, '/region/')`);
    await db.execute(sql.raw(`insert into agencies (id, agency_id, code, name, parent_id, path)
      select 'a' || i, 'a' || i, 'a' || i, '机关' || i, 'region', '/region/a' || i || '/' from generate_series(1, ${agencyCount}) i`));
    await db.execute(sql.raw(`insert into applications (id, agency_id, receipt_code, query_password_hash, channel, state, outcome, applicant_kind,
        applicant_masked, personal_data, description, form, delivery, submitted_at, received_on, closed_on)
      select 'c' || i, 'a' || (1 + i % ${agencyCount}), 'r' || i, 'x', 'online', 'delivered',
        case when h % 100 < 8 then null else ${OUTCOMES_SQL}[1 + (h / 7) % ${CASE_OUTCOMES.length}] end,
        ${KINDS_SQL}[1 + (h / 3) % 6], '*', 'x', 'x', 'paper', 'post', now(),
        to_char(date '2019-01-01' + (h % 1095), 'YYYY-MM-DD'),
        case when h % 100 < 8 then null else to_char(date '2019-01-01' + (h % 1095) + (h / 11) % 40, 'YYYY-MM-DD') end
      from (select i, abs(hashint4(i)) as h from generate_series(1, ${caseCount}) i) s`));
    await db.execute(sql`analyze`);
    const loadMs = performance.now() - t0;
    const start = performance.now();
    const report = await rollUpRegion(db, systemActor('bench'), 'region', 2020);
    const ms = performance.now() - start;
    return [
      `roll-up (PostgreSQL): ${agencyCount.toLocaleString('en')} agencies, ${caseCount.toLocaleString('en')} cases → region report for 2020 in ${ms.toFixed(0)} ms (received ${report.applications.received?.total}; data generated in ${(loadMs / 1000).toFixed(1)} s)`,
    ];
  } finally {
    await database.close();
    const drop = new pg.Client({ connectionString: baseUrl });
    await drop.connect();
    await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await drop.end();
  }
}
