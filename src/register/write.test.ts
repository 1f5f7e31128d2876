import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CASE_OUTCOMES } from '../law/outcomes.ts';
import { outcomeExportLabel } from './exportRegister.ts';
import { readCsvTable, readXlsxTable } from './read.ts';
import { lookupOutcome } from './values.ts';
import { csvSafe, registerCsv, registerXlsx } from './write.ts';

test('every outcome is written as a label the import reads back as the same outcome', () => {
  for (const o of CASE_OUTCOMES) assert.equal(lookupOutcome(outcomeExportLabel(o)), o, o);
});

test('cells a spreadsheet would run as a formula are written as text, and read back as written', async () => {
  const cases: [string, string][] = [
    ['=1+1', "'=1+1"],
    ['+86 10', "'+86 10"],
    ['-', "'-"],
    ['@x', "'@x"],
    ['张三, "李四"', '张三, "李四"'],
    ["'引号开头", "'引号开头"],
    ["'=x", "''=x"],
  ];
  for (const [cell, written] of cases) assert.equal(csvSafe(cell), written, cell);
  const cells = cases.map(([c]) => c);
  const csv = readCsvTable(registerCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [cells, ['多行\n文本', '', '', '', '', '', '']]));
  assert.deepEqual(csv.rows.map((r) => r.cells), [cells, ['多行\n文本', '', '', '', '', '', '']]);
  const xlsx = await readXlsxTable(await registerXlsx(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [cells]));
  assert.deepEqual(xlsx.rows[0]?.cells, cells);
});
