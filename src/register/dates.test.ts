import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excelSerialToDate, parseRegisterDate } from './dates.ts';

test('register dates in every accepted form become YYYY-MM-DD', () => {
  const cases: [string | number | Date, string][] = [
    ['2020-01-05', '2020-01-05'],
    ['2020/1/5', '2020-01-05'],
    ['2020.1.5', '2020-01-05'],
    ['2020年1月5日', '2020-01-05'],
    ['2020 年 1 月 5 日', '2020-01-05'],
    ['  2020-12-31 ', '2020-12-31'],
    ['2020/1/5 0:00', '2020-01-05'],
    ['2020-01-05 00:00:00', '2020-01-05'],
    ['2020-02-29', '2020-02-29'],
    ['43835', '2020-01-05'],
    [43835, '2020-01-05'],
    [43835.75, '2020-01-05'],
    [44196, '2020-12-31'],
    [1, '1900-01-01'],
    [61, '1900-03-01'],
    [new Date(Date.UTC(2020, 0, 5)), '2020-01-05'],
  ];
  for (const [input, expected] of cases) assert.deepEqual(parseRegisterDate(input), { ok: true, date: expected }, String(input));
});

test('impossible and malformed dates are refused with their rule', () => {
  const cases: [string | number, string][] = [
    ['2020-02-30', 'date.impossible'],
    ['2019-02-29', 'date.impossible'],
    ['2020/13/1', 'date.impossible'],
    ['2020年4月31日', 'date.impossible'],
    ['2020-00-10', 'date.impossible'],
    ['5/1/2020', 'date.format'],
    ['2020-1', 'date.format'],
    ['明天', 'date.format'],
    ['2020-01/05', 'date.format'],
    [60, 'date.impossible'],
    [0, 'date.format'],
    [-3, 'date.format'],
  ];
  for (const [input, rule] of cases) {
    const r = parseRegisterDate(input);
    assert.equal(r.ok, false, String(input));
    if (!r.ok) assert.equal(r.rule, rule, String(input));
  }
});

test('Excel serials: 1900 system with the phantom 29 February', () => {
  assert.deepEqual(excelSerialToDate(59), { ok: true, date: '1900-02-28' });
  assert.deepEqual(excelSerialToDate(25569), { ok: true, date: '1970-01-01' });
  assert.deepEqual(excelSerialToDate(2958465), { ok: true, date: '9999-12-31' });
  assert.equal(excelSerialToDate(2958466).ok, false);
});
