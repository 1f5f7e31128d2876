import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkReport, RULES } from './check.ts';
import { reportCells, setCell } from './reportData.ts';
import { fullReport2021, seedReport } from '../../test/support/reportFixtures.ts';

test('the seed reconciles; its four lost table-4 cells leave R4 unchecked for 复议后起诉', () => {
  const result = checkReport(seedReport());
  assert.deepEqual(result.violations, []);
  assert.equal(result.ok, true);
  assert.deepEqual(result.unchecked.map((r) => `${r.rule} ${r.row}`), ['R4 litigation_after_reconsideration']);
  assert.deepEqual(result.unchecked[0]?.unknown, [
    'appeals.litigation_after_reconsideration.corrected',
    'appeals.litigation_after_reconsideration.other',
    'appeals.litigation_after_reconsideration.pending',
    'appeals.litigation_after_reconsideration.total',
  ]);
  // 7 columns × (R1 + R2) + 23 rows (R3) + 3 groups (R4)
  assert.equal(result.results.length, 7 * 2 + 23 + 3);
});

test('a full 2021 report passes every relation', () => {
  const result = checkReport(fullReport2021());
  assert.equal(result.violations.length, 0);
  assert.equal(result.unchecked.length, 0);
  assert.equal(result.passed, 7 * 2 + 25 + 3);
});

test('changing any single cell of table 3 or 4 names the rule and the cell', () => {
  const base = fullReport2021();
  for (const c of reportCells(base)) {
    if (c.table === 'proactive') continue;
    const broken = structuredClone(base);
    setCell(broken, `${c.table}.${c.row}.${c.column}`, (c.value as number) + 1);
    const violations = checkReport(broken).violations;
    assert.ok(violations.length > 0, `changing ${c.table}.${c.row}.${c.column} went unnoticed`);
    const named = violations.some((v) => v.row === c.row || v.column === c.column);
    assert.ok(named, `${c.table}.${c.row}.${c.column}: ${JSON.stringify(violations)}`);
    if (c.table === 'applications') {
      // R3 pinpoints the row, R1 or R2 the column: together the cell.
      assert.ok(violations.some((v) => v.rule === 'R3' && v.row === c.row));
      assert.ok(violations.some((v) => (v.rule === 'R1' || v.rule === 'R2') && v.column === c.column));
    }
  }
});

test('violations carry expected and actual', () => {
  const r = seedReport();
  setCell(r, 'applications.granted.natural_person', 9);
  const v = checkReport(r).violations;
  assert.deepEqual(v.map((x) => [x.rule, x.row, x.column, x.expected, x.actual]), [
    ['R2', 'processed_total', 'natural_person', 125, 124],
    ['R3', 'granted', 'total', 9, 8],
  ]);
});

test('the rules are described in the template\'s own words', () => {
  assert.equal(RULES.R1, '一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量 = （七）总计 + 四、结转下年度继续办理（每一列）');
  assert.equal(RULES.R4, '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结（每一组）');
});
