import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportCells } from '../reportData.ts';
import { applicationsGrid, appealsGrid, formatFigure, gridRows, proactiveGrid, reportTables, type GridCell, type TableGrid } from './tableLayout.ts';
import { fullReport2021, seedReport } from '../../../test/support/reportFixtures.ts';

const cells = (grid: TableGrid): GridCell[] => gridRows(grid).flatMap((r) => r.cells);
const find = (grid: TableGrid, text: string): GridCell => {
  const found = cells(grid).find((c) => c.text === text);
  assert.ok(found, `no cell ${text}`);
  return found;
};

/** Every grid position is covered by exactly one cell. */
function assertTiled(grid: TableGrid): void {
  const rows = gridRows(grid).length;
  const seen = new Map<string, string>();
  for (const c of cells(grid)) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      for (let k = c.col; k < c.col + c.colSpan; k++) {
        assert.ok(!seen.has(`${r},${k}`), `${grid.id}: ${c.text} overlaps ${seen.get(`${r},${k}`)} at ${r},${k}`);
        seen.set(`${r},${k}`, c.text);
      }
    }
  }
  assert.equal(seen.size, rows * grid.columnCount, `${grid.id}: grid not fully tiled`);
}

describe('table layout', () => {
  it('tiles every table of both templates without gaps or overlaps', () => {
    for (const report of [seedReport(), fullReport2021()]) for (const grid of reportTables(report)) assertTiled(grid);
  });

  it('holds every cell of the report once, in template order, with its figure', () => {
    for (const report of [seedReport(), fullReport2021()]) {
      const data = reportTables(report).flatMap((g) => cells(g).filter((c) => !c.header));
      const expected = [...reportCells(report)];
      assert.deepEqual(data.map((c) => c.path), expected.map((e) => `${e.table}.${e.row}.${e.column}`));
      assert.deepEqual(data.map((c) => c.value), expected.map((e) => e.value));
    }
  });

  it('prints null blank and numbers as they are', () => {
    assert.equal(formatFigure(null), '');
    assert.equal(formatFigure(0), '0');
    assert.equal(formatFigure(1259.8), '1259.8');
    assert.equal(formatFigure(-3), '-3');
    const seed = appealsGrid(seedReport());
    const blanks = cells(seed).filter((c) => !c.header && c.text === '').map((c) => c.path);
    assert.deepEqual(blanks, [
      'appeals.litigation_after_reconsideration.corrected',
      'appeals.litigation_after_reconsideration.other',
      'appeals.litigation_after_reconsideration.pending',
      'appeals.litigation_after_reconsideration.total',
    ]);
  });

  it('lays out table 2 as blocks of caption, header and data rows', () => {
    const grid = proactiveGrid(fullReport2021());
    assert.equal(grid.columnCount, 4);
    assert.equal(grid.groups.length, 4);
    const caption = find(grid, '第二十条第（五）项');
    assert.equal(caption.colSpan, 4);
    assert.equal(caption.scope, 'rowgroup');
    // A one-column block stretches its value over the three value columns.
    const header = find(grid, '本年处理决定数量');
    assert.equal(header.colSpan, 3);
    assert.equal(cells(grid).find((c) => c.path === 'proactive.licensing.decisions')?.colSpan, 3);
    assert.equal(proactiveGrid(seedReport()).groups.length, 5);
  });

  it('lays out the header and three-level row labels of table 3 (2021)', () => {
    const grid = applicationsGrid(fullReport2021());
    assert.equal(grid.columnCount, 10);
    const corner = find(grid, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    assert.deepEqual([corner.rowSpan, corner.colSpan], [3, 3]);
    assert.equal(find(grid, '申请人情况').colSpan, 7);
    assert.deepEqual([find(grid, '自然人').rowSpan, find(grid, '法人或其他组织').colSpan], [2, 5]);
    assert.equal(cells(grid).filter((c) => c.text === '总计' && c.header)[0]?.rowSpan, 2);
    // 三、本年度办理结果 spans all outcome rows and （七）总计: 2 + 8 + 3 + 5 + 3 + 1 = 22.
    assert.deepEqual([find(grid, '三、本年度办理结果').rowSpan, find(grid, '三、本年度办理结果').col], [22, 0]);
    assert.equal(find(grid, '（三）不予公开').rowSpan, 8);
    assert.equal(find(grid, '（四）无法提供').rowSpan, 3);
    assert.equal(find(grid, '（五）不予处理').rowSpan, 5);
    assert.equal(find(grid, '（六）其他处理').rowSpan, 3);
    assert.deepEqual([find(grid, '一、本年新收政府信息公开申请数量').colSpan, find(grid, '（一）予以公开').colSpan, find(grid, '1.属于国家秘密').colSpan], [3, 2, 1]);
    assert.deepEqual([find(grid, '（七）总计').col, find(grid, '（七）总计').colSpan], [1, 2]);
  });

  it('prints the 2019 （六）其他处理 as one row spanning two label columns', () => {
    const grid = applicationsGrid(seedReport());
    const other = find(grid, '（六）其他处理');
    assert.deepEqual([other.rowSpan, other.colSpan, other.col], [1, 2, 1]);
    assert.equal(find(grid, '三、本年度办理结果').rowSpan, 20);
  });

  it('lays out table 4 as the official form: 行政复议 over its five results, which span rows 2–3; 行政诉讼 over ten', () => {
    const grid = appealsGrid(seedReport());
    assert.equal(grid.columnCount, 15);
    assert.deepEqual([find(grid, '行政复议').row, find(grid, '行政复议').rowSpan, find(grid, '行政复议').colSpan], [0, 1, 5]);
    assert.deepEqual([find(grid, '行政诉讼').colSpan, find(grid, '行政诉讼').col], [10, 5]);
    assert.deepEqual([find(grid, '未经复议直接起诉').colSpan, find(grid, '未经复议直接起诉').row, find(grid, '复议后起诉').col], [5, 1, 10]);
    const reconsiderationResults = gridRows(grid)[1]!.cells.filter((c) => c.col < 5);
    assert.deepEqual(reconsiderationResults.map((c) => [c.text, c.rowSpan]), [['结果维持', 2], ['结果纠正', 2], ['其他结果', 2], ['尚未审结', 2], ['总计', 2]]);
    assert.equal(gridRows(grid)[2]?.cells.length, 10);
    assert.ok(gridRows(grid)[2]!.cells.every((c) => c.col >= 5 && c.rowSpan === 1));
    assert.equal(gridRows(grid)[3]?.cells.length, 15);
  });
});
