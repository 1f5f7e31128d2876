import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TABLE2_BLOCKS, blockCaption, table2Cells } from './table2.ts';

test('2019 table 2 has the five blocks of law.md §2.3 with 21 cells', () => {
  assert.deepEqual(TABLE2_BLOCKS['2019'].map(blockCaption), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']);
  assert.equal(table2Cells('2019').length, 6 + 6 + 6 + 2 + 2);
});

test('2021 table 2 drops （九）, renames the columns and 行政规范性文件', () => {
  assert.equal(TABLE2_BLOCKS['2021'].length, 4);
  assert.deepEqual(TABLE2_BLOCKS['2021'][0].columns.map((c) => c.label), ['本年制发件数', '本年废止件数', '现行有效件数']);
  assert.equal(TABLE2_BLOCKS['2021'][0].rows[1].label, '行政规范性文件');
  assert.equal(TABLE2_BLOCKS['2021'][3].columns[0].label, '本年收费金额（单位：万元）');
  assert.equal(table2Cells('2021').length, 6 + 1 + 2 + 1);
});
