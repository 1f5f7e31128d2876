import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as cheerio from 'cheerio';
import { REPORT_CSS, renderReportHtml } from './html.ts';
import { reportTables } from './tableLayout.ts';
import { FULL_NARRATIVE, fullReport2021, seedJson, seedReport } from '../../../test/support/reportFixtures.ts';

/** Every `table.row.column` figure of the fixture file, as the renderer should print it. */
function fixtureFigures(json: Record<string, Record<string, Record<string, number | null>>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const table of ['proactive', 'applications', 'appeals']) {
    for (const [row, columns] of Object.entries(json[table] ?? {})) {
      for (const [column, value] of Object.entries(columns)) out.set(`${table}.${row}.${column}`, value === null ? '' : column === 'amount_wan' && row === 'procurement' ? `${value.toFixed(2)}万元` : String(value));
    }
  }
  return out;
}

describe('HTML renderer', () => {
  const seedHtml = renderReportHtml(seedReport(), { standalone: true });
  const $ = cheerio.load(seedHtml);

  it('prints every figure of the seed in the cell it belongs to', () => {
    const expected = fixtureFigures(seedJson());
    const printed = new Map($('td[data-cell]').toArray().map((el) => [$(el).attr('data-cell')!, $(el).text()]));
    assert.equal(printed.size, expected.size);
    for (const [path, value] of expected) assert.equal(printed.get(path), value, path);
    // the 2019 form's 采购总金额 has no unit in its label: the cell carries it
    assert.equal($('td[data-cell="proactive.procurement.amount_wan"]').text(), '1259.80万元');
  });

  it('leaves the four unknown table-4 cells empty, not 0', () => {
    for (const column of ['corrected', 'other', 'pending', 'total']) {
      assert.equal($(`td[data-cell="appeals.litigation_after_reconsideration.${column}"]`).text(), '');
    }
    assert.equal($('td[data-cell="appeals.litigation_after_reconsideration.upheld"]').text(), '0');
  });

  it('is a standalone printable page', () => {
    assert.match(seedHtml, /^<!doctype html>/);
    assert.equal($('html').attr('lang'), 'zh-CN');
    assert.equal($('meta[charset]').attr('charset'), 'utf-8');
    assert.match($('style').text(), /@page \{ size: A4/);
    assert.equal($('title').text(), '国家信访局2020年政府信息公开工作年度报告');
    assert.equal($('h1').text(), '国家信访局2020年政府信息公开工作年度报告');
    assert.deepEqual($('h2').toArray().map((el) => $(el).text()), [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('merges the header cells of tables 3 and 4 as the template does', () => {
    const th = (text: string) => $('th').filter((_, el) => $(el).text() === text).first();
    const spans = (text: string) => [th(text).attr('rowspan') ?? '1', th(text).attr('colspan') ?? '1', th(text).attr('scope')];
    assert.deepEqual(spans('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), ['3', '3', 'col']);
    assert.deepEqual(spans('申请人情况'), ['1', '7', 'colgroup']);
    assert.deepEqual(spans('自然人'), ['2', '1', 'col']);
    assert.deepEqual(spans('法人或其他组织'), ['1', '5', 'colgroup']);
    assert.deepEqual(spans('三、本年度办理结果'), ['20', '1', 'row']);
    assert.deepEqual(spans('（三）不予公开'), ['8', '1', 'row']);
    assert.deepEqual(spans('一、本年新收政府信息公开申请数量'), ['1', '3', 'row']);
    assert.deepEqual(spans('行政复议'), ['1', '5', 'colgroup']);
    // 行政复议's five results span the second and third header rows, as on the official form
    assert.deepEqual($('table.gk-table-appeals thead tr').eq(1).find('th').slice(0, 5).toArray().map((el) => $(el).attr('rowspan')), ['2', '2', '2', '2', '2']);
    assert.deepEqual(spans('行政诉讼'), ['1', '10', 'colgroup']);
    assert.deepEqual(spans('第二十条第（一）项'), ['1', '4', 'rowgroup']);
    const appeals = $('table.gk-table-appeals');
    assert.equal(appeals.find('thead tr').length, 3);
    assert.equal(appeals.find('tbody tr td').length, 15);
    assert.equal($('table.gk-table-applications thead tr').length, 3);
    assert.equal($('table.gk-table-applications tbody tr').length, 23);
    assert.equal($('table.gk-table-proactive tbody').length, 5);
    assert.deepEqual($('caption').toArray().map((el) => $(el).text()), ['主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况']);
  });

  it('renders an embeddable fragment of a full 2021 report, escaping its text', () => {
    const report = fullReport2021();
    const html = renderReportHtml(report, { standalone: false });
    assert.match(html, /^<article class="gk-report"/);
    assert.doesNotMatch(html, /<!doctype|<html|<style/);
    const $f = cheerio.load(html);
    assert.equal($f('#gk-overview p').eq(1).text(), '全年主动公开政府信息<1024>条 & 更多。');
    assert.match(html, /&lt;1024&gt;条 &amp; 更多/);
    assert.equal($f('#gk-preamble, article > p').length, FULL_NARRATIVE.preamble.split('\n').length);
    for (const [row, cells] of Object.entries(report.applications)) {
      for (const [column, value] of Object.entries(cells)) assert.equal($f(`td[data-cell="applications.${row}.${column}"]`).text(), String(value));
    }
    assert.equal($f('th').filter((_, el) => $f(el).text() === '（六）其他处理').attr('rowspan'), '3');
    assert.equal($f('td[data-cell="proactive.fees.amount_wan"]').attr('colspan'), '3');
  });

  describe('as a reader sees it', () => {
    /** The declarations of the rule for exactly `selector` in REPORT_CSS. */
    const rule = (selector: string): string => {
      const at = REPORT_CSS.indexOf(`\n${selector} {`);
      assert.ok(at >= 0, selector);
      return REPORT_CSS.slice(at, REPORT_CSS.indexOf('}', at));
    };

    it('lays tables out fixed, in columns weighted as the grid says', () => {
      assert.match(rule('.gk-report table'), /table-layout: fixed/);
      const grids = reportTables(seedReport());
      $('table').each((i, table) => {
        const widths = $(table).find('colgroup col').toArray().map((col) => Number(/width: ([\d.]+)%/.exec($(col).attr('style') ?? '')?.[1]));
        const weights = grids[i]!.columnWeights;
        assert.equal(widths.length, grids[i]!.columnCount);
        assert.ok(Math.abs(widths.reduce((a, b) => a + b, 0) - 100) < 0.01);
        const total = weights.reduce((a, b) => a + b, 0);
        widths.forEach((w, k) => assert.ok(Math.abs(w - (weights[k]! / total) * 100) < 0.001));
      });
      // The figure columns of table 3 are even, and figures never wrap (21870 stayed one line).
      const figures = $('table.gk-table-applications col').toArray().slice(3).map((col) => $(col).attr('style'));
      assert.equal(new Set(figures).size, 1);
      assert.match(rule('.gk-report td.gk-num'), /white-space: nowrap/);
    });

    it('lets the title break after the agency only', () => {
      assert.deepEqual($('h1 .gk-title-line').toArray().map((el) => $(el).text()), ['国家信访局', '2020年政府信息公开工作年度报告']);
      assert.match(rule('.gk-report h1 .gk-title-line'), /display: inline-block/);
    });

    it('prints without pushing a table with merged row labels off its page', () => {
      // break-inside: avoid on a row holding a rowspan cell made Chromium move the 20 rows of 三、本年度办理结果 to a page of their own.
      assert.doesNotMatch(REPORT_CSS, /(^|[\s,])\.gk-report tr\s*\{[^}]*break-inside: avoid/);
      assert.match(REPORT_CSS, /th:not\(\[rowspan\]\) \{[^}]*break-inside: avoid/);
      assert.match(rule('.gk-report h2'), /break-after: avoid/);
      assert.match(REPORT_CSS, /\.gk-report thead \{ display: table-header-group; \}/);
    });
  });
});
