import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { renderReportDocx } from './docx.ts';
import { fullReport2021, seedJson, seedReport } from './testReports.ts';

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The text of every <w:t>, in document order. */
function runTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!));
}

async function partsOf(buffer: Buffer): Promise<{ document: string; fonts: string; styles: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const read = (path: string) => zip.file(path)!.async('string');
  return { document: await read('word/document.xml'), fonts: await read('word/fontTable.xml'), styles: await read('word/styles.xml') };
}

describe('DOCX renderer', async () => {
  const buffer = await renderReportDocx(seedReport());
  const { document, fonts, styles } = await partsOf(buffer);
  const texts = runTexts(document);
  const json = seedJson();

  it('is a zip Word document with three tables', () => {
    assert.equal(buffer.subarray(0, 2).toString(), 'PK');
    assert.equal(document.match(/<w:tbl>/g)?.length, 3);
  });

  it('merges cells with gridSpan and vMerge', () => {
    assert.match(document, /<w:gridSpan w:val="7"\/>/); // 申请人情况
    assert.match(document, /<w:gridSpan w:val="10"\/>/); // 行政诉讼
    assert.match(document, /<w:gridSpan w:val="5"\/>/);
    assert.ok((document.match(/<w:vMerge w:val="restart"\/>/g)?.length ?? 0) >= 8);
    assert.ok((document.match(/<w:vMerge(?: w:val="continue")?\/>/g)?.length ?? 0) >= 20);
  });

  it('prints every table-3 row label followed by its seven figures', () => {
    const columns = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];
    const labels: Record<string, string> = {
      received: '一、本年新收政府信息公开申请数量',
      granted: '（一）予以公开',
      'withheld.state_secret': '1.属于国家秘密',
      'withheld.administrative_query': '8.属于行政查询事项',
      'unavailable.not_held': '1.本机关不掌握相关政府信息',
      'not_processed.petition_complaint': '1.信访举报投诉类申请',
      other: '（六）其他处理',
      processed_total: '（七）总计',
      carried_forward: '四、结转下年度继续办理',
    };
    for (const [row, label] of Object.entries(labels)) {
      const at = texts.indexOf(label);
      assert.ok(at >= 0, label);
      assert.deepEqual(texts.slice(at + 1, at + 8), columns.map((c) => String(json.applications![row]![c])), row);
    }
  });

  it('prints table 2 and table 4 figures in order, unknown cells empty', () => {
    const procurement = texts.indexOf('政府集中采购');
    assert.deepEqual(texts.slice(procurement + 1, procurement + 3), ['28', '1259.8']);
    const lastLeaf = texts.lastIndexOf('总计');
    // 15 cells, 4 of them unknown: 11 figures, then the next section heading.
    assert.deepEqual(texts.slice(lastLeaf + 1, lastLeaf + 13), ['1', '0', '14', '0', '15', '0', '0', '0', '0', '0', '0', '五、存在的主要问题及改进情况']);
  });

  it('uses A4, official margins and declares the official fonts with fallbacks', () => {
    assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(document, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    assert.match(document, /w:eastAsia="方正小标宋简体"/);
    assert.match(document, /w:eastAsia="黑体"/);
    assert.match(styles, /w:eastAsia="仿宋_GB2312"/); // the body's default font
    assert.match(document, /w:eastAsia="宋体"/);
    assert.match(fonts, /<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    assert.match(fonts, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
  });

  it('reads back with mammoth, merged table cells included', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer });
    assert.match(html, /<th colspan="3" rowspan="3"><p>（本列数据的勾稽关系为/);
    assert.equal(html.match(/<thead>/g)?.length, 2); // the header rows of tables 3 and 4 repeat on each page
    assert.match(html, /<td rowspan="20"><p>三、本年度办理结果<\/p><\/td>/);
    assert.match(html, /<th colspan="7"><p>申请人情况<\/p><\/th>/);
    assert.match(html, /<td rowspan="8"><p>（三）不予公开<\/p><\/td>/);
  });

  it('renders a full 2021 report with narrative and the three （六） rows', async () => {
    const report = fullReport2021();
    const { document: xml } = await partsOf(await renderReportDocx(report));
    const all = runTexts(xml);
    assert.ok(all.includes('全年主动公开政府信息<1024>条 & 更多。'));
    const at = all.indexOf('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    assert.ok(at > 0);
    const unpaid = report.applications['other.unpaid_fee']!;
    assert.deepEqual(all.slice(at + 1, at + 8), Object.values(unpaid).map(String));
    assert.ok(all.includes('本年收费金额（单位：万元）'));
  });
});
