import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CASE_OUTCOMES, APPLICANT_KIND_IDS, APPEAL_GROUP_IDS, APPEAL_COLUMN_IDS, APPLICANT_COLUMN_IDS, table3Rows } from '../../law/index.ts';
import { APPEAL_DECISIONS } from '../../law/appealResults.ts';
import { InvalidReportError } from '../errors.ts';
import { checkReport } from '../check.ts';
import { getCell, reportCells } from '../reportData.ts';
import { buildAppealsTable, drillDownAppeals, type AppealForReport } from './appeals.ts';
import { buildReport, cellSource } from './buildReport.ts';
import type { CaseForReport } from './cases.ts';
import { rollUp } from './rollUp.ts';
import { drillDown } from './applications.ts';
import { RollUpMismatchError } from './errors.ts';
import { ValidationError } from '../../shared/domainError.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const BASE = Date.UTC(2018, 0, 1);

const caseArb: fc.Arbitrary<CaseForReport> = fc
  .record({
    id: fc.uuid(),
    received: fc.integer({ min: 0, max: 365 * 5 }),
    duration: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    kind: fc.constantFrom(...APPLICANT_KIND_IDS),
    outcome: fc.constantFrom(...CASE_OUTCOMES),
  })
  .map((r) => ({
    id: r.id,
    receivedOn: iso(BASE + r.received * DAY),
    applicantKind: r.kind,
    outcome: r.duration === null ? null : r.outcome,
    concludedOn: r.duration === null ? null : iso(BASE + (r.received + r.duration) * DAY),
  }));

const appealArb: fc.Arbitrary<AppealForReport> = fc
  .record({
    id: fc.uuid(),
    path: fc.constantFrom(...APPEAL_GROUP_IDS),
    filed: fc.integer({ min: 0, max: 365 * 5 }),
    duration: fc.option(fc.integer({ min: 0, max: 700 }), { nil: null }),
    decision: fc.constantFrom(...APPEAL_DECISIONS),
  })
  .map((a) => ({
    id: a.id,
    path: a.path,
    filedOn: iso(BASE + a.filed * DAY),
    decidedOn: a.duration === null ? null : iso(BASE + (a.filed + a.duration) * DAY),
    decision: a.duration === null ? null : a.decision,
  }));

test('property: a report built from any cases and appeals passes R1–R4, every relation checked', () => {
  fc.assert(
    fc.property(fc.array(caseArb, { maxLength: 60 }), fc.array(appealArb, { maxLength: 20 }), fc.integer({ min: 2019, max: 2023 }), (cases, appeals, year) => {
      const report = buildReport({ agency: '测试机关', year, cases, appeals });
      const check = checkReport(report);
      assert.deepEqual(check.violations, []);
      assert.deepEqual(check.unchecked, []);
    }),
    { numRuns: 300 },
  );
});

test('property: every table-3 and table-4 cell’s figure is the length of its drill-down', () => {
  fc.assert(
    fc.property(fc.array(caseArb, { maxLength: 40 }), fc.array(appealArb, { maxLength: 15 }), fc.integer({ min: 2019, max: 2022 }), (cases, appeals, year) => {
      const report = buildReport({ agency: '测试机关', year, cases, appeals });
      for (const cell of reportCells(report)) {
        if (cell.table === 'proactive') continue;
        const path = `${cell.table}.${cell.row}.${cell.column}`;
        const ids = cell.table === 'applications' ? drillDown(cases, year, report.template, path) : drillDownAppeals(appeals, year, path);
        assert.equal(ids.length, cell.value, path);
      }
    }),
    { numRuns: 100 },
  );
});

test('property: the roll-up of two agencies’ reports is the report of their cases together', () => {
  fc.assert(
    fc.property(fc.array(caseArb, { maxLength: 30 }), fc.array(caseArb, { maxLength: 30 }), fc.array(appealArb, { maxLength: 10 }), fc.integer({ min: 2019, max: 2022 }), (a, b, appeals, year) => {
      const ra = buildReport({ agency: '甲', year, cases: a, appeals });
      const rb = buildReport({ agency: '乙', year, cases: b, appeals: [] });
      const both = buildReport({ agency: '甲乙', year, cases: [...a, ...b], appeals });
      const sum = rollUp([ra, rb], { agency: '甲乙', year });
      assert.deepEqual(sum.applications, both.applications);
      assert.deepEqual(sum.appeals, both.appeals);
      assert.equal(checkReport(sum).ok, true);
    }),
    { numRuns: 100 },
  );
});

test('a year without cases or appeals builds a report of zeros, and table 2 stays unknown until entered', () => {
  const report = buildReport({ agency: '某局', year: 2022, cases: [], appeals: [] });
  assert.equal(report.template, '2021');
  for (const cell of reportCells(report)) assert.equal(cell.value, cell.table === 'proactive' ? null : 0, `${cell.table}.${cell.row}.${cell.column}`);
  assert.deepEqual(Object.keys(report.applications), table3Rows('2021').map((r) => r.id));
  assert.equal(report.provenance?.source, 'cases');
});

test('entered table-2 figures are checked against the year’s template', () => {
  const report = buildReport({ agency: '某局', year: 2021, cases: [], appeals: [], proactive: { fees: { amount_wan: 12.5 }, licensing: { decisions: 3 } } });
  assert.equal(report.proactive.fees?.amount_wan, 12.5);
  assert.equal(report.proactive.licensing?.decisions, 3);
  assert.equal(report.proactive.punishment?.decisions, null);
  assert.throws(() => buildReport({ agency: '某局', year: 2021, cases: [], appeals: [], proactive: { procurement: { items: 3 } } }), InvalidReportError);
  assert.throws(() => buildReport({ agency: '某局', year: 2021, cases: [], appeals: [], proactive: { licensing: { decisions: -1 } } }), InvalidReportError);
  assert.throws(() => buildReport({ agency: '某局', year: 2018, cases: [], appeals: [] }), ValidationError);
});

test('table 4 from appeal records: results in the year decided, 尚未审结 for those open at the year end', () => {
  const appeals: AppealForReport[] = [
    { id: 'r1', path: 'reconsideration', filedOn: '2020-02-01', decidedOn: '2020-04-01', decision: 'upheld' },
    { id: 'r2', path: 'reconsideration', filedOn: '2019-12-01', decidedOn: '2020-02-01', decision: 'corrected' },
    { id: 'r3', path: 'reconsideration', filedOn: '2020-12-01', decidedOn: null, decision: null },
    { id: 'd1', path: 'litigation_direct', filedOn: '2020-05-01', decidedOn: '2021-03-01', decision: 'other' },
    { id: 'a1', path: 'litigation_after_reconsideration', filedOn: '2020-06-01', decidedOn: '2020-11-30', decision: 'other' },
    { id: 'old', path: 'reconsideration', filedOn: '2019-01-01', decidedOn: '2019-03-01', decision: 'upheld' },
  ];
  assert.deepEqual(buildAppealsTable(appeals, 2020), {
    reconsideration: { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 },
    litigation_direct: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
    litigation_after_reconsideration: { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 },
  });
  assert.deepEqual(drillDownAppeals(appeals, 2020, 'appeals.reconsideration.total'), ['r1', 'r2', 'r3']);
  assert.deepEqual(drillDownAppeals(appeals, 2021, 'appeals.litigation_direct.other'), ['d1']);
  assert.deepEqual(cellSource({ year: 2020, cases: [], appeals }, 'appeals.reconsideration.corrected'), { kind: 'appeals', ids: ['r2'] });
  assert.deepEqual(cellSource({ year: 2020, cases: [], appeals }, 'proactive.rules.made'), { kind: 'entered' });
});

test('roll-up: every cell summed; null when any agency’s figure is null; amounts without float noise', () => {
  const a = buildReport({ agency: '甲', year: 2020, cases: [], appeals: [], proactive: { procurement: { items: 2, amount_wan: 0.1 }, rules: { made: 1, published: 1, total_published: 5 } } });
  const b = buildReport({ agency: '乙', year: 2020, cases: [], appeals: [], proactive: { procurement: { items: 3, amount_wan: 0.2 }, rules: { made: 2, published: null, total_published: 4 } } });
  const sum = rollUp([a, b], { agency: '某区（汇总）', year: 2020 });
  assert.equal(getCell(sum, 'proactive.procurement.amount_wan'), 0.3);
  assert.equal(getCell(sum, 'proactive.procurement.items'), 5);
  assert.equal(getCell(sum, 'proactive.rules.made'), 3);
  assert.equal(getCell(sum, 'proactive.rules.published'), null);
  assert.equal(getCell(sum, 'proactive.fees.change'), null);
  assert.deepEqual(sum.provenance?.agencies, ['甲', '乙']);
  const none = rollUp([], { agency: '空', year: 2021 });
  for (const cell of reportCells(none)) assert.equal(cell.value, 0);
  for (const g of APPEAL_GROUP_IDS) for (const col of APPEAL_COLUMN_IDS) assert.equal(none.appeals[g][col], 0);
  for (const col of APPLICANT_COLUMN_IDS) assert.equal(none.applications.received?.[col], 0);
});

test('roll-up refuses reports of another year or template', () => {
  const r2020 = buildReport({ agency: '甲', year: 2020, cases: [], appeals: [] });
  const r2021 = buildReport({ agency: '乙', year: 2021, cases: [], appeals: [] });
  assert.throws(() => rollUp([r2020, r2021], { agency: 'x', year: 2020 }), (e: unknown) => {
    assert.ok(e instanceof RollUpMismatchError);
    assert.deepEqual(e.issues.map((i) => [i.path, i.rule]), [['reports[1].year', 'same-year'], ['reports[1].template', 'same-template']]);
    return true;
  });
});
