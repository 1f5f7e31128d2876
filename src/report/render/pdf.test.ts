import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { extractText, getDocumentProxy } from 'unpdf';
import { renderReportPdf } from './pdf.ts';
import { fullReport2021, rollUpReport, seedJson, seedReport } from '../../../test/support/reportFixtures.ts';
import { NO_LINE_START } from './cjkLines.ts';
import { reportCells } from '../reportData.ts';
import type { ReportData } from '../reportData.ts';

interface Item {
  str: string;
  x: number;
  y: number;
  page: number;
}

/** Every non-blank text item with its position, page by page. */
async function textItems(pdf: Buffer): Promise<Item[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const items: Item[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const item of content.items) {
      if ('str' in item && item.str.trim() !== '') items.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, page: p });
    }
  }
  return items;
}

/** The items printed on the same line as `label`, right of it, left to right. */
function sameLine(items: Item[], label: string): string[] {
  const at = items.find((i) => i.str === label);
  assert.ok(at, `no text item ${label}`);
  return items
    .filter((i) => i.page === at.page && Math.abs(i.y - at.y) < 2 && i.x > at.x)
    .sort((a, b) => a.x - b.x)
    .map((i) => i.str);
}

interface DrawnCell {
  /** The cell's rectangle, top-down (pdfkit flips the page). */
  top: number;
  height: number;
  /** Baseline (top-down) and size of each line of text drawn in it. */
  lines: { baseline: number; size: number }[];
}

/** Every ruled cell of every page's content stream, with the text lines drawn after it. */
function drawnCells(pdf: Buffer): DrawnCell[] {
  const cells: DrawnCell[] = [];
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue; // a font or image stream
    }
    const pageHeight = Number(/^1 0 0 -1 0 ([\d.]+) cm/.exec(content)?.[1] ?? NaN);
    let current: DrawnCell | null = null;
    for (const op of content.matchAll(/(\S+) (\S+) \S+ (\S+) re\b|1 0 0 1 \S+ (\S+) Tm\s+\/F\d+ (\S+) Tf/g)) {
      if (op[3] !== undefined) {
        current = { top: Number(op[2]), height: Number(op[3]), lines: [] };
        cells.push(current);
      } else current?.lines.push({ baseline: pageHeight - Number(op[4]), size: Number(op[5]) });
    }
  }
  return cells;
}

const COLUMNS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];

describe('PDF renderer', async () => {
  const pdf = await renderReportPdf(seedReport());
  const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
  const items = await textItems(pdf);
  const json = seedJson();

  it('is an A4 PDF with the Chinese text extractable', async () => {
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const [, , width, height] = (await doc.getPage(1)).view;
    assert.deepEqual([Math.round(width!), Math.round(height!)], [595, 842]);
    assert.ok(totalPages >= 2 && totalPages <= 5, `${totalPages} pages`);
    for (const label of ['国家信访局2020年政府信息公开工作年度报告', '本年新收政府信息公开申请数量', '属于行政查询事项', '未经复议直接起诉', '第二十条第（九）项', '申请人情况']) {
      assert.ok(text.includes(label), label);
    }
    // Table 4's fifteen narrow columns wrap their labels in two lines, as the official layout does.
    assert.equal(text.replace(/\s/g, '').match(/结果维持/g)?.length, 3);
  });

  it('keeps the six sections in order', () => {
    const headings = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    const at = headings.map((h) => text.indexOf(h));
    assert.ok(at.every((i) => i >= 0), 'a heading is missing');
    assert.deepEqual([...at].sort((a, b) => a - b), at);
  });

  it('prints each table-3 row figures on the row label line', () => {
    const rows: Record<string, string> = {
      received: '一、本年新收政府信息公开申请数量',
      carried_over: '二、上年结转政府信息公开申请数量',
      granted: '（一）予以公开',
      'withheld.state_secret': '1.属于国家秘密',
      'withheld.internal_affairs': '5.属于三类内部事务信息',
      'withheld.administrative_query': '8.属于行政查询事项',
      'unavailable.not_held': '1.本机关不掌握相关政府信息',
      'not_processed.petition_complaint': '1.信访举报投诉类申请',
      'not_processed.repeated': '2.重复申请',
      other: '（六）其他处理',
      processed_total: '（七）总计',
      carried_forward: '四、结转下年度继续办理',
    };
    for (const [row, label] of Object.entries(rows)) {
      assert.deepEqual(sameLine(items, label), COLUMNS.map((c) => String(json.applications![row]![c])), row);
    }
  });

  it('prints table 2 figures as they are and table 4 with its unknown cells blank', () => {
    assert.deepEqual(sameLine(items, '政府集中采购'), ['28', '1259.80万元']);
    assert.deepEqual(sameLine(items, '规范性文件'), ['17', '3', '116']);
    const leaves = items.filter((i) => i.str === '结果');
    assert.equal(leaves.length, 3 * 3); // 结果维持, 结果纠正, 其他结果 wrap as 结果/维持 … in 15 narrow columns
    const firstFigure = items.find((i) => i.str === '14')!;
    const row = items.filter((i) => i.page === firstFigure.page && Math.abs(i.y - firstFigure.y) < 2).sort((a, b) => a.x - b.x);
    assert.deepEqual(row.map((i) => i.str), ['1', '0', '14', '0', '15', '0', '0', '0', '0', '0', '0']);
  });

  it('sets the body in a serif face and the headings in a sans (黑体-like) face, both embedded as subsets', () => {
    const fonts = [...pdf.toString('latin1').matchAll(/\/BaseFont \/([A-Z]{6})\+([\w-]+)/g)].map((m) => m[2]);
    assert.ok(fonts.some((f) => /NotoSerifSC/.test(f!)), fonts.join(' '));
    assert.ok(fonts.some((f) => /NotoSansHans-Bold/.test(f!)), fonts.join(' '));
  });

  it('numbers odd pages at the right and even pages at the left (GB/T 9704)', () => {
    assert.ok(totalPages >= 2);
    for (let p = 1; p <= totalPages; p++) {
      const number = items.find((i) => i.page === p && i.str.replace(/\s/g, '') === `—${p}—`);
      assert.ok(number, `page ${p}`);
      if (p % 2 === 1) assert.ok(number.x > 595 / 2, `page ${p} number at x ${number.x}`);
      else assert.ok(number.x < 595 / 4, `page ${p} number at x ${number.x}`);
    }
  });

  it('prints a seven-digit roll-up with every figure whole on one line, and no line starting with closing punctuation', async () => {
    const report = rollUpReport();
    report.narrative = { overview: `全年共收到政府信息公开申请${report.applications.received!.total}件（含上年结转），较上年增加1234567件。`.repeat(6) };
    const rolled = await textItems(await renderReportPdf(report));
    const printed = new Set(rolled.map((i) => i.str.trim()));
    const figures = [...reportCells(report)].filter((c) => c.value !== null && c.value >= 1_000_000).map((c) => String(c.value));
    assert.ok(figures.length > 10, `${figures.length} seven-digit figures`);
    for (const f of figures) assert.ok(printed.has(f), `${f} is not printed whole`);
    for (const i of rolled.filter((x) => !/^—\s*\d+\s*—$/.test(x.str.trim()))) assert.ok(!NO_LINE_START.has(i.str.trim()[0]!), `a line starts with ${i.str}`);
  });

  it('numbers its pages', () => {
    for (let p = 1; p <= totalPages; p++) assert.ok(items.some((i) => i.page === p && i.str.replace(/\s/g, '') === `—${p}—`), `page ${p}`);
  });

  it('renders a full 2021 report, narrative and （六） rows included', async () => {
    const report = fullReport2021();
    const full = await renderReportPdf(report);
    const { text: fullText } = await extractText(new Uint8Array(full), { mergePages: true });
    const flat = fullText.replace(/\s/g, '');
    assert.ok(flat.includes('全年主动公开政府信息<1024>条&更多。'));
    assert.ok(flat.includes('申请人逾期未按收费通知要求缴纳费用'));
    assert.ok(flat.includes('本年收费金额（单位：万元）'));
    const fullItems = await textItems(full);
    assert.deepEqual(sameLine(fullItems, '3.其他'), COLUMNS.map((c) => String(report.applications['other.other']![c as 'total'])));
    assert.deepEqual(sameLine(fullItems, '（七）总计'), COLUMNS.map((c) => String(report.applications.processed_total![c as 'total'])));
  });

  it('centres one-line cell text vertically in its cell', () => {
    // A CJK glyph or a digit is centred about 0.38 em above its baseline (Noto Sans SC: 中 spans -0.076 to 0.837 em).
    const oneLine = drawnCells(pdf).filter((c) => c.lines.length === 1 && c.lines[0]!.size <= 10);
    assert.ok(oneLine.length > 150, `${oneLine.length} cells`);
    for (const c of oneLine) {
      const { baseline, size } = c.lines[0]!;
      const glyphCentre = baseline - 0.38 * size;
      assert.ok(Math.abs(glyphCentre - (c.top + c.height / 2)) < 0.1 * size, `text off centre by ${(glyphCentre - (c.top + c.height / 2)).toFixed(2)}pt`);
    }
  });

  it('breaks a title too long for one line after the agency', async () => {
    const agency = '平潭综合实验区自然资源和规划局';
    const report: ReportData = { ...seedReport(), agency };
    const longItems = await textItems(await renderReportPdf(report));
    const first = longItems.find((i) => i.page === 1 && i.str.replace(/\s/g, '') === agency);
    const second = longItems.find((i) => i.page === 1 && i.str.replace(/\s/g, '') === '2020年政府信息公开工作年度报告');
    assert.ok(first && second, longItems.slice(0, 3).map((i) => i.str).join(' | '));
    assert.ok(first.y > second.y);
  });
});
