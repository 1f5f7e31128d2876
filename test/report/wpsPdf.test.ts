/**
 * The PDF reader on a WPS-style export (test/support/wpsPdf.ts builds it): positioned text, a label
 * misprinted in the original (`2.其他法律行政止公开`), labels wrapped over two lines with the figures
 * between the lines, and a 2021 report printing （六）其他处理 as one row of zeros.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReportBytes } from '../../src/report/parse/parseFile.ts';
import { wpsPdf, type WpsRow } from '../support/wpsPdf.ts';

const Z = [0, 0, 0, 0, 0, 0, 0];
/** [label as printed, figures, the row id it is, when it is a row of the 2021 template] */
const ROWS: [string, number[], string | null][] = [
  ['一、本年新收政府信息公开申请数量', [58, 4, 0, 1, 0, 0, 63], 'received'],
  ['二、上年结转政府信息公开申请数量', [2, 0, 0, 0, 0, 0, 2], 'carried_over'],
  ['三、本年度办理结果', [], null],
  ['（一）予以公开', [25, 2, 0, 0, 0, 0, 27], 'granted'],
  ['（二）部分公开（区分处理的，只计\n这一情形，不计其他情形）', [5, 0, 0, 0, 0, 0, 5], 'partially_granted'],
  ['（三）不予公开', [], null],
  ['1.属于国家秘密', Z, 'withheld.state_secret'],
  ['2.其他法律行政止公开', [1, 0, 0, 0, 0, 0, 1], 'withheld.prohibited_by_law'],
  ['3.危及“三安全一稳定”', Z, 'withheld.security_stability'],
  ['4.保护第三方合法权益', [1, 0, 0, 0, 0, 0, 1], 'withheld.third_party_rights'],
  ['5.属于三类内部事务信息', Z, 'withheld.internal_affairs'],
  ['6.属于四类过程性信息', [1, 0, 0, 0, 0, 0, 1], 'withheld.process_information'],
  ['7.属于行政执法案卷', Z, 'withheld.enforcement_file'],
  ['8.属于行政查询事项', Z, 'withheld.administrative_query'],
  ['（四）无法提供', [], null],
  ['1.本机关不掌握相关政府\n信息', [15, 1, 0, 1, 0, 0, 17], 'unavailable.not_held'],
  ['2.没有现成信息需要另行\n制作', [3, 0, 0, 0, 0, 0, 3], 'unavailable.needs_creation'],
  ['3.补正后申请内容仍不明确', Z, 'unavailable.still_unclear'],
  ['（五）不予处理', [], null],
  ['1.信访举报投诉类申请', [4, 0, 0, 0, 0, 0, 4], 'not_processed.petition_complaint'],
  ['2.重复申请', Z, 'not_processed.repeated'],
  ['3.要求提供公开出版物', Z, 'not_processed.publication'],
  ['4.无正当理由大量反复申请', Z, 'not_processed.mass_repetitive'],
  ['5.要求行政机关确认或重新\n出具已获取信息', Z, 'not_processed.confirm_or_reissue'],
  ['（六）其他处理', Z, null],
  ['（七）总计', [55, 3, 0, 1, 0, 0, 59], 'processed_total'],
  ['四、结转下年度继续办理', [5, 1, 0, 0, 0, 0, 6], 'carried_forward'],
];
const COLUMNS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];

describe('a WPS-exported PDF', async () => {
  const rows: WpsRow[] = ROWS.map(([label, figures]) => ({ label, figures }));
  const pdf = await wpsPdf(
    '龙门县自然资源局2022年政府信息公开工作年度报告',
    ['本报告中所列数据统计期限自2022年1月1日起至2022年12月31日止。', '三、收到和处理政府信息公开申请情况'],
    rows,
    ['四、政府信息公开行政复议、行政诉讼情况'],
  );
  const report = await parseReportBytes(new Uint8Array(pdf), 'longmen-zrzy-2022.pdf');

  it('is read on the 2021 form: a one-row （六）其他处理 is no sign of the 2019 form', () => {
    assert.equal(report.template, '2021');
    assert.equal(report.provenance?.['templateMismatch'], undefined);
  });

  it('reads every printed row: the misprinted label by its place, the wrapped labels and the rows after them', () => {
    for (const [, figures, id] of ROWS) {
      if (id === null) continue;
      assert.deepEqual(COLUMNS.map((c) => report.applications[id as 'received']![c as 'total']), figures, id);
    }
    assert.ok(report.provenance?.notes?.some((n) => n.includes('identified by its place')));
  });

  it('fills the three （六） rows with 0 from the group total of 0, marked inferred', () => {
    for (const id of ['other.no_supplement', 'other.unpaid_fee', 'other.other'] as const) {
      assert.deepEqual(Object.values(report.applications[id]!), Z, id);
    }
    const inferred = (report.provenance?.inferred ?? []).filter((c) => c.cell.startsWith('applications.other.'));
    assert.equal(inferred.length, 21);
    assert.match(inferred[0]!.reason, /（六）其他处理 prints 0/);
  });
});
