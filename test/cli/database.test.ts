/**
 * The database-backed commands as an administrator uses them, against a scratch database: PGlite in a
 * temporary directory, or a scratch PostgreSQL database when DATABASE_URL is set.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.ts';
import { createScratchPgDatabase, testDatabaseUrl } from '../support/db.ts';
import { fixturePath, readFixtureJson, SEED_REGISTER } from '../support/reportFixtures.ts';
import { openDatabase, type Database } from '../../src/db/open.ts';

const dir = mkdtempSync(join(tmpdir(), 'gk-cli-db-'));
let env: NodeJS.ProcessEnv = { GONGKAI_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
let drop = async () => {};
const cli = (...args: string[]) => runCli(args, { env, cwd: dir });
const json = (...args: string[]) => {
  const r = cli(...args, '--json');
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
};
const seed = readFixtureJson('reports/seed-2020.expected.json') as { applications: unknown; proactive: unknown };

describe('gongkai with a database', () => {
  before(async () => {
    const base = testDatabaseUrl();
    if (base !== undefined) {
      const scratch = await createScratchPgDatabase(base);
      env = { DATABASE_URL: scratch.url, GONGKAI_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') };
      drop = scratch.drop;
    }
  });
  after(async () => drop());

  it('migrates, adds a region with an agency below it, and refuses a bad agency code naming the field', () => {
    assert.equal(cli('db', 'migrate').status, 0);
    assert.equal(cli('agency', 'add', '--code', 'region1', '--name', '某省政务公开办').status, 0);
    assert.equal(cli('agency', 'add', '--code', 'xfj', '--name', '国家信访局', '--parent', 'region1').status, 0);
    const bad = cli('agency', 'add', '--code', 'Bad Code', '--name', '某局');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /code: 机关代码应为/);
    const user = cli('user', 'add', '--username', 'li', '--agency', 'xfj', '--roles', 'clerk', '--password', 'a-long-password-1');
    assert.equal(user.status, 0, user.stderr);
  });

  it('imports the seed register and builds the 2020 report: table 3 equals the seed cell for cell', () => {
    const imported = json('register', 'import', SEED_REGISTER, '--agency', 'xfj');
    assert.equal(imported.imported, 136);
    const report = json('report', 'build', '--agency', 'xfj', '--year', '2020');
    assert.deepEqual(report.applications, seed.applications);
    const cell = json('report', 'build', '--agency', 'xfj', '--year', '2020', '--cell', 'applications.granted.total');
    assert.equal(cell.ids.length, 8);
  });

  it('a bad register is rejected whole with row and column, and nothing is written', () => {
    const r = cli('register', 'import', fixturePath('register/bad-rows.csv'), '--agency', 'xfj');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /第3行 收到日期: 2020-02-30 这一天不存在/);
    assert.match(r.stderr, /第8行 编号/);
    assert.equal(json('report', 'build', '--agency', 'xfj', '--year', '2020').applications.received.total, 136);
  });

  it('enters table 2, locks the year, refuses a change to it, and reopens it', () => {
    const proactive = join(dir, 'proactive.json');
    writeFileSync(proactive, JSON.stringify(seed.proactive));
    assert.equal(cli('report', 'proactive', proactive, '--agency', 'xfj', '--year', '2020').status, 0);
    assert.deepEqual(json('report', 'build', '--agency', 'xfj', '--year', '2020').proactive, seed.proactive);
    assert.equal(cli('report', 'lock', '--agency', 'xfj', '--year', '2020').status, 0);
    const late = join(dir, 'late.csv');
    writeFileSync(late, '编号,收到日期,申请人类型,办理结果,办结日期\nLATE-1,2020-06-01,自然人,予以公开,2020-06-10\n');
    // a register row that would change a locked year is a cell error, listed like the others
    const refused = cli('register', 'import', late, '--agency', 'xfj');
    assert.equal(refused.status, 2, refused.stderr);
    assert.match(refused.stderr, /第2行 收到日期: 2020年的年度报告已发布锁定/);
    assert.equal(json('report', 'build', '--agency', 'xfj', '--year', '2020').applications.received.total, 136);
    assert.equal(cli('report', 'reopen', '--agency', 'xfj', '--year', '2020', '--reason', '补录一件漏登的申请').status, 0);
    assert.equal(json('register', 'import', late, '--agency', 'xfj').imported, 1);
    assert.equal(json('report', 'build', '--agency', 'xfj', '--year', '2020').applications.received.total, 137);
  });

  it('records an appeal into table 4 and rolls the region up', () => {
    const r = cli('appeal', 'add', '--agency', 'xfj', '--body', '国务院', '--case-number', '国复〔2020〕1号', '--path', '行政复议', '--filed-on', '2020-03-01', '--result', '维持', '--decided-on', '2020-05-01', '--application', 'LATE-1');
    assert.equal(r.status, 0, r.stderr);
    const rollup = json('report', 'rollup', '--region', 'region1', '--year', '2020');
    assert.equal(rollup.applications.received.total, 137);
    assert.equal(rollup.appeals.reconsideration.upheld, 1);
  });
});

describe('a PGlite data directory in use', () => {
  let held: Database;
  const dataDir = join(mkdtempSync(join(tmpdir(), 'gk-cli-lock-')), 'data');
  before(async () => {
    held = await openDatabase({ dataDir });
  });
  after(async () => held.close());

  it('is refused by a second process with a clear message (exit 3), never opened twice', () => {
    const r = runCli(['agency', 'list'], { env: { GONGKAI_DATA_DIR: dataDir, DATABASE_URL: '' } });
    assert.equal(r.status, 3);
    assert.match(r.stderr, /正由进程 \d+ 使用/);
  });
});
