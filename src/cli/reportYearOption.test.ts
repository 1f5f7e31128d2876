import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReportYear } from './reportYearOption.ts';
import { CliInputError } from './errors.ts';

test('--year accepts the years a national template covers and refuses the rest', () => {
  const accepted: [string, number][] = [['2019', 2019], ['2020', 2020], ['2025', 2025]];
  for (const [value, year] of accepted) assert.equal(parseReportYear(value), year);
  for (const value of ['2018', '2020.5', 'abc', '', '2101']) {
    assert.throws(() => parseReportYear(value), (e: unknown) => e instanceof CliInputError && e.message.startsWith(`--year ${value}:`), value);
  }
});
