import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as runCliIn } from '../support/cli.ts';

// No installation database here (package data only), and a fixed "today" before the October warning.
const isolated = mkdtempSync(join(tmpdir(), 'gk-cal-none-'));
const runCli = (args: string[]) => runCliIn(args, { env: { DATABASE_URL: '', GONGKAI_DATA_DIR: join(isolated, 'data'), GONGKAI_TODAY: '2026-06-01' } });

// Expected dates worked out by hand from 国办发明电〔2019〕16号 (2020: 国庆节、中秋节 10月1日至8日放假,
// 9月27日（星期日）、10月10日（星期六）上班) and 国办发明电〔2020〕1号 (春节假期延长至2月2日).
test('calendar is-workday and add-workdays print plain answers', () => {
  const cases: [string[], string][] = [
    [['calendar', 'is-workday', '2020-02-01'], 'false'],
    [['calendar', 'is-workday', '2020-10-10'], 'true'],
    [['calendar', 'is-workday', '2020-10-08'], 'false'],
    [['calendar', 'add-workdays', '2020-09-28', '20'], '2020-11-02'],
    [['calendar', 'add-workdays', '2020-09-30', '1'], '2020-10-09'],
  ];
  for (const [args, expected] of cases) {
    const r = runCli(args);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), expected, args.join(' '));
  }
});

test('deadline: a case received by post on 2020-09-28 is due on 2020-11-02, with a reasoning a clerk can check', () => {
  const r = runCli(['deadline', '--received', '2020-09-28', '--channel', '邮寄']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /答复期限届满日：2020年11月2日（星期一）/);
  assert.match(r.stdout, /补正通知最迟：2020年10月14日（星期三）/);
  assert.match(r.stdout, /第三十一条第（二）项/);
  assert.match(r.stdout, /10月10日（星期六）国庆节调休上班计入/);
  const json = JSON.parse(runCli(['deadline', '--received', '2020-09-28', '--channel', '邮寄', '--json']).stdout);
  assert.equal(json.due, '2020-11-02');
  assert.equal(json.state, 'running');
  assert.ok(Array.isArray(json.steps) && json.steps.length >= 3);
});

test('deadline: a third-party consultation stops the clock (3 days used, resumes after the reply)', () => {
  const r = runCli(['deadline', '--received', '2020-09-28', '--event', 'third-party-sent@2020-10-09', '--event', 'third-party-replied@2020-10-20', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.due, '2020-11-12');
  assert.deepEqual(json.segments.map((s: { days: number }) => s.days), [3, 17]);
});

const dir = mkdtempSync(join(tmpdir(), 'gk-cal-'));
const overrides = join(dir, '2027.json');
writeFileSync(overrides, JSON.stringify({ years: { '2027': { source: 'test', holidays: { 元旦: ['2027-01-01'] }, workdays: {} } } }));

const refused: [string, string[], RegExp][] = [
  ['an impossible date', ['deadline', '--received', '2020-02-30'], /2020-02-30/],
  ['an unknown event kind', ['deadline', '--received', '2020-09-28', '--event', 'bogus@2020-10-01'], /bogus/],
  ['events out of order', ['deadline', '--received', '2020-09-28', '--event', 'third-party-sent@2020-10-20', '--event', 'third-party-replied@2020-10-09'], /2020-10-09/],
  ['an extension after the due date', ['deadline', '--received', '2020-09-28', '--event', 'extended@2020-11-05'], /第三十三条/],
  ['a second extension', ['deadline', '--received', '2020-09-28', '--event', 'extended@2020-10-20', '--event', 'extended@2020-10-21'], /只能延长一次/],
  ['a date before the 2019 条例', ['calendar', 'is-workday', '2018-12-31'], /2018/],
  ['a malformed date', ['calendar', 'add-workdays', '2020-9-28', '3'], /2020-9-28/],
];
for (const [name, args, message] of refused) {
  test(`deadline/calendar refuse ${name} with exit 2`, () => {
    const r = runCli(args);
    assert.equal(r.status, 2, r.stdout);
    assert.match(r.stderr, message);
  });
}

test('calendar overrides loaded from JSON extend the horizon', () => {
  const r = runCli(['calendar', 'is-workday', '2027-01-04', '--calendar', overrides]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'true');
  const holiday = runCli(['calendar', 'is-workday', '2027-01-01', '--calendar', overrides]);
  assert.equal(holiday.stdout.trim(), 'false');
});

test('a period into a year not loaded is counted Monday to Friday and marked 暂定, not refused', () => {
  const r = runCli(['deadline', '--received', '2026-12-20', '--channel', '邮寄']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /答复期限届满日：2027年1月15日（星期五）（暂定）/);
  assert.match(r.stdout, /暂定：2027年的节假日安排尚未载入/);
  const json = JSON.parse(runCli(['deadline', '--received', '2026-12-20', '--channel', '邮寄', '--json']).stdout);
  assert.deepEqual([json.due, json.provisional, json.provisionalYears], ['2027-01-15', true, [2027]]);
  const day = runCli(['calendar', 'is-workday', '2027-01-01']);
  assert.equal(day.stdout, 'true\n');
  assert.match(day.stderr, /暂定：2027年/);
});

test('from 1 October the calendar commands warn while next year is missing, naming the command that fixes it', () => {
  const env = { DATABASE_URL: '', GONGKAI_DATA_DIR: join(isolated, 'data') };
  const september = runCliIn(['calendar', 'is-workday', '2026-09-30'], { env: { ...env, GONGKAI_TODAY: '2026-09-30' } });
  assert.equal(september.stderr, '');
  const october = runCliIn(['calendar', 'is-workday', '2026-10-09'], { env: { ...env, GONGKAI_TODAY: '2026-10-01' } });
  assert.equal(october.status, 0);
  assert.match(october.stderr, /2027年节假日安排尚未载入.*gongkai calendar load-notice/);
});

test('deadline: a step the law does not allow is refused with the rule and the article, exit 2, nothing printed on stdout', () => {
  const cases: [string[], RegExp][] = [
    [['--event', 'supplement-requested@2020-09-02', '--event', 'supplement-lapsed@2020-09-04'], /补正期限至2020年9月23日（星期三），尚未届满；通知未写明期限的，按15个工作日计算（《条例》第三十条）/],
    [['--event', 'supplement-requested:2020-09-03@2020-09-02'], /补正期限应为合理期限，自通知次日起不少于5个工作日，即不早于2020年9月9日（星期三）（《条例》第三十条）/],
    [['--event', 'extended:30@2020-09-20'], /延长的期限应为1至20个工作日（《条例》第三十三条第二款）/],
    [['--event', 'fee-lapsed@2020-09-04'], /没有尚未结束的收费通知（《条例》第四十二条、国办函〔2020〕109号）/],
    [['--event', 'answered@2020-08-30'], /事件顺序错误[\s\S]*2020-08-30早于前一个事件的日期2020-09-01/],
  ];
  for (const [events, message] of cases) {
    const r = runCli(['deadline', '--received', '2020-09-01', ...events]);
    assert.equal(r.status, 2, `${events.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
  const ok = runCli(['deadline', '--received', '2020-09-01', '--event', 'supplement-requested@2020-09-02', '--event', 'supplement-lapsed@2020-09-23']);
  assert.equal(ok.status, 0, ok.stderr);
});
