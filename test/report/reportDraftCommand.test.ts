/**
 * `gongkai report draft` and the render warnings, run as a user runs them: sections 一–四 printed, the
 * figures with their cells as JSON, the report written back with the draft; a render of a report with
 * empty sections and broken relations warns on stderr and still renders; bad input exits non-zero.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'reports');
const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-draft-'));

function gongkai(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'report', ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('gongkai report draft', () => {
  it('prints sections 一–四 written from the figures, against last year', () => {
    const r = gongkai('draft', join(FIXTURES, 'pingtan-zrzy-2023.expected.json'), '--previous', join(FIXTURES, 'pingtan-2022.expected.json'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^一、总体情况\n.*全年共收到政府信息公开申请19件，较上年/m);
    assert.match(r.out, /四、政府信息公开行政复议、行政诉讼情况\n本年度，/);
    assert.equal(r.err, '');
  });

  it('--json gives every figure with its cells; --out writes the report with the draft in its narrative', () => {
    const out = join(dir, 'drafted.json');
    const r = gongkai('draft', join(FIXTURES, 'seed-2020.expected.json'), '--json', '--out', out);
    assert.equal(r.code, 0, r.err);
    const draft = JSON.parse(r.out) as { sections: { id: string; figures: { cells: string[] }[] }[] };
    assert.ok(draft.sections[0]!.figures.some((f) => f.cells.includes('applications.received.total')));
    assert.match(r.err, /警告：没有上一年度的报告/);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { narrative: Record<string, string> };
    assert.match(written.narrative['overview']!, /全年共收到政府信息公开申请/);
    // the written report is a valid ReportData that the other commands take
    const check = gongkai('check', out);
    assert.equal(check.code, 0, check.out);
  });

  it('refuses a file that is not a report, naming the problem, and writes nothing', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schema: 'gongkai.report/1', agency: '', year: 2020, template: '2019' }));
    const r = gongkai('draft', bad, '--out', join(dir, 'never.json'));
    assert.notEqual(r.code, 0);
    assert.match(r.err, /agency/);
    assert.throws(() => readFileSync(join(dir, 'never.json')));
  });
});

describe('gongkai report render warnings', () => {
  it('warns on stderr of empty narrative sections and broken relations, and still renders', () => {
    const out = join(dir, 'pingtan.md');
    const r = gongkai('render', join(FIXTURES, 'pingtan-zrzy-2023.expected.json'), '--format', 'md', '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /警告：五、存在的主要问题及改进情况：正文为空/);
    assert.match(r.err, /警告：勾稽关系 R3 不成立：applications\.partially_granted\.total 应为 9，实为 8/);
    assert.match(readFileSync(out, 'utf8'), /申请人情况·自然人/);
  });
});

describe('gongkai report parse / check on a report printed on the wrong form', () => {
  it('parses it (valid, declared) and check names the mismatch', () => {
    const out = join(dir, 'oldform.json');
    const parsed = gongkai('parse', join(FIXTURES, 'variants', 'yongfeng-ga-2021-oldform.txt'), '-o', out);
    assert.equal(parsed.code, 0, parsed.err);
    const check = gongkai('check', out);
    assert.equal(check.code, 0, check.out);
    assert.match(check.out, /按 2019 年版格式填报，2021 年报告应使用 2021 年版格式/);
  });
});
