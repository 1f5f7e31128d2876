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
