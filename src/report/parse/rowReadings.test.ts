import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Table2ValueKind } from '../../law/index.ts';
import { agreement, rowSumHolds } from './readApplications.ts';
import { appealGroupsHold } from './readAppeals.ts';
import { cutDigits, rowReadings } from './rowReadings.ts';
import { isFigure, tokenize, type FigureToken } from './tokens.ts';

const figures = (text: string, atomic = false): FigureToken[] => tokenize([{ cells: [text], atomic }]).filter(isFigure);
const counts = (n: number): Table2ValueKind[] => new Array<Table2ValueKind>(n).fill('count');

describe('cutDigits', () => {
  it('cuts into numbers without leading zeros', () => {
    assert.deepEqual(cutDigits('100', 2), [['10', '0']]);
    assert.deepEqual(cutDigits('0000', 4), [['0', '0', '0', '0']]);
    assert.deepEqual(cutDigits('01', 1), []);
    assert.equal(cutDigits('8855698', 3).length, 15);
  });
});

describe('rowReadings', () => {
  it('reads N separate figures as printed, even when they break R3', () => {
    const r = rowReadings(figures('8 1 0 0 0 0 8'), counts(7));
    assert.equal(r.how, 'direct');
    assert.deepEqual(r.readings, [[8, 1, 0, 0, 0, 0, 8]]);
  });

  it('713000074: only one cut into 7 figures satisfies R3', () => {
    const r = rowReadings(figures('713000074'), counts(7));
    assert.equal(r.how, 'split');
    assert.ok(r.readings.length > 1);
    assert.deepEqual(r.readings.filter(rowSumHolds), [[71, 3, 0, 0, 0, 0, 74]]);
  });

  it('a run of N zeros has one cut', () => {
    assert.deepEqual(rowReadings(figures('0000000'), counts(7)).readings, [[0, 0, 0, 0, 0, 0, 0]]);
  });

  it('cuts runs only as far as the cell count needs, mixing separate and glued figures', () => {
    const r = rowReadings(figures('00 0 0 01 0 0 0 1 0 0 0 00'), counts(15));
    assert.deepEqual(r.readings, [[0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]]);
  });

  it('never cuts a real table cell', () => {
    const r = rowReadings([...figures('12', true), ...figures('0 0 0 0 12', true)], counts(7));
    assert.equal(r.how, 'window');
  });

  it('seed table 4: 11 figures for 15 cells — only the first alignment satisfies R4', () => {
    const r = rowReadings(figures('1 0 14 0 15 0 0 0 0 0 0'), counts(15));
    assert.equal(r.how, 'window');
    assert.equal(r.readings.length, 5);
    assert.deepEqual(r.readings.filter(appealGroupsHold), [[1, 0, 14, 0, 15, 0, 0, 0, 0, 0, 0, null, null, null, null]]);
  });

  it('a blank lost anywhere in the row (not only at its ends): no cell is known from shifted readings', () => {
    const five = figures('5 5 5 5 5 25', true);
    assert.deepEqual(agreement(rowReadings(five, counts(7)).readings), [null, 5, 5, 5, 5, null, null]);
    const anywhere = rowReadings(five, counts(7), undefined, 'anywhere');
    assert.equal(anywhere.readings.length, 7);
    assert.deepEqual(agreement(anywhere.readings), [null, null, null, null, null, null, null]);
  });

  it('blank marks are unknown cells, not zeros', () => {
    assert.deepEqual(rowReadings(figures('3 — 0 / 0 0 3'), counts(7)).readings, [[3, null, 0, null, 0, 0, 3]]);
  });

  it('amounts: 万元 as printed, 元 converted; a decimal never fills a count column', () => {
    const kinds: Table2ValueKind[] = ['count', 'amount'];
    assert.deepEqual(rowReadings(figures('28 1259.80 万元'), kinds).readings, [[28, 1259.8]]);
    assert.deepEqual(rowReadings(figures('28 251000元'), kinds).readings, [[28, 25.1]]);
    const bad = rowReadings(figures('1.5 3'), kinds);
    assert.deepEqual(bad.readings, [[null, 3]]);
    assert.deepEqual(bad.rejected, ['1.5']);
  });

  it('a decimal run glued to the figure before it is cut in its integer part only', () => {
    const r = rowReadings(figures('281259.80 万元'), ['count', 'amount']);
    assert.equal(r.how, 'split');
    assert.ok(r.readings.some((x) => x[0] === 28 && x[1] === 1259.8));
    assert.ok(r.readings.every((x) => Number.isInteger(x[0])));
  });

  it('signed columns take a negative change', () => {
    assert.deepEqual(rowReadings(figures('12 -3 40'), ['count', 'signed', 'count']).readings, [[12, -3, 40]]);
  });

  it('gives up (no reading) rather than enumerate without end', () => {
    const r = rowReadings(figures('1234567891234567891234567'), counts(15), 1000);
    assert.equal(r.overflow, true);
    assert.deepEqual(r.readings, []);
  });
});
