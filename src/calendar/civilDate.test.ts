import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  compareDates,
  daysBetween,
  formatChineseDate,
  isCivilDate,
  isoWeekday,
  parseCivilDate,
  weekdayLabel,
  yearOf,
} from './civilDate.ts';
import { InvalidDateError } from './errors.ts';

describe('parseCivilDate', () => {
  for (const ok of ['2019-01-01', '2020-02-29', '2024-02-29', '2000-02-29', '2026-12-31']) {
    it(`accepts ${ok}`, () => assert.equal(parseCivilDate(ok), ok));
  }
  for (const bad of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-4-1', '20240401', '2024-04-01T00:00', '', ' 2024-04-01']) {
    it(`rejects ${JSON.stringify(bad)}`, () => {
      assert.throws(() => parseCivilDate(bad, 'received'), (e: unknown) => {
        assert.ok(e instanceof InvalidDateError);
        assert.equal(e.code, 'date.invalid');
        assert.equal(e.kind, 'invalid-input');
        assert.match(e.message, /received/);
        return true;
      });
    });
  }
  it('isCivilDate is the boolean form', () => {
    assert.equal(isCivilDate('2023-02-28'), true);
    assert.equal(isCivilDate('2023-02-29'), false);
    assert.equal(isCivilDate(20230228), false);
  });
});

describe('arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    assert.equal(addDays('2020-02-28', 1), '2020-02-29');
    assert.equal(addDays('2020-02-29', 1), '2020-03-01');
    assert.equal(addDays('2023-02-28', 1), '2023-03-01');
    assert.equal(addDays('2020-12-31', 1), '2021-01-01');
    assert.equal(addDays('2021-01-01', -1), '2020-12-31');
    assert.equal(addDays('2020-09-28', 35), '2020-11-02');
  });
  it('counts days between', () => {
    assert.equal(daysBetween('2020-01-01', '2021-01-01'), 366);
    assert.equal(daysBetween('2021-01-01', '2022-01-01'), 365);
    assert.equal(daysBetween('2020-11-02', '2020-09-28'), -35);
  });
  it('compares', () => {
    assert.equal(compareDates('2020-09-28', '2020-11-02'), -1);
    assert.equal(compareDates('2020-11-02', '2020-11-02'), 0);
    assert.equal(compareDates('2021-01-01', '2020-12-31'), 1);
    assert.throws(() => compareDates('2021-02-30', '2021-01-01'), InvalidDateError);
  });
  it('knows the weekday (hand-checked against a calendar)', () => {
    assert.equal(isoWeekday('1970-01-01'), 4);
    assert.equal(isoWeekday('2020-09-28'), 1);
    assert.equal(isoWeekday('2020-02-01'), 6);
    assert.equal(isoWeekday('2020-02-02'), 7);
    assert.equal(isoWeekday('2024-02-09'), 5);
    assert.equal(isoWeekday('1969-12-31'), 3);
    assert.equal(weekdayLabel('2026-01-04'), '星期日');
    assert.equal(weekdayLabel('2019-10-12'), '星期六');
  });
  it('formats for a clerk', () => {
    assert.equal(formatChineseDate('2020-09-28'), '2020年9月28日（星期一）');
    assert.equal(formatChineseDate('2020-11-02', false), '2020年11月2日');
    assert.equal(yearOf('2026-12-31'), 2026);
  });
});
