import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.ts';
import { fixturePath, readFixtureJson, setPath } from '../support/reportFixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'gk-render-'));
const seed = fixturePath('reports/seed-2020.expected.json');

test('report render writes each format to --out', () => {
  const expectations: [string, (b: Buffer) => boolean][] = [
    ['html', (b) => b.toString('utf8').includes('国家信访局2020年政府信息公开工作年度报告')],
    ['md', (b) => b.toString('utf8').includes('| 一、本年新收政府信息公开申请数量 |')],
    ['docx', (b) => b.subarray(0, 2).toString('latin1') === 'PK'],
    ['pdf', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
  ];
  for (const [format, looksRight] of expectations) {
    const out = join(dir, `seed.${format}`);
    const r = runCli(['report', 'render', seed, '--format', format, '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(looksRight(readFileSync(out)), format);
  }
});

test('report render prints text formats to stdout; --fragment gives an embeddable article', () => {
  const r = runCli(['report', 'render', seed, '--format', 'html', '--fragment']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^<article class="gk-report"/);
  assert.doesNotMatch(r.stdout, /<!doctype/i);
});

test('report render: bad input exits 2 and writes nothing', () => {
  const bad = readFixtureJson('reports/seed-2020.expected.json');
  setPath(bad, ['applications', 'received', 'total'], -136);
  const badFile = join(dir, 'bad.json');
  writeFileSync(badFile, JSON.stringify(bad));
  const out = join(dir, 'never.pdf');
  const r = runCli(['report', 'render', badFile, '--format', 'pdf', '--out', out]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /applications\.received\.total: must not be negative/);
  assert.equal(existsSync(out), false);
  const wrongFormat = runCli(['report', 'render', seed, '--format', 'xls', '--out', out]);
  assert.equal(wrongFormat.status, 2);
  assert.match(wrongFormat.stderr, /--format xls: must be one of html, md, docx, pdf/);
  assert.equal(existsSync(out), false);
});
