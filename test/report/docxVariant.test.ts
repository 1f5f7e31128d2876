/**
 * A DOCX report built here with the `docx` package the way agencies lay the tables out in Word —
 * merged label cells (three levels in table 3), merged header cells in table 4, blanks and `/` — and
 * read back through mammoth. The figures are the ones written into the document.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { APPLICANT_COLUMN_IDS, table3Rows, TABLE3_GROUPS } from '../../src/law/index.ts';
import { parseReportBytes } from '../../src/report/parse/parseFile.ts';
import { reportCells } from '../../src/report/reportData.ts';

type Printed = string | number;
const cell = (text: Printed, span: { rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({ children: [new Paragraph(String(text))], ...span });
const row = (cells: TableCell[]) => new TableRow({ children: cells });

/** Table 3 figures, by row id (template order of the seven columns); a string is printed as is (a blank). */
const FIGURES: Record<string, Printed[]> = {
  received: [17, 3, 0, 0, 1, 0, 21],
  carried_over: [1, 0, 0, 0, 0, 0, 1],
  granted: [8, 2, 0, 0, 1, 0, 11],
  partially_granted: [2, 0, 0, 0, 0, 0, 2],
  'withheld.third_party_rights': [1, 0, 0, 0, 0, 0, 1],
  'withheld.enforcement_file': ['/', '/', '/', '/', '/', '/', '/'],
  'unavailable.not_held': [5, 1, 0, 0, 0, 0, 6],
  'not_processed.repeated': [1, 0, '', 0, 0, 0, 1],
  processed_total: [17, 3, 0, 0, 1, 0, 21],
  carried_forward: [1, 0, 0, 0, 0, 0, 1],
};
const APPEALS = [0, 0, 1, 0, 1, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0];

function table3(): Table {
  const rows = table3Rows('2021');
  const out: TableRow[] = [
    row([cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rowSpan: 3, columnSpan: 3 }), cell('申请人情况', { columnSpan: 7 })]),
    row([cell('自然人', { rowSpan: 2 }), cell('法人或其他组织', { columnSpan: 5 }), cell('总计', { rowSpan: 2 })]),
    row(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => cell(t))),
  ];
  const started = new Set<string>();
  for (const r of rows) {
    const figures = (FIGURES[r.id] ?? [0, 0, 0, 0, 0, 0, 0]).map((v) => cell(v));
    const groups = r.groups as readonly (keyof typeof TABLE3_GROUPS)[];
    const labels: TableCell[] = [];
    if (groups.length === 0) labels.push(cell(r.number + r.name, { columnSpan: 3 }));
    else {
      if (!started.has('results')) {
        started.add('results');
        labels.push(cell('三、本年度办理结果', { rowSpan: rows.filter((x) => x.groups.length > 0).length }));
      }
      const inner = groups[1];
      if (inner === undefined) labels.push(cell(r.number + r.name, { columnSpan: 2 }));
      else {
        if (!started.has(inner)) {
          started.add(inner);
          const g = TABLE3_GROUPS[inner];
          labels.push(cell(g.number + g.name, { rowSpan: rows.filter((x) => (x.groups as readonly string[]).includes(inner)).length }));
        }
        labels.push(cell(r.number + r.name));
      }
    }
    out.push(row([...labels, ...figures]));
  }
  return new Table({ rows: out });
}

function table4(): Table {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return new Table({
    rows: [
      row([cell('行政复议', { columnSpan: 5 }), cell('行政诉讼', { columnSpan: 10 })]),
      row([...results.map((t) => cell(t, { rowSpan: 2 })), cell('未经复议直接起诉', { columnSpan: 5 }), cell('复议后起诉', { columnSpan: 5 })]),
      row([...results, ...results].map((t) => cell(t))),
      row(APPEALS.map((v) => cell(v))),
    ],
  });
}

function table2(): Table {
  const caption = (item: string) => row([cell(`第二十条第（${item}）项`, { columnSpan: 4 })]);
  const header = (label: string) => row([cell('信息内容'), cell(label, { columnSpan: 3 })]);
  const one = (label: string, value: Printed) => row([cell(label), cell(value, { columnSpan: 3 })]);
  return new Table({
    rows: [
      caption('一'),
      row(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'].map((t) => cell(t))),
      row(['规章', '/', '/', '/'].map((t) => cell(t))),
      row(['行政规范性文件', 1, 0, 12].map((t) => cell(t))),
      caption('五'), header('本年处理决定数量'), one('行政许可', '2,046'),
      caption('六'), header('本年处理决定数量'), one('行政处罚', 37), one('行政强制', 0),
      caption('八'), header('本年收费金额（单位：万元）'), one('行政事业性收费', 12.5),
    ],
  });
}

async function buildDocx(): Promise<Uint8Array> {
  const p = (text: string) => new Paragraph(text);
  const doc = new Document({
    sections: [{
      children: [
        p('2024年度白沙县文化广电和旅游体育局政府信息公开工作年度报告'),
        p('本报告所列数据统计期限为2024年1月1日至2024年12月31日。'),
        p('一、总体情况'), p('2024年，本局收到政府信息公开申请21件。'),
        p('二、主动公开政府信息情况'), table2(),
        p('三、收到和处理政府信息公开申请情况'), table3(),
        p('四、政府信息公开行政复议、行政诉讼情况'), table4(),
        p('五、存在的主要问题及改进情况'), p('公开的及时性有待提高。'),
        p('六、其他需要报告的事项'), p('无。'),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('a DOCX report with merged cells (built with docx, read through mammoth)', () => {
  it('parses to the figures written into it; blanks and / are unknown', async () => {
    const report = await parseReportBytes(await buildDocx(), '年报.docx');
    assert.equal(report.agency, '白沙县文化广电和旅游体育局');
    assert.equal(report.year, 2024);
    assert.equal(report.template, '2021');
    assert.deepEqual(report.proactive, {
      rules: { issued: null, repealed: null, in_force: null },
      normative_documents: { issued: 1, repealed: 0, in_force: 12 },
      licensing: { decisions: 2046 },
      punishment: { decisions: 37 },
      coercion: { decisions: 0 },
      fees: { amount_wan: 12.5 },
    });
    for (const r of table3Rows('2021')) {
      const printed = FIGURES[r.id] ?? [0, 0, 0, 0, 0, 0, 0];
      const expected = Object.fromEntries(APPLICANT_COLUMN_IDS.map((c, i) => [c, typeof printed[i] === 'number' ? printed[i] : null]));
      assert.deepEqual(report.applications[r.id], expected, r.id);
    }
    assert.deepEqual(report.appeals, {
      reconsideration: { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 },
      litigation_direct: { upheld: 2, corrected: 0, other: 0, pending: 0, total: 2 },
      litigation_after_reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    });
    const nulls = [...reportCells(report)].filter((c) => c.value === null).map((c) => `${c.table}.${c.row}.${c.column}`);
    assert.deepEqual(report.provenance?.missing, nulls);
    assert.equal(nulls.length, 3 + 7 + 1);
  });
});
