/**
 * `gongkai register export` and the unconfirmed submissions of `gongkai report build` (decisions.md #15),
 * against a scratch database (PGlite in a temporary directory, or PostgreSQL when DATABASE_URL is set).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/db/open.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { submitApplication } from '../../src/requests/submitApplication.ts';
import { runCli } from '../support/cli.ts';
import { createScratchPgDatabase, testDatabaseUrl } from '../support/db.ts';
import { personInput } from '../support/fixtures.ts';
import { readFixtureJson, SEED_REGISTER } from '../support/reportFixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'gk-cli-export-'));
const KEY = Buffer.alloc(32, 9).toString('base64');
let env: NodeJS.ProcessEnv = { GONGKAI_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', GONGKAI_SECRET_KEY: KEY };
let copyEnv: NodeJS.ProcessEnv = { GONGKAI_DATA_DIR: join(dir, 'copy'), DATABASE_URL: '', GONGKAI_SECRET_KEY: KEY };
const drops: (() => Promise<void>)[] = [];
const seed = readFixtureJson('reports/seed-2020.expected.json') as { applications: unknown };

function ok(e: NodeJS.ProcessEnv, ...args: string[]) {
  const r = runCli(args, { env: e, cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  return r;
}

describe('gongkai register export', () => {
  before(async () => {
    const base = testDatabaseUrl();
    if (base !== undefined) {
      const [a, b] = [await createScratchPgDatabase(base), await createScratchPgDatabase(base)];
      env = { DATABASE_URL: a.url, GONGKAI_SECRET_KEY: KEY };
      copyEnv = { DATABASE_URL: b.url, GONGKAI_SECRET_KEY: KEY };
      drops.push(a.drop, b.drop);
    }
    for (const e of [env, copyEnv]) ok(e, 'agency', 'add', '--code', 'xfj', '--name', '国家信访局');
    ok(env, 'register', 'import', SEED_REGISTER, '--agency', 'xfj');
  });
  after(async () => {
    for (const drop of drops) await drop();
  });

  it('exports a year as CSV (stdout) and XLSX (-o) that re-import into an empty installation with the same table 3', () => {
    const csv = ok(env, 'register', 'export', '--agency', 'xfj', '--year', '2020');
    assert.ok(csv.stdout.startsWith('\uFEFF编号,收到日期,申请方式,申请人类型,申请人,申请内容,办理结果,办结日期,受理编号,具体理由'));
    const xlsx = join(dir, 'xfj-2020.xlsx');
    const written = ok(env, 'register', 'export', '--agency', 'xfj', '--year', '2020', '-o', xlsx);
    assert.match(written.stderr, /已导出国家信访局2020年度申请台账 136 件到 .*（申请人已遮蔽）/);
    assert.equal(readFileSync(xlsx).subarray(0, 2).toString('latin1'), 'PK');
    const imported = JSON.parse(ok(copyEnv, 'register', 'import', xlsx, '--agency', 'xfj', '--json').stdout) as { imported: number };
    assert.equal(imported.imported, 136);
    assert.deepEqual(JSON.parse(ok(copyEnv, 'report', 'build', '--agency', 'xfj', '--year', '2020', '--json').stdout).applications, seed.applications);
    const csvFile = join(dir, 'xfj-2020.csv');
    writeFileSync(csvFile, csv.stdout);
    assert.match(ok(env, 'register', 'check', csvFile).stdout, /台账有效，共 136 件申请/);
  });

  it('refuses bad options with the rule and exit 2, writing nothing', () => {
    for (const [args, message] of [
      [['--year', '20'], /--year 应为四位年份/],
      [['--year', '2018'], /year: 年度应为2019年至2100年之间的整数/],
      [['--year', '2020', '--format', 'pdf'], /--format 应为 csv 或 xlsx/],
      [['--year', '2020', '--format', 'xlsx'], /xlsx 须以 -o 指定输出文件/],
      [['--year', '2020', '--full-personal-data', ' '], /reason: 导出完整个人信息须说明理由/],
    ] as const) {
      const r = runCli(['register', 'export', '--agency', 'xfj', ...args], { env, cwd: dir });
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
    const full = ok(env, 'register', 'export', '--agency', 'xfj', '--year', '2020', '--full-personal-data', '移交档案室');
    assert.ok(full.stdout.split('\r\n').length > 100);
  });

  it('report build warns of online submissions never confirmed, and lists them under --json', async () => {
    const database = await openDatabase(env['DATABASE_URL'] ? { url: env['DATABASE_URL'] } : { dataDir: env['GONGKAI_DATA_DIR']! });
    let receiptCode: string;
    try {
      const created = await submitApplication({ db: database.db, key: SecretKey.fromBase64(KEY), today: '2020-12-30' }, { agencyCode: 'xfj', input: personInput() });
      receiptCode = created.receiptCode;
    } finally {
      await database.close();
    }
    const summary = ok(env, 'report', 'build', '--agency', 'xfj', '--year', '2020');
    assert.match(summary.stderr, new RegExp(`警告：1件网上提交的申请尚未确认收到，未计入表三：${receiptCode}（2020-12-30提交）`));
    const report = JSON.parse(ok(env, 'report', 'build', '--agency', 'xfj', '--year', '2020', '--json').stdout) as { applications: unknown; provenance: { unconfirmed: { receiptCode: string }[] } };
    assert.deepEqual(report.provenance.unconfirmed.map((u) => u.receiptCode), [receiptCode]);
    assert.deepEqual(report.applications, seed.applications, 'not counted in table 3');
  });
});
