/**
 * Constructed variants of published annual reports (test/fixtures/reports/variants/README.md): each
 * must parse to exactly the figures written into it — null where it prints none — with its template,
 * year and agency detected and `provenance.missing` listing exactly the null cells.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { reportCells, type ReportData } from '../../src/report/reportData.ts';
import { halfWidth } from '../../src/report/parse/normalize.ts';
import { documentText } from '../../src/report/parse/document.ts';
import { extractBytes, formatOf, parseReportFile } from '../../src/report/parse/parseFile.ts';
import { parseReportText } from '../../src/report/parse/parseReport.ts';
import { parseReportData } from '../../src/report/validateReport.ts';
import { auditReport, hasFindings } from '../../src/report/audit/auditReports.ts';
import { formatReportAudit } from '../../src/report/audit/formatAudit.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'reports', 'variants');
const names = readdirSync(DIR);
const stem = (f: string) => f.replace(/\.[a-z]+$/, '');
const variants = names.filter((f) => /\.(txt|html|htm|md)$/.test(f) && names.includes(`${stem(f)}.expected.json`));

type Expected = Pick<ReportData, 'agency' | 'year' | 'template' | 'proactive' | 'applications' | 'appeals'>;

describe('variants: constructed reports parse to exactly the figures written into them', () => {
  for (const file of variants) {
    it(file, async () => {
      const expected = JSON.parse(readFileSync(join(DIR, `${stem(file)}.expected.json`), 'utf8')) as Expected;
      const report = await parseReportFile(join(DIR, file));
      assert.equal(report.agency, expected.agency, 'agency');
      assert.equal(report.year, expected.year, 'year');
      assert.equal(report.template, expected.template, 'template');
      assert.deepEqual(report.proactive, expected.proactive, 'table 2');
      assert.deepEqual(report.applications, expected.applications, 'table 3');
      assert.deepEqual(report.appeals, expected.appeals, 'table 4');
      const nulls = [...reportCells(report)].filter((c) => c.value === null).map((c) => `${c.table}.${c.row}.${c.column}`);
      assert.deepEqual(report.provenance?.missing, nulls);
      // every figure is printed in the file's text (digits, full-width or with thousands separators), or converted from 元
      const bytes = readFileSync(join(DIR, file));
      const text = halfWidth(documentText(await extractBytes(bytes, formatOf(file, bytes)))).replace(/(\d),(?=\d{3})/g, '$1');
      const converted = new Set((report.provenance?.inferred ?? []).filter((c) => c.reason.includes('万元')).map((c) => c.cell));
      for (const c of reportCells(report)) {
        const path = `${c.table}.${c.row}.${c.column}`;
        if (c.value !== null && !converted.has(path)) assert.ok(text.includes(String(Math.abs(c.value))), `${path} = ${c.value} is not in the text`);
      }
    });
  }
});

describe('variants: what the reader reports about each reading failure', () => {
  const parse = (name: string) => parseReportFile(join(DIR, name));

  it('a cut-off page is read as far as it goes: table 3 partly, table 4 missing, named in the provenance', async () => {
    const r = await parse('zhangpu-jyj-2022-cut.txt');
    assert.deepEqual((r.provenance?.['partial'] as { tablesMissing: string[] }).tablesMissing, ['政府信息公开行政复议、行政诉讼情况']);
    assert.equal(r.applications['withheld.prohibited_by_law']?.total, 0);
    assert.equal(r.applications['withheld.security_stability']?.total, null);
    assert.ok(r.provenance?.missing?.includes('appeals.reconsideration.total'));
    assert.ok(!r.narrative?.preamble?.includes('年度报告'), 'the title line is not part of the preamble');
    const audit = auditReport(r);
    assert.deepEqual(audit.tablesMissing, ['政府信息公开行政复议、行政诉讼情况']);
  });

  it('a file with no table of a report is refused', () => {
    assert.throws(() => parseReportText('漳浦县教育局2022年政府信息公开工作年度报告\n一、总体情况\n本年度收到申请14件。'), /no table of a report/);
  });

  it('a 2021 report printed on the 2019 form is read on that form, declared, valid, and flagged by the audit', async () => {
    const r = await parse('yongfeng-ga-2021-oldform.txt');
    assert.deepEqual(r.provenance?.['templateMismatch'], { printed: '2019', expected: '2021' });
    assert.equal(parseReportData(JSON.parse(JSON.stringify(r))).template, '2019');
    const audit = auditReport(r);
    assert.deepEqual(audit.templateMismatch, { printed: '2019', expected: '2021' });
    assert.ok(hasFindings(audit));
    assert.match(formatReportAudit(audit).join('\n'), /表格样式与年度不符/);
  });

  it('printed figures that break R1–R4 are kept as printed and each broken relation is named', async () => {
    const r = await parse('heping-zf-2022-sums.txt');
    const audit = auditReport(r);
    assert.deepEqual(audit.relations.violated.map((v) => `${v.rule} ${v.row}.${v.column} ${v.expected}/${v.actual}`), [
      'R1 processed_total+carried_forward.natural_person 60/61',
      'R1 processed_total+carried_forward.total 65/66',
      'R2 processed_total.total 63/62',
      'R3 granted.total 27/28',
      'R4 reconsideration.total 1/2',
    ]);
    assert.equal(audit.relations.unchecked, 0);
  });

  it('a damaged label is identified by its place; a zero group total fills its unprinted rows, marked inferred', async () => {
    const r = await parse('longmen-zrzy-2022-wps.txt');
    assert.ok(r.provenance?.notes?.some((n) => n.includes('identified by its place') && n.includes('其他法律行政止公开')));
    const inferred = (r.provenance?.inferred ?? []).map((c) => c.cell);
    assert.equal(inferred.filter((c) => c.startsWith('applications.other.')).length, 21);
    assert.equal(r.applications['unavailable.needs_creation']?.total, 3, 'a label wrapped over two lines keeps its row and the next');
    assert.equal(r.applications['unavailable.still_unclear']?.total, 0);
  });
});
