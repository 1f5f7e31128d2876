/**
 * Lean paths (issue 14): online intake over HTTP against pgbench doing the equivalent writes (one
 * application row and one event row per transaction) on the same PostgreSQL in the same run; `npm start`
 * on a fresh data directory and on restart (until it serves); the idle server's memory (RSS).
 */
import { spawn } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { systemActor } from '../src/accounts/actor.ts';
import { addAgency } from '../src/agencies/agencies.ts';
import { openDatabase } from '../src/db/open.ts';
import type { Db } from '../src/db/open.ts';
import { backupInstallation } from '../src/backup/backup.ts';
import { SecretKey } from '../src/db/secretKey.ts';
import { buildApp } from '../src/http/app.ts';
import { DiskFileStore } from '../src/requests/fileStore.ts';
import { importRegister } from '../src/register/importRegister.ts';
import { exportRegister } from '../src/register/exportRegister.ts';
import { residentIdCheckChar } from '../src/requests/identity.ts';
import { hashQueryPassword } from '../src/requests/queryPassword.ts';
import { randomBytes, scryptSync } from 'node:crypto';
import { createScratchPgDatabase } from '../test/support/db.ts';
import { reachablePostgresUrl } from './postgres.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env['LEAN_SECONDS'] ?? 10);
/** Intake and pgbench take turns this many times; the median ratio is the figure (a 2-core machine varies). */
const ROUNDS = Number(process.env['LEAN_ROUNDS'] ?? 3);
const CLIENTS = Number(process.env['LEAN_CLIENTS'] ?? 8);
const IMPORT_ROWS = 10_000;
/** LEAN_ONLY=start, import or intake runs one part (profiling). */
const ONLY = process.env['LEAN_ONLY'];

const idNumber = `11010519491231002${residentIdCheckChar('11010519491231002')}`;
const body = JSON.stringify({
  applicant: { kind: 'natural_person', name: '张三丰', idType: 'resident_id', idNumber, phone: '13812345678', email: 'zhang@example.cn', address: '北京市西城区某某街1号' },
  description: '2020年度信访工作统计数据及相关文件',
  form: 'electronic',
  delivery: 'email',
});

/**
 * `clients` concurrent keep-alive HTTP clients POSTing for `seconds` from their own process (node:http, far
 * lighter than fetch), as pgbench runs as its own process; resolves to the count of 201s.
 */
function loadFromProcess(url: string, payload: string, clients: number, seconds: number): Promise<number> {
  const code = `
    const http = require('node:http');
    const w = JSON.parse(process.argv[1]);
    const agent = new http.Agent({ keepAlive: true, maxSockets: w.clients });
    const body = Buffer.from(w.payload);
    const post = () => new Promise((resolve, reject) => {
      const req = http.request(w.url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error('intake ' + res.statusCode + ' ' + Buffer.concat(chunks)))));
      });
      req.on('error', reject);
      req.end(body);
    });
    (async () => {
      let done = 0;
      const end = performance.now() + w.seconds * 1000;
      await Promise.all(Array.from({ length: w.clients }, async () => {
        while (performance.now() < end) { await post(); done += 1; }
      }));
      process.stdout.write(String(done));
      agent.destroy();
    })().catch((err) => { process.stderr.write(String(err)); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code, JSON.stringify({ url, payload, clients, seconds })], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`load generator: ${err}`))));
  });
}

async function intakePerSecond(base: string): Promise<{ perSecond: number; busy: number }> {
  const scratch = await createScratchPgDatabase(base);
  const database = await openDatabase({ url: scratch.url, poolSize: 10 });
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-bench-'));
  try {
    const sys = systemActor('bench');
    await addAgency(database.db, sys, { code: 'bench-region', name: '基准测试地区' });
    await addAgency(database.db, sys, { code: 'bench', name: '基准测试机关', parentCode: 'bench-region' });
    const key = SecretKey.random();
    const app = await buildApp({ db: database.db, key, files: new DiskFileStore(dir, key), publicLimitPerMinute: 1_000_000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/api/v1/public/agencies/bench/applications`;
    // Warm up (JIT, the route's compiled schemas, the pool's connections); pgbench needs none.
    await loadFromProcess(url, body, CLIENTS, 2);
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const done = await loadFromProcess(url, body, CLIENTS, SECONDS);
    const cpu = process.cpuUsage(cpu0);
    const busy = (cpu.user + cpu.system) / 1000 / (performance.now() - started);
    await app.close();
    return { perSecond: done / SECONDS, busy };
  } finally {
    await database.close();
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function pgbenchPerSecond(base: string, dir: string): Promise<number> {
  return (async () => {
    const scratch = await createScratchPgDatabase(base);
    try {
      const c = new pg.Client({ connectionString: scratch.url });
      await c.connect();
      await c.query(`create table a (id text primary key, agency_id text not null, receipt_code text unique not null, personal_data text not null, description text not null, state text not null, submitted_at timestamptz not null default now(), clock jsonb);
        create index on a (agency_id, state);
        create table e (id text primary key, agency_id text not null, application_id text references a(id), kind text not null, payload jsonb not null, created_at timestamptz not null default now());
        create index on e (application_id, id)`);
      await c.end();
      const script = path.join(dir, 'intake.sql');
      writeFileSync(
        script,
        `\\set n random(1, 1000000000)
BEGIN;
INSERT INTO a (id, agency_id, receipt_code, personal_data, description, state, clock) VALUES (gen_random_uuid()::text, 'bench', 'R' || :n || '-' || :client_id || '-' || txid_current(), repeat('x', 400), '2020年度信访工作统计数据及相关文件', 'submitted', '{"dueOn":"2021-03-29"}') RETURNING id \\gset
INSERT INTO e (id, agency_id, application_id, kind, payload) VALUES (gen_random_uuid()::text, 'bench', ':id', 'submitted', '{"date":"2021-03-01","channel":"online"}');
END;
`,
      );
      const u = new URL(scratch.url);
      const r = spawnSync('pgbench', ['-n', '-c', String(CLIENTS), '-j', '2', '-T', String(SECONDS), '-f', script, '-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres', u.pathname.slice(1)], { encoding: 'utf8' });
      const m = /tps = ([\d.]+)/.exec(r.stdout);
      if (m === null) throw new Error(`pgbench: ${r.stdout} ${r.stderr}`);
      return Number(m[1]);
    } finally {
      await scratch.drop();
    }
  })();
}

/**
 * CPU per query-password hash: a submission's whole hash as hashQueryPassword does it (HMAC, scrypt on the
 * thread pool), and scrypt alone at the work factor now and the earlier one — what a searcher pays per guess.
 */
async function queryPasswordCpu(n = 500): Promise<{ submission: number; n32: number; n256: number }> {
  const key = SecretKey.random();
  const cpuMs = async (f: () => unknown) => {
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) await f();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000 / n;
  };
  const salt = randomBytes(12);
  const scrypt = (n: number) => () => scryptSync(key.keyedHash('query-password', 'ABCDEFGH23'), salt, 24, { N: n, r: 8, p: 1 });
  return { submission: await cpuMs(() => hashQueryPassword(key, 'ABCDEFGH23')), n32: await cpuMs(scrypt(32)), n256: await cpuMs(scrypt(256)) };
}

function startOnce(env: NodeJS.ProcessEnv): Promise<{ ms: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // What `npm start` runs: the two build checks, then the bundled server (scripts/build-server.js).
    for (const script of ['scripts/build-console.js', 'scripts/build-server.js']) {
      const r = spawnSync(process.execPath, [script], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`${script} failed`);
    }
    const child = spawn(process.execPath, ['dist/server/main.js'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /门户:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m === null) return;
      child.stdout.removeAllListeners('data');
      void (async () => {
        const res = await fetch(`${m[1]}/`);
        const ms = performance.now() - started;
        if (res.status !== 200) reject(new Error(`portal ${res.status}`));
        await new Promise((r) => setTimeout(r, 3000));
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
        child.kill('SIGTERM');
        child.on('exit', () => resolve({ ms, rssMb: rss }));
      })();
    });
    child.on('error', reject);
  });
}

/**
 * The longest another request waited while `job` ran on the embedded database: a `select 1` due every
 * 5 ms, timed from when it was due to its answer — so a busy event loop counts as well as a held database.
 */
async function longestWait(db: Db, job: () => Promise<unknown>): Promise<{ seconds: number; longestMs: number; probes: number }> {
  let done = false;
  let longest = 0;
  let probes = 0;
  const started = performance.now();
  const running = job().finally(() => (done = true));
  while (!done) {
    const due = performance.now() + 5;
    await new Promise((r) => setTimeout(r, 5));
    await db.execute(sql`select 1`);
    longest = Math.max(longest, performance.now() - due);
    probes += 1;
  }
  await running;
  return { seconds: (performance.now() - started) / 1000, longestMs: longest, probes };
}

/** A register import on PGlite, then the register export and a backup of what it wrote, each while another request waits (longestWait). */
async function embeddedLongJobs(rows: number): Promise<{ importing: Awaited<ReturnType<typeof longestWait>>; exporting: Awaited<ReturnType<typeof longestWait>>; backup: Awaited<ReturnType<typeof longestWait>> }> {
  const database = await openDatabase({ dataDir: 'memory' });
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-bench-backup-'));
  try {
    const sys = systemActor('bench');
    await addAgency(database.db, sys, { code: 'bench-region', name: '基准测试地区' });
    await addAgency(database.db, sys, { code: 'bench', name: '基准测试机关', parentCode: 'bench-region' });
    const register = Array.from({ length: rows }, (_, i) => ({ row: i + 2, ref: `B-${i}`, receivedOn: '2021-05-06', channel: null, applicantType: 'natural_person' as const, applicantName: '赵六', subject: null, outcome: null, answers: [], concludedOn: null, notes: {} }));
    const importing = await longestWait(database.db, () => importRegister(database.db, sys, SecretKey.random(), { agencyCode: 'bench', fileName: 'bench.csv', rows: register }));
    const key = SecretKey.random();
    const exporting = await longestWait(database.db, () => exportRegister(database.db, sys, key, { agencyCode: 'bench', year: 2021 }));
    const backup = await longestWait(database.db, () => backupInstallation(database.db, { raw: () => Promise.resolve(Buffer.alloc(0)) }, path.join(dir, 'bench.gkbackup')));
    return { importing, exporting, backup };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-lean-'));
  try {
    const data = path.join(dir, 'data');
    if (ONLY === undefined || ONLY === 'start') {
      const fresh = await startOnce({ GONGKAI_DATA_DIR: data });
      const restart = await startOnce({ GONGKAI_DATA_DIR: data });
      lines.push(`npm start (PGlite, until the portal answers): fresh data directory ${(fresh.ms / 1000).toFixed(1)} s (target < 8 s), restart ${(restart.ms / 1000).toFixed(1)} s (target < 3 s)`);
      lines.push(`idle memory 3 s after start (RSS): ${fresh.rssMb.toFixed(0)} MB after the fresh start, ${restart.rssMb.toFixed(0)} MB after the restart`);
      const pgBase = await reachablePostgresUrl();
      if (pgBase !== undefined) {
        const scratch = await createScratchPgDatabase(pgBase);
        try {
          const env = { DATABASE_URL: scratch.url, GONGKAI_DATA_DIR: path.join(dir, 'pg-data'), GONGKAI_REMINDERS: 'off' };
          const pgFresh = await startOnce(env);
          const pgRestart = await startOnce(env);
          lines.push(`npm start on PostgreSQL: new database ${(pgFresh.ms / 1000).toFixed(1)} s, restart ${(pgRestart.ms / 1000).toFixed(1)} s; idle memory ${pgFresh.rssMb.toFixed(0)} MB after the first start (it seeds the demo itself), ${pgRestart.rssMb.toFixed(0)} MB after the restart`);
        } finally {
          await scratch.drop();
        }
      }
    }
    if (ONLY === undefined || ONLY === 'import') {
      const { importing, exporting, backup } = await embeddedLongJobs(IMPORT_ROWS);
      lines.push(`PGlite: a ${IMPORT_ROWS.toLocaleString('en')}-row register import took ${importing.seconds.toFixed(1)} s; another request waited at most ${importing.longestMs.toFixed(0)} ms (${importing.probes} probes; target ≈ 200 ms)`);
      lines.push(`PGlite: the register export (台账) of those ${IMPORT_ROWS.toLocaleString('en')} cases took ${exporting.seconds.toFixed(1)} s; another request waited at most ${exporting.longestMs.toFixed(0)} ms (${exporting.probes} probes)`);
      lines.push(`PGlite: a backup of those ${IMPORT_ROWS.toLocaleString('en')} cases took ${backup.seconds.toFixed(1)} s; another request waited at most ${backup.longestMs.toFixed(0)} ms (${backup.probes} probes; its snapshot is one transaction)`);
    }
    if (ONLY === 'import') return lines;
    const base = ONLY === 'start' ? undefined : await reachablePostgresUrl();
    if (ONLY === 'start') {
      // start and memory only
    } else if (base === undefined) {
      lines.push('intake vs pgbench: no PostgreSQL at DATABASE_URL or 127.0.0.1:5432 — not measured');
    } else {
      const rounds: { intake: number; busy: number; pgbench: number }[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const intake = await intakePerSecond(base);
        rounds.push({ intake: intake.perSecond, busy: intake.busy, pgbench: await pgbenchPerSecond(base, dir) });
      }
      const ratios = rounds.map((r) => r.intake / r.pgbench).sort((x, y) => x - y);
      const median = ratios[Math.floor(ratios.length / 2)]!;
      lines.push(`intake over HTTP (POST /api/v1/public/…/applications, ${CLIENTS} clients, ${SECONDS} s) against pgbench doing the equivalent two-insert transaction (${CLIENTS} clients, same PostgreSQL), taking turns:`);
      for (const [i, r] of rounds.entries()) {
        lines.push(`  round ${i + 1}: intake ${r.intake.toFixed(0)} applications/s (server process busy ${(r.busy * 100).toFixed(0)} % of one core), pgbench ${r.pgbench.toFixed(0)} tps → ${((r.intake / r.pgbench) * 100).toFixed(1)} %`);
      }
      lines.push(`  median: intake is ${(median * 100).toFixed(1)} % of pgbench (target ≥ 25 %)`);
      const hash = await queryPasswordCpu();
      lines.push(`query password (requests/queryPassword.ts): a submission's hash ${hash.submission.toFixed(3)} ms of CPU; scrypt alone, a searcher's cost per guess: N = 32 ${hash.n32.toFixed(3)} ms, the earlier N = 256 ${hash.n256.toFixed(3)} ms → 10 characters under N = 32 cost a search ${((1024 * hash.n32) / hash.n256).toFixed(0)} times what 8 under N = 256 did`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
