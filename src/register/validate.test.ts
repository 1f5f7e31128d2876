import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RegisterInvalidError } from './errors.ts';
import { readCsvTable } from './read.ts';
import { validateRegister, type RawTable } from './validate.ts';

function table(csv: string): RawTable {
  return readCsvTable(new TextEncoder().encode(csv));
}

function errorsOf(t: RawTable): [number, string, string][] {
  try {
    validateRegister(t);
  } catch (e) {
    assert.ok(e instanceof RegisterInvalidError);
    assert.equal(e.code, 'register.invalid');
    assert.equal(e.kind, 'invalid-input');
    return e.errors.map((i) => [i.row, i.column, i.rule]);
  }
  assert.fail('expected the register to be rejected');
}

test('a register with one bad cell of each kind is rejected whole, every error with its row and column', () => {
  const t = readCsvTable(readFileSync(fileURLToPath(new URL('../../test/fixtures/register/bad-rows.csv', import.meta.url))));
  assert.deepEqual(errorsOf(t), [
    [3, '收到日期', 'date.impossible'],
    [4, '申请人类型', 'applicant_type.unknown'],
    [5, '办理结果', 'outcome.unknown'],
    [6, '办结日期', 'concluded_on.required'],
    [7, '办结日期', 'concluded_on.before_received'],
    [8, '编号', 'ref.duplicate'],
    [9, '收到日期', 'required'],
    [9, '申请方式', 'channel.unknown'],
    [10, '申请人类型', 'required'],
    [10, '办理结果', 'outcome.required'],
    [11, '办理结果', 'outcome.ambiguous'],
    [12, '收到日期', 'date.format'],
    [12, '办结日期', 'date.impossible'],
  ]);
});

test('the error message names the row and column as the spreadsheet shows them', () => {
  try {
    validateRegister(table('收到日期,申请人类型\n2020-01-05,自然人\n2021-02-29,自然人\n'));
    assert.fail('expected rejection');
  } catch (e) {
    assert.ok(e instanceof RegisterInvalidError);
    assert.deepEqual(e.issues.map((i) => i.path), ['第3行 收到日期']);
    assert.match(e.message, /第3行 收到日期: 2021-02-29 这一天不存在/);
  }
});

test('missing required columns and duplicated columns are header errors on row 1', () => {
  assert.deepEqual(errorsOf(table('编号,申请内容\nA,x\n')), [
    [1, '收到日期', 'header.missing'],
    [1, '申请人类型', 'header.missing'],
  ]);
  assert.deepEqual(errorsOf(table('received_on,收到日期,applicant_type\n2020-01-01,2020-01-01,自然人\n')), [[1, '收到日期', 'header.duplicate']]);
  assert.deepEqual(errorsOf(table('received_on,applicant_type,outcome\n2020-01-01,自然人,\n')), [[1, '办结日期', 'header.missing']]);
});

test('a register with headers only has nothing to import', () => {
  assert.deepEqual(errorsOf(table('收到日期,申请人类型\n\n,\n')), [[2, '(全部)', 'rows.none']]);
});

test('headers by id or Chinese name in any order; unknown columns become notes; blank rows are skipped', () => {
  const rows = validateRegister(
    table(
      [
        '备注,outcome,申请人类型,RECEIVED_ON,办结日期 ,编号,申请方式,申请人,subject,经办人',
        '撤回,其他处理,自然人,2020年12月28日,2021/1/4,X-1,网络,张某,查询某事项,李四',
        ',,,,,,,,,',
        ',,法律服务机构,2020-12-30,,X-2,,某律师事务所,,',
        '"两项中一项公开,一项不掌握",予以公开;本机关不掌握相关政府信息,商业企业,44000,44010,X-3,电子邮件,某公司,某项目批复,王五',
      ].join('\n'),
    ),
  );
  assert.deepEqual(rows, [
    {
      row: 2, ref: 'X-1', receivedOn: '2020-12-28', channel: 'online', applicantType: 'natural_person', applicantName: '张某',
      subject: '查询某事项', outcome: 'other.other', answers: [], concludedOn: '2021-01-04', notes: { 备注: '撤回', 经办人: '李四' },
    },
    {
      row: 4, ref: 'X-2', receivedOn: '2020-12-30', channel: null, applicantType: 'legal_service_org', applicantName: '某律师事务所',
      subject: null, outcome: null, answers: [], concludedOn: null, notes: {},
    },
    {
      row: 5, ref: 'X-3', receivedOn: '2020-06-18', channel: 'email', applicantType: 'commercial_enterprise', applicantName: '某公司',
      subject: '某项目批复', outcome: 'partially_granted', answers: ['granted', 'unavailable.not_held'], concludedOn: '2020-06-28',
      notes: { 备注: '两项中一项公开,一项不掌握', 经办人: '王五' },
    },
  ]);
});

test('optional columns may be absent altogether', () => {
  const rows = validateRegister(table('收到日期,申请人类型\n2020-03-01,科研机构\n'));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.outcome, null);
  assert.equal(rows[0]?.ref, null);
});

test('the same outcome named twice counts as that outcome', () => {
  const rows = validateRegister(table('收到日期,申请人类型,办理结果,办结日期\n2020-03-01,自然人,属于国家秘密；属于国家秘密,2020-03-10\n'));
  assert.equal(rows[0]?.outcome, 'withheld.state_secret');
});

