/**
 * `gongkai calendar load-notice` as an administrator uses it each autumn, against a scratch installation
 * (PGlite in a temporary directory, or a scratch PostgreSQL database when DATABASE_URL is set): preview,
 * refusal without confirmation, the load, and the CLI's own commands then counting with the loaded year.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.ts';
import { createScratchPgDatabase, testDatabaseUrl } from '../support/db.ts';

const NOTICE = new URL('../fixtures/holiday-notices/2027-constructed.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gk-cli-cal-'));
let env: NodeJS.ProcessEnv = { GONGKAI_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', GONGKAI_TODAY: '2026-12-03' };
let drop = async () => {};
const cli = (args: string[], input?: string) => runCli(args, { env, cwd: dir, ...(input === undefined ? {} : { input }) });

describe('gongkai calendar load-notice', () => {
  before(async () => {
    const base = testDatabaseUrl();
    if (base !== undefined) {
      const scratch = await createScratchPgDatabase(base);
      env = { DATABASE_URL: scratch.url, GONGKAI_TODAY: '2026-12-03' };
      drop = scratch.drop;
    }
    assert.equal(cli(['db', 'migrate']).status, 0);
  });
  after(async () => drop());

  it('refuses a malformed notice with the line and the reason, exit 2, nothing stored', () => {
    const text = readFileSync(NOTICE, 'utf8').replace('至5日（周三）放假调休，共5天', '至5日（周三）放假调休，共4天');
    const r = cli(['calendar', 'load-notice', '-', '--yes'], text);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /第9行: 写明「共4天」，但所列日期共5天/);
    assert.match(cli(['calendar', 'years']).stdout, /2026\n$/);
  });

  it('shows the year for confirmation and stores nothing without --yes when not at a terminal', () => {
    const r = cli(['calendar', 'load-notice', NOTICE]);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /2027年（休 = 放假，班 = 调休上班，· = 周末）/);
    assert.match(r.stdout, /春节：放假8天；调休上班 2027-02-20/);
    assert.match(r.stderr, /--yes/);
    const dry = cli(['calendar', 'load-notice', NOTICE, '--dry-run']);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /（预览，未保存）/);
    assert.match(cli(['deadline', '--received', '2026-12-20']).stdout, /2027年1月15日（星期五）（暂定）/);
  });

  it('loads it with --yes; calendar and deadline then count with it, and the warning is gone', () => {
    const r = cli(['calendar', 'load-notice', NOTICE, '--yes']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /已载入2027年工作日历/);
    assert.match(r.stdout, /来源：国办发明电〔2026〕99号/);
    assert.equal(cli(['calendar', 'is-workday', '2027-01-01']).stdout, 'false\n');
    const d = cli(['deadline', '--received', '2026-12-20', '--json']);
    assert.equal(d.stderr, '');
    const json = JSON.parse(d.stdout);
    assert.deepEqual([json.due, json.provisional], ['2027-01-18', false]);
    assert.match(cli(['calendar', 'years']).stdout, /2027（已载入）\n$/);
  });

  it('loads a year as JSON, replacing the earlier load', () => {
    const file = join(dir, '2027.json');
    const body = { years: { '2027': { source: '国办发明电〔2026〕100号（测试）', holidays: { 元旦: ['2027-01-01'] }, workdays: {} } } };
    writeFileSync(file, JSON.stringify(body));
    const r = cli(['calendar', 'load', file, '--yes', '--json']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).replaces, 'installation');
    assert.equal(cli(['calendar', 'is-workday', '2027-01-04']).stdout, 'true\n');
    assert.equal(cli(['calendar', 'is-workday', '2027-02-08']).stdout, 'true\n');
  });
});
