/** `gongkai agency set|settings`: the per-agency settings letters need, with the bad inputs refused (exit 2, nothing written). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'gk-settings-'));
const env: NodeJS.ProcessEnv = { GONGKAI_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
const cli = (...args: string[]) => runCli(args, { env, cwd: dir });
after(() => rmSync(dir, { recursive: true, force: true }));

test('sets the 复议机关, court and 文号 pattern; refuses a 政务公开办 and a 补正 period under 5 working days', () => {
  assert.equal(cli('agency', 'add', '--code', 'sfj', '--name', '示范区司法局').status, 0);
  const bad = cli('agency', 'set', '--agency', 'sfj', '--review-body', '示范区政务公开办', '--supplement-days', '3');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /reviewBody: 政务公开办是《条例》第五十一条的投诉举报渠道/);
  assert.match(bad.stderr, /supplementPeriodDays: 补正期限应为5–60个工作日/);
  assert.match(cli('agency', 'settings', '--agency', 'sfj').stdout, /第0版[\s\S]*尚缺（不能发出告知书）：行政复议机关、人民法院、文号格式/, 'nothing written');
  const ok = cli('agency', 'set', '--agency', 'sfj', '--organ-kind', 'department', '--review-body', '示范区人民政府', '--court', '示范区人民法院', '--number-pattern', '示司公〔{YYYY}〕{N}号');
  assert.equal(ok.status, 0, ok.stderr);
  const shown = JSON.parse(cli('agency', 'settings', '--agency', 'sfj', '--json').stdout) as { reviewBody: string; missing: string[]; suggestion: { article: string } };
  assert.equal(shown.reviewBody, '示范区人民政府');
  assert.deepEqual(shown.missing, []);
  assert.equal(shown.suggestion.article, '《行政复议法》第二十四条第一款第（一）项');
});

test('sets the 复议机关’s online filing channel (《行政复议法》第二十二条第二款); a control character or too long refused naming the option, nothing written; a warning while not set', () => {
  assert.equal(cli('agency', 'add', '--code', 'sfz', '--name', '示范区人民政府办公室').status, 0);
  const base = ['agency', 'set', '--agency', 'sfz', '--review-body', '示范区人民政府', '--court', '示范区人民法院', '--number-pattern', '示办公〔{YYYY}〕{N}号'];
  const unset = cli(...base);
  assert.equal(unset.status, 0, unset.stderr);
  assert.match(unset.stdout, /提示：以电子方式送达的告知书应载明行政复议网上申请渠道（《行政复议法》第二十二条第二款）/);
  const BAD: [string, string, RegExp][] = [
    ['a control character', '示范省行政复议\u0007网上申请平台', /--reviewOnlineChannel: 不能包含控制字符/],
    ['too long', `平台${'a'.repeat(299)}`, /reviewOnlineChannel: 应为4–300个字符/],
    ['more than one line', '示范省行政复议网上申请平台\nhttps://fy.example.gov.cn', /reviewOnlineChannel: 应为一行/],
  ];
  for (const [name, value, message] of BAD) {
    const bad = cli('agency', 'set', '--agency', 'sfz', '--review-online-channel', value);
    assert.equal(bad.status, 2, name);
    assert.match(bad.stderr, message, name);
  }
  const before = JSON.parse(cli('agency', 'settings', '--agency', 'sfz', '--json').stdout) as { version: number; reviewOnlineChannel: string | null; warnings: string[] };
  assert.equal(before.reviewOnlineChannel, null, 'nothing written');
  assert.equal(before.warnings.length, 1);
  const ok = cli('agency', 'set', '--agency', 'sfz', '--review-online-channel', '示范省行政复议网上申请平台（https://fy.example.gov.cn）');
  assert.equal(ok.status, 0, ok.stderr);
  assert.doesNotMatch(ok.stdout, /提示/);
  const shown = cli('agency', 'settings', '--agency', 'sfz');
  assert.match(shown.stdout, /行政复议网上申请渠道：示范省行政复议网上申请平台（https:\/\/fy\.example\.gov\.cn）/);
  assert.doesNotMatch(shown.stdout, /提示（不影响发出）/);
  const after = JSON.parse(cli('agency', 'settings', '--agency', 'sfz', '--json').stdout) as { version: number; warnings: string[] };
  assert.equal(after.version, before.version + 1);
  assert.deepEqual(after.warnings, []);
  assert.equal(cli('agency', 'set', '--agency', 'sfz', '--review-online-channel', '').status, 0, 'an empty value clears it');
  assert.match(cli('agency', 'settings', '--agency', 'sfz').stdout, /行政复议网上申请渠道：未设置[\s\S]*提示（不影响发出）：以电子方式送达的告知书应载明行政复议网上申请渠道/);
});
