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

  it('a table split at a page break: rows short of the label cells merged down in the first part lose no figure', () => {
    const lines = gridLines([
      [c('（三）不予公开', 1), c('1.属于国家秘密'), c('0'), c('—'), c('0')],
      [c('（四）无法提供', 2), c('1.本机关不掌握相关政府信息'), c('3'), c('0'), c('3')],
      [c('2.没有现成信息需要另行制作'), c('1'), c(''), c('1')],
    ]);
    assert.deepEqual(lines[2], ['2.没有现成信息需要另行制作', '1', '', '1']);
  });
});
