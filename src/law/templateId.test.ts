import { test } from 'node:test';
import assert from 'node:assert/strict';
import { templateForYear } from './templateId.ts';
import { foldOutcomeTo2019, outcomeRowFor, CASE_OUTCOMES } from './outcomes.ts';

test('the template follows the year of the report', () => {
  const cases: [number, string | null][] = [[2018, null], [2019, '2019'], [2020, '2019'], [2021, '2021'], [2025, '2021'], [2019.5, null]];
  for (const [year, template] of cases) assert.equal(templateForYear(year), template, String(year));
});

test('2021 其他处理 outcomes fold into the single 2019 row; the rest are unchanged', () => {
  assert.equal(foldOutcomeTo2019('other.no_supplement'), 'other');
  assert.equal(foldOutcomeTo2019('other.unpaid_fee'), 'other');
  assert.equal(foldOutcomeTo2019('other.other'), 'other');
  assert.equal(foldOutcomeTo2019('withheld.state_secret'), 'withheld.state_secret');
  assert.equal(outcomeRowFor('other.unpaid_fee', '2021'), 'other.unpaid_fee');
  assert.equal(CASE_OUTCOMES.length, 21);
  assert.ok(!(CASE_OUTCOMES as string[]).includes('other'));
});
