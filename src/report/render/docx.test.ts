import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { DOCX_TEXT_WIDTH_TWIPS, TABLE_STYLE, columnWidthsTwips, keptWithNext, renderReportDocx } from './docx.ts';
import { reportTables } from './tableLayout.ts';
import { fullReport2021, rollUpReport, seedJson, seedReport } from '../../../test/support/reportFixtures.ts';

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

/** Each table's XML, and in it each row's XML and each cell's XML. */
function tablesOf(xml: string): { xml: string; rows: string[][] }[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([table]) => ({
    xml: table,
    rows: [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([row]) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([tc]) => tc)),
  }));
}

const numberOf = (xml: string, re: RegExp) => Number(re.exec(xml)?.[1] ?? NaN);

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
    assert.deepEqual(texts.slice(procurement + 1, procurement + 3), ['28', '1259.80万元']);
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
    assert.match(styles, /w:eastAsia="宋体"/); // the table text styles
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

  describe('as a reader sees it', async () => {
    const tables = tablesOf(document);
    const full = tablesOf((await partsOf(await renderReportDocx(fullReport2021()))).document);

    it('fills the text width exactly, in every table and every row', () => {
      for (const { xml, rows } of [...tables, ...full]) {
        const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
        assert.equal(grid.reduce((a, b) => a + b, 0), DOCX_TEXT_WIDTH_TWIPS);
        for (const row of rows) {
          assert.equal(row.reduce((a, tc) => a + numberOf(tc, /<w:tcW w:type="dxa" w:w="(\d+)"\/>/), 0), DOCX_TEXT_WIDTH_TWIPS);
          assert.equal(row.reduce((a, tc) => a + (numberOf(tc, /<w:gridSpan w:val="(\d+)"\/>/) || 1), 0), grid.length);
        }
      }
    });

    it('gives the figure columns of tables 3 and 4 one even width', () => {
      const [, applications, appeals] = tables.map(({ xml }) => [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])));
      const figures = applications!.slice(3);
      assert.equal(figures.length, 7);
      assert.ok(Math.max(...figures) - Math.min(...figures) <= 1, String(figures));
      assert.ok(Math.max(...appeals!) - Math.min(...appeals!) <= 1, String(appeals));
      // The label columns leave the figures at least two 小五 characters (18pt) beside their cell margins.
      const margin = (side: string) => numberOf(tables[1]!.xml, new RegExp(`<w:tblCellMar>[\\s\\S]*?<w:${side} w:type="dxa" w:w="(\\d+)"/>`));
      assert.ok(Math.min(...figures) - margin('left') - margin('right') >= 2 * 9 * 20);
    });

    it('repeats the header rows of tables 3 and 4 on each page, and only those', () => {
      const headers = tables.map(({ xml }) => [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([r], i) => ({ i, header: /<w:trPr>[\s\S]*?<w:tblHeader\/>[\s\S]*?<\/w:trPr>/.test(r) })));
      assert.ok(headers[0]!.every((r) => !r.header));
      for (const t of [1, 2]) {
        assert.deepEqual(headers[t]!.filter((r) => r.header).map((r) => r.i), [0, 1, 2]);
      }
      assert.equal(document.match(/<w:tblHeader\/>/g)?.length, 6);
    });

    it('centres every cell vertically and never lets a row split', () => {
      for (const { rows } of tables) {
        for (const tc of rows.flat()) assert.match(tc, /<w:vAlign w:val="center"\/>/);
      }
      assert.equal(document.match(/<w:cantSplit\/>/g)?.length, tables.reduce((a, t) => a + t.rows.length, 0));
    });

    it('sets table text, empty cells included, in the table styles, not the body size', () => {
      // An empty paragraph takes its size from its style; without one it took the body's 三号 and stretched its row.
      const style = (id: string) => new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">([\\s\\S]*?)</w:style>`).exec(styles)?.[1] ?? '';
      assert.match(style(TABLE_STYLE.normal), /w:eastAsia="宋体"[\s\S]*<w:sz w:val="21"\/>/);
      assert.match(style(TABLE_STYLE.normal), /<w:spacing w:after="0" w:before="0"/);
      assert.match(style(TABLE_STYLE.small), new RegExp(`<w:basedOn w:val="${TABLE_STYLE.normal}"/>[\\s\\S]*<w:sz w:val="18"/>`));
      tables.forEach(({ rows }, t) => {
        const expected = t === 0 ? TABLE_STYLE.normal : TABLE_STYLE.small;
        for (const tc of rows.flat()) {
          const paragraphs = [...tc.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map(([p]) => p);
          assert.equal(paragraphs.length, 1);
          assert.match(paragraphs[0]!, new RegExp(`<w:pStyle w:val="${expected}"/>`));
          assert.doesNotMatch(paragraphs[0]!, /<w:sz /); // no run overrides the style
        }
      });
      const continuations = tables.flatMap((t) => t.rows.flat()).filter((tc) => /<w:vMerge w:val="continue"\/>|<w:vMerge\/>/.test(tc));
      assert.ok(continuations.length >= 20);
      for (const tc of continuations) assert.deepEqual(runTexts(tc), []);
      // The four unknown table-4 cells are empty cells of their own, not missing ones.
      assert.equal(tables[2]!.rows[3]!.length, 15);
      assert.deepEqual(tables[2]!.rows[3]!.slice(11).map(runTexts), [[], [], [], []]);
    });

    it('breaks a title too long for one line after the agency', () => {
      const title = /<w:body><w:p>([\s\S]*?)<\/w:p>/.exec(document)![1]!;
      assert.match(title, /<w:jc w:val="center"\/>/);
      assert.deepEqual(runTexts(title), ['国家信访局', '2020年政府信息公开工作年度报告']);
      assert.match(title, /<w:br\/><w:t xml:space="preserve">2020年/);
      assert.match(title, /w:eastAsia="方正小标宋简体"/);
    });

    it('keeps a table heading and its lead-in with the header rows and first body rows', async () => {
      const xml = (await partsOf(await renderReportDocx(fullReport2021()))).document;
      const lead = /<w:p>(?:(?!<w:p>)[\s\S])*?本年度收到和处理政府信息公开申请情况如下。[\s\S]*?<\/w:p>/.exec(xml)![0];
      assert.match(lead, /<w:keepNext\/>/);
      const kept = full[1]!.rows.map((r) => r.every((tc) => /<w:keepNext\/>/.test(tc)));
      const free = full[1]!.rows.map((r) => r.every((tc) => !/<w:keepNext\/>/.test(tc)));
      assert.deepEqual(kept.slice(0, 5), [true, true, true, true, true]); // three header rows, the first two body rows
      // every merged group stays on one page — 三、本年度办理结果 spans all the outcome rows, so the table does
      assert.deepEqual(kept.slice(0, -1), Array<boolean>(kept.length - 1).fill(true));
      assert.equal(free.at(-1), true);
      assert.deepEqual([kept.at(-2), free.at(-1)], [true, true]);
    });
  });

  it('rounds column widths to add up to the text width', () => {
    for (const grid of reportTables(seedReport())) {
      const widths = columnWidthsTwips(grid.columnWeights, DOCX_TEXT_WIDTH_TWIPS);
      assert.equal(widths.reduce((a, b) => a + b, 0), DOCX_TEXT_WIDTH_TWIPS);
      assert.equal(widths.length, grid.columnCount);
    }
    assert.deepEqual(columnWidthsTwips([1, 1, 1], 100), [34, 33, 33]);
  });

  it('uses Word heading styles for the title and the section headings', () => {
    assert.match(document, /<w:pStyle w:val="Title"\/>/);
    assert.equal([...document.matchAll(/<w:pStyle w:val="Heading1"\/>/g)].length, 6);
    assert.match(styles, /<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?w:eastAsia="黑体"/);
  });

  it('numbers odd pages at the right and even pages at the left (GB/T 9704)', async () => {
    const zip = await JSZip.loadAsync(buffer);
    assert.match(await zip.file('word/settings.xml')!.async('string'), /<w:evenAndOddHeaders\/>/);
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const sides = footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort();
    assert.deepEqual(sides, ['left', 'right']);
    assert.match(document, /<w:footerReference w:type="even"/);
  });

  it('sets a seven-digit roll-up figure small enough to stay on one line', async () => {
    const rolled = (await partsOf(await renderReportDocx(rollUpReport()))).document;
    const t4 = tablesOf(rolled)[2]!;
    const figureCells = t4.rows.at(-1)!.filter((tc) => /<w:t(?: [^>]*)?>\d{7,}</.test(tc));
    assert.ok(figureCells.length > 0);
    for (const tc of figureCells) {
      const width = numberOf(tc, /<w:tcW w:type="dxa" w:w="(\d+)"\/>/);
      const text = runTexts(tc).join('');
      const size = numberOf(tc, /<w:sz w:val="(\d+)"\/>/) || 18;
      assert.ok(text.length * 0.68 * (size / 2) <= (width - 120) / 20 + 0.01, `${text} at ${size / 2}pt in ${width} twips`);
    }
  });

  it('keeps each table-2 block whole and lets it break between blocks', () => {
    const [proactive] = reportTables(seedReport());
    const keep = keptWithNext(proactive!);
    let r = 0;
    for (const group of proactive!.groups) {
      const inBlock = keep.slice(r, r + group.rows.length);
      assert.deepEqual(inBlock, group.rows.map((_, i) => i < group.rows.length - 1));
      r += group.rows.length;
    }
  });
});
