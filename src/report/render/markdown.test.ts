import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReportMarkdown } from './markdown.ts';
import { fullReport2021, seedJson, seedReport } from '../../../test/support/reportFixtures.ts';

interface PipeTable {
  caption: string | null;
  header: string[];
  rows: string[][];
}

/** Read the pipe tables back: header, separator, rows; a bold line just before a table is its caption. */
function parsePipeTables(markdown: string): PipeTable[] {
  const lines = markdown.split('\n');
  const tables: PipeTable[] = [];
  const split = (line: string) => line.slice(2, -2).split(' | ').map((c) => c.trim());
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('| ') || !lines[i + 1]?.startsWith('| ---')) continue;
    const before = lines[i - 2] ?? '';
    const table: PipeTable = { caption: /^\*\*(.+)\*\*$/.exec(before)?.[1] ?? null, header: split(lines[i]!), rows: [] };
    i += 2;
    while (lines[i]?.startsWith('| ')) table.rows.push(split(lines[i++]!));
    tables.push(table);
  }
  return tables;
}

describe('Markdown renderer', () => {
  const markdown = renderReportMarkdown(seedReport());
  const tables = parsePipeTables(markdown);
  const json = seedJson();

  it('prints the title and the six section headings', () => {
    assert.match(markdown, /^# 国家信访局2020年政府信息公开工作年度报告\n/);
    assert.equal(markdown.match(/^## /gm)?.length, 6);
    assert.match(markdown, /^## 四、政府信息公开行政复议、行政诉讼情况$/m);
  });

  it('prints table 2 as one table per block, captioned', () => {
    const blocks = tables.filter((t) => t.caption?.startsWith('第二十条'));
    assert.deepEqual(blocks.map((b) => b.caption), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']);
    assert.deepEqual(blocks[0]!.header, ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    assert.deepEqual(blocks[0]!.rows[1], ['规范性文件', '17', '3', '116']);
    assert.deepEqual(blocks[4]!.rows[0], ['政府集中采购', String(json.proactive!.procurement!.items), `${json.proactive!.procurement!.amount_wan!.toFixed(2)}万元`]);
  });

  it('flattens table 3 to one header row with the whole header path (申请人情况 included) and joined row labels that read back to the fixture', () => {
    const t3 = tables.find((t) => t.header[0]?.startsWith('（本列数据'))!;
    assert.deepEqual(t3.header.slice(1), ['自然人', '法人或其他组织·商业企业', '法人或其他组织·科研机构', '法人或其他组织·社会公益组织', '法人或其他组织·法律服务机构', '法人或其他组织·其他', '总计'].map((h) => `申请人情况·${h}`));
    const columns = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];
    const rowIds = Object.keys(json.applications!);
    assert.equal(t3.rows.length, rowIds.length);
    t3.rows.forEach((row, i) => {
      assert.deepEqual(row.slice(1), columns.map((c) => String(json.applications![rowIds[i]!]![c])), rowIds[i]);
    });
    assert.equal(t3.rows[4]![0], '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密');
    assert.equal(t3.rows[11]![0], '三、本年度办理结果 / （三）不予公开 / 8.属于行政查询事项');
    assert.equal(t3.rows[0]![0], '一、本年新收政府信息公开申请数量');
  });

  it('prints table 4 as 15 joined columns with the unknown cells blank', () => {
    const t4 = tables.at(-1)!;
    assert.equal(t4.header.length, 15);
    assert.equal(t4.header[0], '行政复议·结果维持');
    assert.equal(t4.header[14], '行政诉讼·复议后起诉·总计');
    const expected = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'].flatMap((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => json.appeals![g]![c]),
    );
    assert.deepEqual(t4.rows[0], expected.map((v) => (v === null ? '' : String(v))));
    assert.deepEqual(t4.rows[0]!.slice(11), ['', '', '', '']);
  });

  it('renders a full 2021 report with its narrative and the three （六） rows', () => {
    const md = renderReportMarkdown(fullReport2021());
    const t3 = parsePipeTables(md).find((t) => t.header[0]?.startsWith('（本列数据'))!;
    assert.equal(t3.rows.length, 25);
    assert.ok(t3.rows.some((r) => r[0] === '三、本年度办理结果 / （六）其他处理 / 3.其他'));
    assert.match(md, /^一是公开内容不够全面。$/m);
    assert.match(md, /全年主动公开政府信息\\<1024\\>条 & 更多。/);
  });
});
