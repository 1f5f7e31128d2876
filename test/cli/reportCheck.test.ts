import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.ts';
import { fixturePath, readFixtureJson, setPath } from '../support/reportFixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'gk-check-'));

test('report check: the seed reconciles (exit 0), its lost cells are unchecked', () => {
  const r = runCli(['report', 'check', fixturePath('reports/seed-2020.expected.json'), '--json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.ok, true);
  assert.deepEqual(out.violations, []);
  assert.equal(out.unchecked[0].row, 'litigation_after_reconsideration');
});

test('report check: a report whose figures do not add up exits 1 and lists rule, row, column, expected, actual', () => {
  const r = runCli(['report', 'check', fixturePath('reports/pingtan-zrzy-2023.expected.json'), '--json']);
  assert.equal(r.status, 1);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(
    out.violations.map((v: Record<string, unknown>) => [v.rule, v.row, v.column, v.expected, v.actual]),
    [
      ['R1', 'processed_total+carried_forward', 'commercial_enterprise', 0, 1],
      ['R3', 'partially_granted', 'total', 9, 8],
      ['R3', 'processed_total', 'total', 20, 19],
    ],
  );
  const text = runCli(['report', 'check', fixturePath('reports/pingtan-zrzy-2023.expected.json')]);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /R3 applications\.partially_granted\.total: expected 9, actual 8/);
});

const unusable: [string, string, RegExp][] = [
  ['not JSON', '{"schema": ', /not valid JSON/],
  ['a wrong schema', JSON.stringify({ ...(readFixtureJson('reports/seed-2020.expected.json') as object), schema: 'x' }), /schema: must be "gongkai\.report\/1"/],
  ['a template that does not fit the year', JSON.stringify({ ...(readFixtureJson('reports/seed-2020.expected.json') as object), year: 2022 }), /template: a report on 2022 uses the "2021" template/],
];
for (const [name, content, message] of unusable) {
  test(`report check: ${name} exits 2 with a message naming the place`, () => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, content);
    const r = runCli(['report', 'check', file]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  });
}

test('report check: an unknown row and a negative count are both named', () => {
  const doc = readFixtureJson('reports/seed-2020.expected.json');
  setPath(doc, ['applications', 'granted', 'natural_person'], -2);
  setPath(doc, ['appeals', 'appeal'], {});
  const file = join(dir, 'two-errors.json');
  writeFileSync(file, JSON.stringify(doc));
  const r = runCli(['report', 'check', file]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /applications\.granted\.natural_person: must not be negative/);
  assert.match(r.stderr, /appeals\.appeal: is not a row of appeals/);
});

test('report compare: quotes the change and percentage per cell', () => {
  const last = readFixtureJson('reports/seed-2020.expected.json');
  setPath(last, ['year'], 2019);
  setPath(last, ['applications', 'received', 'total'], 115);
  const lastFile = join(dir, 'last.json');
  writeFileSync(lastFile, JSON.stringify(last));
  const r = runCli(['report', 'compare', fixturePath('reports/seed-2020.expected.json'), lastFile, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const cell = JSON.parse(r.stdout).cells.find((c: { cell: string }) => c.cell === 'applications.received.total');
  assert.deepEqual([cell.change, cell.percent, cell.phrase], [21, 18.26, '上升18.26%']);
});
