import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractHtml, gridLines } from './html.ts';

const c = (text: string, rows = 1, cols = 1) => ({ text, rows, cols });

describe('HTML tables through their grid', () => {
  it('a figure merged down from the row above, or missing at a row’s end, leaves a blank in that column', () => {
    const lines = gridLines([
      [c('（三）不予公开', 2), c('1.属于国家秘密'), c('3'), c('0', 2), c('3')],
      [c('2.其他法律行政法规禁止公开'), c('1')],
    ]);
    assert.deepEqual(lines, [
      ['（三）不予公开', '1.属于国家秘密', '3', '0', '3'],
      ['2.其他法律行政法规禁止公开', '1', '', ''],
    ]);
  });

  it('merged label and header cells add nothing to the rows below; Word’s empty sizing row is dropped', () => {
    const html = `<table><tr><td rowspan="2">行政复议</td><td colspan="2">结果</td></tr><tr><td>维持</td><td>纠正</td></tr>
      <tr><td>1</td><td>0</td><td>1</td></tr><tr height=0><td></td><td></td><td></td></tr></table>`;
    assert.deepEqual(extractHtml(html).lines.map((l) => l.cells), [['行政复议', '结果'], ['维持', '纠正'], ['1', '0', '1']]);
  });
});
