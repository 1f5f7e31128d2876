import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { quotedFigures } from '../audit/quotedFigures.ts';
import { getCell, type ReportData } from '../reportData.ts';
import { parseReportData } from '../validateReport.ts';
import { draftNarrative, withDraft, type DraftFigure } from './draftNarrative.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'reports');
const load = (path: string): ReportData => parseReportData(JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')));

const sumOf = (report: ReportData, cells: readonly string[]) => cells.reduce((acc, c) => acc + (getCell(report, c) as number), 0);

/** The value a figure claims, recomputed from the cells it names. */
function recompute(f: DraftFigure, report: ReportData, previous: ReportData | null): number {
  switch (f.formula) {
    case undefined:
    case 'sum':
      return sumOf(report, f.cells);
    case 'difference':
      return Math.abs(sumOf(report, f.cells) - sumOf(previous!, f.previousCells!));
    case 'share':
      return Number(((sumOf(report, f.cells) / sumOf(report, f.ofCells!)) * 100).toFixed(1));
  }
}

const cases: [string, string, string | null][] = [
  ['a 2021 report against last year', 'pingtan-zrzy-2023.expected.json', 'pingtan-2022.expected.json'],
  ['a 2019-template report', 'seed-2020.expected.json', null],
  ['a report with blank cells', 'variants/hailing-fgj-2020.expected.json', null],
  ['a partial report (table 4 missing)', 'variants/zhangpu-jyj-2022-cut.expected.json', null],
  ['a report with broken arithmetic', 'variants/heping-zf-2022-sums.expected.json', null],
  ['a report with appeals in every group', 'variants/qiaoxi-wjw-2023-pipes.expected.json', null],
];

describe('narrative drafts', () => {
  for (const [name, file, previousFile] of cases) {
    it(`${name}: every figure is in the text and traced to its cells; the quoted-figure audit finds no contradiction`, () => {
      const report = load(file);
      const previous = previousFile ? load(previousFile) : null;
      const draft = draftNarrative(report, previous);
      assert.deepEqual(draft.sections.map((s) => s.heading), ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
      for (const s of draft.sections) {
        for (const f of s.figures) {
          assert.ok(s.text.includes(f.text), `${s.id}: "${f.text}" is not in the text`);
          for (const c of [...f.cells, ...(f.previousCells ?? [])]) assert.notEqual(getCell(f.previousCells?.includes(c) && !f.cells.includes(c) ? previous! : report, c), undefined, c);
          assert.equal(recompute(f, report, previous), f.value, `${s.id}: ${f.text} from ${f.cells.join('+')}`);
        }
      }
      const quoted = quotedFigures(withDraft({ ...report, narrative: {} }, draft));
      assert.ok(quoted.length > 0 || report.applications.received?.total === null, 'the draft quotes the figures the audit checks');
      assert.deepEqual(quoted.filter((q) => q.status === 'contradicts' || q.status === 'unknown'), []);
    });
  }

  it('writes this year against last, outcomes with shares and the appeals by group', () => {
    const draft = draftNarrative(load('pingtan-zrzy-2023.expected.json'), load('pingtan-2022.expected.json'));
    const [overview, , applications, appeals] = draft.sections;
    assert.match(overview!.text, /全年共收到政府信息公开申请19件，较上年(增加|减少)\d+件/);
    assert.match(applications!.text, /予以公开6件，占31\.6%/);
    assert.match(appeals!.text, /被提起行政诉讼1件，未经复议直接起诉1件（其中结果维持1件）/);
    assert.deepEqual(draft.warnings, []);
  });

  it('leaves out what it cannot know, and says so', () => {
    const draft = draftNarrative(load('variants/zhangpu-jyj-2022-cut.expected.json'));
    assert.equal(draft.sections.find((s) => s.id === 'appeals')!.text, '');
    assert.ok(draft.warnings.some((w) => w.startsWith('四、政府信息公开行政复议、行政诉讼情况')));
    assert.ok(draft.warnings.some((w) => w.includes('上一年度')));
  });

  it('keeps the office’s own text where a section has one', () => {
    const report = load('seed-2020.expected.json');
    const own = { ...report, narrative: { overview: '本机关自行撰写的总体情况。' } };
    const filled = withDraft(own, draftNarrative(own));
    assert.equal(filled.narrative?.overview, '本机关自行撰写的总体情况。');
    assert.ok(filled.narrative?.applications?.includes('办结'));
  });

  for (const [fees, text] of [
    [{ count: 0, totalFen: 0 }, '本年度未收取信息处理费。'],
    [{ count: 2, totalFen: 30000 }, '本年度依照《政府信息公开信息处理费管理办法》收取信息处理费2件，共计300元。'],
    [{ count: 1, totalFen: 1050 }, '本年度依照《政府信息公开信息处理费管理办法》收取信息处理费1件，共计10.50元。'],
  ] as const) {
    it(`writes 六、其他需要报告的事项 from the fees collected (${fees.count}, ${fees.totalFen} fen)`, () => {
      const draft = draftNarrative(load('seed-2020.expected.json'), null, { feesCollected: fees });
      const other = draft.sections.find((s) => s.id === 'other');
      assert.equal(other?.heading, '六、其他需要报告的事项');
      assert.equal(other?.text, text);
    });
  }
});
