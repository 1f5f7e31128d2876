import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changePhrase, compareReports, roundPercent } from './compare.ts';
import { emptyReport, setCell } from './reportData.ts';
import { foldApplicationsTo2019 } from './foldTemplate.ts';
import { seedReport } from '../../test/support/reportFixtures.ts';

test('the seed text quotes 136 received against 115 last year as 上升18.26%', () => {
  const current = seedReport();
  const previous = emptyReport('国家信访局', 2019, '2019');
  setCell(previous, 'applications.received.total', 115);
  const cell = compareReports(current, previous).cells.find((c) => c.cell === 'applications.received.total')!;
  assert.deepEqual([cell.current, cell.previous, cell.change, cell.percent, cell.phrase], [136, 115, 21, 18.26, '上升18.26%']);
  const unknown = compareReports(current, previous).cells.find((c) => c.cell === 'applications.granted.total')!;
  assert.deepEqual([unknown.change, unknown.percent, unknown.phrase], [null, null, null]);
});

test('phrases and rounding', () => {
  const cases: [number, number, string][] = [[136, 115, '上升18.26%'], [90, 120, '下降25.00%'], [7, 7, '持平'], [3, 0, '新增'], [1, 3, '下降66.67%'], [2, 3, '下降33.33%']];
  for (const [current, previous, phrase] of cases) assert.equal(changePhrase(current, previous), phrase, `${current} vs ${previous}`);
  assert.equal(roundPercent(0.125), 0.13);
  assert.equal(roundPercent(-0.125), -0.13);
});

test('a 2021 report compares with a 2020 one on the 2019 rows; amounts keep two decimals', () => {
  const current = emptyReport('某局', 2021, '2021');
  setCell(current, 'applications.other.no_supplement.total', 2);
  setCell(current, 'applications.other.unpaid_fee.total', 1);
  setCell(current, 'applications.other.other.total', 4);
  setCell(current, 'proactive.fees.amount_wan', 10.1);
  const previous = seedReport();
  const cells = compareReports(current, previous).cells;
  const other = cells.find((c) => c.cell === 'applications.other.total')!;
  assert.deepEqual([other.current, other.previous, other.change], [7, 3, 4]);
  assert.equal(cells.some((c) => c.cell === 'applications.other.other.total'), false);
  // table 2 of the two templates shares only the cells with the same ids (licensing.decisions …)
  assert.ok(cells.some((c) => c.cell === 'proactive.licensing.decisions'));
  assert.equal(cells.some((c) => c.cell === 'proactive.rules.made'), false);
});

test('folding sums the （六） sub-rows and keeps null when any is unknown', () => {
  const r = emptyReport('某局', 2022, '2021');
  setCell(r, 'applications.other.no_supplement.natural_person', 1);
  setCell(r, 'applications.other.unpaid_fee.natural_person', 2);
  setCell(r, 'applications.other.other.natural_person', 3);
  setCell(r, 'applications.other.no_supplement.total', 1);
  const folded = foldApplicationsTo2019(r);
  assert.equal(folded.other?.natural_person, 6);
  assert.equal(folded.other?.total, null);
  assert.equal(Object.keys(folded).length, 23);
});
