/**
 * The portal's speed (issue 12):
 * (a) the agency home, a document page and the published report page, served by the app (page cache on)
 *     and by a bare node:http server sending the same bytes, in the same run: requests per second and
 *     p99 at 50 keep-alive connections (autocannon in this process; the servers run in a child process). Goal: app ≥ 0.5 × bare, p99 < 20 ms.
 * (b) search over BENCH_SEARCH_DOCS synthetic documents (default 20,000 to keep `npm run bench` short;
 *     the issue's figure: BENCH_SEARCH_DOCS=100000 npm run bench -- portal): p95 of two- and four-character
 *     queries through the real search (jieba lexemes, GIN index) against an ILIKE scan of the same rows,
 *     on PGlite and on PostgreSQL (DATABASE_URL, else 127.0.0.1:5432/test when reachable).
 * The server's CPU time per request (app vs bare) is quoted too: on a loaded machine the requests per second
 * mostly measure the load generator and the neighbours, the CPU per request much less so.
 * BENCH_PORTAL_SECONDS sets each load run's length (default 3), BENCH_PORTAL_ROUNDS the alternating rounds (3); BENCH_PORTAL_PAGES=0 skips (a), BENCH_SEARCH_DOCS=0 skips (b).
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { systemActor } from '../src/accounts/actor.ts';
import { addAgency } from '../src/agencies/agencies.ts';
import { catalogueDocuments } from '../src/catalogue/schema.ts';
import { searchDocuments } from '../src/catalogue/queries.ts';
import { indexTokens } from '../src/catalogue/tokens.ts';
import { openDatabase, type Database } from '../src/db/open.ts';
import { createScratchPgDatabase } from '../test/support/db.ts';
import { reachablePostgresUrl } from './postgres.ts';

const SECONDS = Number(process.env['BENCH_PORTAL_SECONDS'] ?? 3);
const CONNECTIONS = 50;
const ROUNDS = Number(process.env['BENCH_PORTAL_ROUNDS'] ?? 3);
const SEARCH_DOCS = Number(process.env['BENCH_SEARCH_DOCS'] ?? 20_000);
const PAGES = process.env['BENCH_PORTAL_PAGES'] !== '0';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type LoadResult = { rps: number; p50: number; p99: number; errors: number; cpuUsPerRequest: number };
/** The round with the median requests per second (its own latencies with it). */
function median(runs: LoadResult[]): LoadResult {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
}

/**
 * `connections` keep-alive connections by autocannon (the same generator for both servers, in this process
 * while the servers share one child process: on a 2-core machine each side has a core when nothing else runs).
 */
async function load(port: number, path: string, seconds: number, connections: number, cpuPort: number): Promise<LoadResult> {
  const cpu = async () => {
    const used = (await (await fetch(`http://127.0.0.1:${cpuPort}/__cpu`)).json()) as { user: number; system: number };
    return used.user + used.system;
  };
  const before = await cpu();
  const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration: seconds, pipelining: 1 });
  const spent = (await cpu()) - before;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx, cpuUsPerRequest: spent / Math.max(1, result.requests.total) };
}

async function pages(): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./portalServer.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const info = await new Promise<{ app: number; bare: number; urls: Record<string, string>; sizes: Record<string, number> }>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const nl = buf.indexOf('\n');
        if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)));
      });
      child.on('exit', (code) => reject(new Error(`portal server exited ${code}`)));
    });
    const lines = [`(a) pages at ${CONNECTIONS} keep-alive connections (autocannon), ${SECONDS} s each, app (page cache on) vs bare node:http with the same bytes; load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`];
    for (const [name, url] of Object.entries(info.urls)) {
      await load(info.app, url, 0.5, CONNECTIONS, info.bare); // warm: first render fills the cache
      // Alternating rounds, the median of each side: a burst from another process hits both alike.
      const bares: LoadResult[] = [];
      const apps: LoadResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        bares.push(await load(info.bare, url, SECONDS, CONNECTIONS, info.bare));
        apps.push(await load(info.app, url, SECONDS, CONNECTIONS, info.bare));
      }
      const bare = median(bares);
      const app = median(apps);
      const errors = [...bares, ...apps].reduce((n, r) => n + r.errors, 0);
      lines.push(
        `  ${name.padEnd(8)} ${String(info.sizes[url]).padStart(6)} B  app ${app.rps.toFixed(0).padStart(6)} req/s p50 ${app.p50.toFixed(1)} ms p99 ${app.p99.toFixed(1)} ms` +
          ` | bare ${bare.rps.toFixed(0).padStart(6)} req/s p99 ${bare.p99.toFixed(1)} ms | ratio ${(app.rps / bare.rps).toFixed(2)}` +
          ` | server CPU per request app ${app.cpuUsPerRequest.toFixed(0)} µs, bare ${bare.cpuUsPerRequest.toFixed(0)} µs${errors > 0 ? ` | errors ${errors}` : ''}`,
      );
    }
    lines.push(`  (median of ${ROUNDS} alternating rounds per side; load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    return lines;
  } finally {
    child.kill('SIGTERM');
  }
}

// ---- (b) search
const WORDS = ['信访', '工作', '规程', '办理', '事项', '通知', '意见', '办法', '财政', '预算', '决算', '采购', '公开', '政府', '信息', '应急', '预案', '统计', '规划', '教育', '医疗', '就业', '社会', '保障', '安全', '生产', '监督', '检查', '行政', '许可', '处罚', '收费', '标准', '项目', '建设', '实施', '情况', '年度', '报告', '制度', '管理', '服务', '群众', '来信', '来访', '网上', '复查', '复核', '环境', '保护'];
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function fill(database: Database, n: number): Promise<void> {
  const sys = systemActor('bench');
  await addAgency(database.db, sys, { code: 'bench-region', name: '基准测试地区' });
  const agency = await addAgency(database.db, sys, { code: 'bench', name: '基准测试机关', parentCode: 'bench-region' });
  // The GIN index is built once after the rows are in (as for any bulk load), then the table analysed.
  await database.db.execute(sql`drop index catalogue_documents_search_idx`);
  const rand = rng(42);
  // Text from ~2,500 common Han characters, with each vocabulary word planted in about 1 % of the
  // documents: a query word matches hundreds to a few thousand of 100,000, as on a real site.
  const chars = Array.from({ length: 2500 }, (_, k) => String.fromCodePoint(0x4e00 + ((k * 7919) % 20000)));
  const filler = (len: number) => Array.from({ length: len }, () => chars[Math.floor(rand() * chars.length)]).join('');
  const planted = () => (rand() < 0.5 ? WORDS[Math.floor(rand() * WORDS.length)]! + WORDS[Math.floor(rand() * WORDS.length)]! : '');
  const BATCH = 500;
  for (let i = 0; i < n; i += BATCH) {
    const rows = [];
    for (let j = i; j < Math.min(n, i + BATCH); j++) {
      const title = `关于${filler(4)}${rand() < 0.2 ? planted() : ''}的${['通知', '意见', '办法', '公告'][j % 4]}`;
      const body = `${filler(60)}${planted()}${filler(60)}。${filler(80)}。`;
      const year = 2015 + (j % 11);
      const writtenOn = `${year}-${String((j % 12) + 1).padStart(2, '0')}-${String((j % 27) + 1).padStart(2, '0')}`;
      const indexNumber = `bench/${year}-${String(j).padStart(6, '0')}`;
      rows.push({
        id: uuidv7(), agencyId: agency.id, indexNumber, title, publisher: '基准测试机关', docNumber: null, writtenOn, publishedOn: writtenOn, column: 'proactive', item: String((j % 15) + 1),
        topic: '综合政务', kind: 'other', summary: '', body, keywords: '', status: 'published',
        titleTsv: sql`to_tsvector('simple', ${indexTokens(title)})`, searchTsv: sql`to_tsvector('simple', ${indexTokens(`${title}\n${indexNumber}\n综合政务\n${body}`)})`,
      });
    }
    await database.db.insert(catalogueDocuments).values(rows);
  }
  await database.db.execute(sql`create index catalogue_documents_search_idx on catalogue_documents using gin (search_tsv)`);
  await database.db.execute(sql`analyze catalogue_documents`);
}

async function timeQueries(run: (q: string) => Promise<unknown>, queries: string[]): Promise<number> {
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await run(q);
    times.push(performance.now() - t);
  }
  return percentile(times.sort((a, b) => a - b), 95);
}

async function search(database: Database, label: string): Promise<string[]> {
  const t0 = performance.now();
  await fill(database, SEARCH_DOCS);
  const filled = (performance.now() - t0) / 1000;
  const two = ['信访', '财政', '预算', '应急', '统计', '教育', '医疗', '环境', '来信', '复核'];
  const four = ['信访工作', '财政预算', '应急预案', '安全生产', '社会保障', '行政许可', '监督检查', '网上信访', '年度报告', '环境保护'];
  const ilike = async (q: string) => {
    const pattern = `%${q}%`;
    await database.db.execute(sql`select id from catalogue_documents where status = 'published' and (title ilike ${pattern} or body ilike ${pattern}) order by published_on desc limit 20`);
    await database.db.execute(sql`select count(*) from catalogue_documents where status = 'published' and (title ilike ${pattern} or body ilike ${pattern})`);
  };
  const fts = (q: string) => searchDocuments(database.db, q, { pageSize: 20 });
  await fts('信访');
  await ilike('信访');
  const hits = (await fts('信访')).total;
  const lines = [`(b) search on ${label}: ${SEARCH_DOCS} documents (filled in ${filled.toFixed(0)} s); “信访” matches ${hits}`];
  for (const [name, qs] of [['2 characters', two], ['4 characters', four]] as const) {
    const p95 = await timeQueries(fts, [...qs, ...qs]);
    const p95i = await timeQueries(ilike, [...qs, ...qs]);
    lines.push(`  ${name}: tsvector+GIN p95 ${p95.toFixed(1)} ms | ILIKE scan p95 ${p95i.toFixed(1)} ms (page of 20 + total count each)`);
  }
  return lines;
}

export async function run(): Promise<string[]> {
  const lines = PAGES ? await pages() : [];
  if (SEARCH_DOCS === 0) return lines;
  const lite = await openDatabase({ dataDir: 'memory' });
  try {
    lines.push(...(await search(lite, 'PGlite')));
  } finally {
    await lite.close();
  }
  const url = await reachablePostgresUrl();
  if (url === undefined) lines.push('(b) PostgreSQL: not reachable, not measured');
  else {
    const scratch = await createScratchPgDatabase(url);
    const database = await openDatabase({ url: scratch.url, poolSize: 4 });
    try {
      lines.push(...(await search(database, 'PostgreSQL')));
    } finally {
      await database.close();
      await scratch.drop();
    }
  }
  return lines;
}
