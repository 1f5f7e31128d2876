import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TABLE3_ROWS, outcomeRows, table3RowLabel, table3RowShortName, groupLabel } from './table3.ts';

test('both templates share rows 一 to （五）5 and differ only in （六）', () => {
  const ids2019 = TABLE3_ROWS['2019'].map((r) => r.id);
  const ids2021 = TABLE3_ROWS['2021'].map((r) => r.id);
  assert.equal(ids2019.length, 23);
  assert.equal(ids2021.length, 25);
  assert.deepEqual(ids2019.slice(0, 20), ids2021.slice(0, 20));
  assert.deepEqual(ids2019.slice(20), ['other', 'processed_total', 'carried_forward']);
  assert.deepEqual(ids2021.slice(20), ['other.no_supplement', 'other.unpaid_fee', 'other.other', 'processed_total', 'carried_forward']);
});

test('labels print exactly as law.md §2.4 has them', () => {
  const byId = new Map<string, string>(TABLE3_ROWS['2021'].map((r) => [r.id, table3RowLabel(r)]));
  const cases: [string, string][] = [
    ['received', '一、本年新收政府信息公开申请数量'],
    ['partially_granted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
    ['withheld.security_stability', '3.危及“三安全一稳定”'],
    ['unavailable.still_unclear', '3.补正后申请内容仍不明确'],
    ['not_processed.confirm_or_reissue', '5.要求行政机关确认或重新出具已获取信息'],
    ['other.no_supplement', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    ['other.unpaid_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
    ['processed_total', '（七）总计'],
    ['carried_forward', '四、结转下年度继续办理'],
  ];
  for (const [id, label] of cases) assert.equal(byId.get(id), label, id);
  assert.equal(table3RowLabel(TABLE3_ROWS['2019'].find((r) => r.id === 'other')!), '（六）其他处理');
  assert.equal(groupLabel('withheld'), '（三）不予公开');
  assert.equal(groupLabel('results'), '三、本年度办理结果');
});

test('outcome rows are the terms of R2: 19 in 2019, 21 in 2021 (2+8+3+5 before （六）)', () => {
  assert.equal(outcomeRows('2019').length, 19);
  assert.equal(outcomeRows('2021').length, 21);
  assert.ok(outcomeRows('2021').every((r) => r.groups[0] === 'results'));
});

test('a short name drops only the bracketed counting note', () => {
  const name = (id: string) => table3RowShortName(TABLE3_ROWS['2021'].find((r) => r.id === id)!);
  assert.equal(name('partially_granted'), '部分公开');
  assert.equal(name('withheld.security_stability'), '危及“三安全一稳定”');
  assert.equal(name('granted'), '予以公开');
});
