import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { RegisterInvalidError, RegisterUnreadableError } from './errors.ts';
import { parseRegister, parseRegisterFile, readCsvTable, registerFormatOf } from './read.ts';

const enc = (s: string) => new TextEncoder().encode(s);

test('CSV with and without a BOM reads the same', async () => {
  const body = '收到日期,申请人类型\r\n2020-01-05,自然人\r\n';
  const withBom = await parseRegister(enc('\uFEFF' + body), 'csv');
  const without = await parseRegister(enc(body), 'csv');
  assert.deepEqual(withBom, without);
  assert.equal(withBom[0]?.receivedOn, '2020-01-05');
  assert.deepEqual(readCsvTable(enc('\uFEFF' + body)).headers, ['收到日期', '申请人类型']);
});

test('a CSV that is not UTF-8 (a GBK export) is refused as unreadable', async () => {
  // “收到日期” in GBK
  const gbk = new Uint8Array([0xca, 0xd5, 0xb5, 0xbd, 0xc8, 0xd5, 0xc6, 0xda, 0x0a]);
  await assert.rejects(parseRegister(gbk, 'csv'), (e: unknown) => e instanceof RegisterUnreadableError && /UTF-8/.test(e.message));
});

test('a CSV with broken quoting is unreadable; an empty file has no header', async () => {
  await assert.rejects(parseRegister(enc('收到日期,申请人类型\n"2020-01-05,自然人\n'), 'csv'), RegisterUnreadableError);
  await assert.rejects(parseRegister(enc(''), 'csv'), RegisterUnreadableError);
});

test('file types by extension', async () => {
  assert.equal(registerFormatOf('台账.CSV'), 'csv');
  assert.equal(registerFormatOf('a/b/台账.xlsx'), 'xlsx');
  assert.equal(registerFormatOf('台账.xls'), undefined);
  await assert.rejects(parseRegisterFile('/tmp/台账.xls'), RegisterUnreadableError);
  await assert.rejects(parseRegisterFile('/nonexistent/台账.csv'), RegisterUnreadableError);
});

async function xlsx(rows: ExcelJS.CellValue[][], sheetsBefore = 0): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  for (let i = 0; i < sheetsBefore; i++) wb.addWorksheet(`其他${i}`).addRow(['无关']);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('XLSX: first sheet, date cells, serial numbers, rich text and formulas', async () => {
  const bytes = await xlsx(
    [
      ['编号', '收到日期', '申请人类型', '办理结果', '办结日期', '说明'],
      ['X-1', new Date(Date.UTC(2020, 11, 28)), '自然人', { richText: [{ text: '予以' }, { text: '公开' }] }, 44200, '富文本与序号'],
      [{ formula: '"X-"&2', result: 'X-2' }, '2020/12/30', 'natural_person', null, null, null],
    ],
    1,
  );
  const rows = await parseRegister(bytes, 'xlsx');
  assert.deepEqual(
    rows.map((r) => [r.row, r.ref, r.receivedOn, r.applicantType, r.outcome, r.concludedOn, r.notes]),
    [
      [2, 'X-1', '2020-12-28', 'natural_person', 'granted', '2021-01-04', { 说明: '富文本与序号' }],
      [3, 'X-2', '2020-12-30', 'natural_person', null, null, {}],
    ],
  );
});

test('XLSX errors carry the sheet row numbers, blank rows included in the count', async () => {
  const bytes = await xlsx([
    ['收到日期', '申请人类型', '办理结果', '办结日期'],
    ['2020-01-05', '自然人', '予以公开', '2020-01-10'],
    [],
    ['2020-02-30', '公司', '予以公开', '2020-01-10'],
  ]);
  await assert.rejects(parseRegister(bytes, 'xlsx'), (e: unknown) => {
    assert.ok(e instanceof RegisterInvalidError);
    assert.deepEqual(e.errors.map((i) => [i.row, i.column, i.rule]), [
      [4, '收到日期', 'date.impossible'],
      [4, '申请人类型', 'applicant_type.unknown'],
    ]);
    return true;
  });
});

test('bytes that are not an XLSX are unreadable', async () => {
  await assert.rejects(parseRegister(enc('not a zip'), 'xlsx'), RegisterUnreadableError);
});
