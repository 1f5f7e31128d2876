import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { APPLICANT_COLUMN_IDS } from '../../law/index.ts';
import { parseReportFile } from '../parse/parseFile.ts';
import { reportCells, setCell, type ReportData } from '../reportData.ts';
import { parseReportData } from '../validateReport.ts';
import { auditReport, auditReports, hasFindings } from './auditReports.ts';
import { formatSetAudit } from './formatAudit.ts';
import { quotedFigures } from './quotedFigures.ts';
import { repeatedShare } from './repetition.ts';

const DIR = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'reports');
const parsed = (file: string) => parseReportFile(join(DIR, file));
const expected = (name: string): ReportData => parseReportData(JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')));

describe('audit of one report', () => {
  it('seed-2020: the narrative’s 136 / 124 / 12 agree with table 3; six sections in order', async () => {
    const audit = auditReport(await parsed('seed-2020.txt'));
    assert.deepEqual(audit.quoted.map((q) => [q.value, q.status]), [[136, 'agrees'], [124, 'agrees'], [12, 'agrees']]);
    assert.deepEqual(audit.sections, { found: ['overview', 'proactive', 'applications', 'appeals', 'problems', 'other'], missing: [], inOrder: true });
    assert.equal(hasFindings(audit), false);
  });

  it('pingtan-zrzy-2023: R1 and R3 violations are findings', async () => {
    const audit = auditReport(await parsed('pingtan-zrzy-2023.html'));
    assert.deepEqual(audit.relations.violated.map((v) => `${v.rule} ${v.row}`), ['R1 processed_total+carried_forward', 'R3 partially_granted', 'R3 processed_total']);
    assert.equal(hasFindings(audit), true);
  });

  it('pingtan-2022: “收到申请75件” is 新收 74 + 结转 1 — said, not a contradiction', async () => {
    const [received] = quotedFigures(await parsed('pingtan-2022.txt'));
    assert.equal(received?.status, 'agrees-otherwise');
    assert.equal(received?.table, 74);
  });

  it('a quoted figure that the tables contradict', async () => {
    const report = await parsed('seed-2020.txt');
    report.narrative = { overview: '全年共收到政府信息公开申请140件。' };
    assert.deepEqual(quotedFigures(report).map((q) => q.status), ['contradicts']);
  });

  it('sections missing or out of order', async () => {
    const report = await parsed('seed-2020.txt');
    report.provenance = { ...report.provenance, sections: ['overview', 'applications', 'proactive', 'appeals', 'other'] };
    assert.deepEqual(auditReport(report).sections, { found: ['overview', 'applications', 'proactive', 'appeals', 'other'], missing: ['problems'], inOrder: false });
  });
});

describe('audit across a set', () => {
  it('repetition: a copied report repeats everything, another agency’s little', async () => {
    const a = await parsed('seed-2020.txt');
    const b = await parsed('pingtan-2022.txt');
    assert.equal(repeatedShare(a, a), 1);
    assert.ok((repeatedShare(b, a) ?? 1) < 0.1);
  });

  it('the previous year of the same agency: repetition and carry-over (R5)', async () => {
    const current = await parsed('seed-2020.txt');
    const previous = structuredClone(current);
    previous.year = 2019;
    setCell(previous, 'applications.carried_forward.natural_person', 5);
    const set = auditReports([current, previous]);
    assert.equal(set.reports[0]?.repetition?.share, 1);
    const differs = set.carryOver.filter((c) => c.status === 'differs');
    assert.deepEqual(differs.map((c) => [c.column, c.carriedForward, c.carriedOver]), [['natural_person', 5, 0], ['total', 12, 0]]);
    assert.equal(set.carryOver.length, APPLICANT_COLUMN_IDS.length);
  });

  it('a region’s report against the sum of its agencies', () => {
    const agencyA = expected('pingtan-zrzy-2023');
    const agencyB = structuredClone(agencyA);
    agencyB.agency = '平潭综合实验区教育与体育局';
    const region = structuredClone(agencyA);
    region.agency = '平潭综合实验区管委会';
    for (const c of reportCells(region)) if (c.table !== 'proactive' && c.value !== null) setCell(region, `${c.table}.${c.row}.${c.column}`, c.value * 2);
    const [sum] = auditReports([region, agencyA, agencyB]).regions;
    assert.equal(sum?.equal, true);
    assert.deepEqual(sum?.agencies, ['平潭综合实验区自然资源与生态环境局', '平潭综合实验区教育与体育局']);
    setCell(region, 'applications.received.total', 1);
    const [broken] = auditReports([region, agencyA, agencyB]).regions;
    assert.deepEqual(broken?.differences, [{ cell: 'applications.received.total', region: 1, sum: 38 }]);
    assert.match(formatSetAudit(auditReports([region, agencyA, agencyB])), /1 格不一致/);
  });
});
