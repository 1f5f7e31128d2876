import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eq, and, count } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { seedAgencies } from '../../../test/support/fixtures.ts';
import { SEED_REGISTER, seedReport } from '../../../test/support/reportFixtures.ts';
import { systemActor } from '../../accounts/actor.ts';
import { recordAppeal } from '../../appeals/appeals.ts';
import { SecretKey } from '../../db/secretKey.ts';
import { applications, events, agencies } from '../../db/schema.ts';
import { seedDemoReportCases } from '../../register/demo/seedDemoReportCases.ts';
import { RegisterInvalidError } from '../../register/errors.ts';
import { importRegister } from '../../register/importRegister.ts';
import { readCsvTable } from '../../register/read.ts';
import { validateRegister } from '../../register/validate.ts';
import { assertCaseChangeAllowed, buildAgencyReport, loadCasesForReport, lockReport, reopenReport, ReportLockedError, rollUpRegion } from './db.ts';
import { rollUp } from './rollUp.ts';

const seed = seedReport;
const actor = systemActor('test');
const key = SecretKey.random();
let database: TestDb;

before(async () => {
  database = await createTestDb();
  await seedAgencies(database.db);
  const result = await seedDemoReportCases(database.db, key, 'gjxfj');
  assert.deepEqual(result, { imported: 136, appeals: 15, skipped: false });
});
after(async () => database.close());

test('the demo agency’s 2020 cases build the seed report: table 3 cell for cell, table 4 from the appeals, table 2 as entered', async () => {
  const { report, previous } = await buildAgencyReport(database.db, actor, 'gjxfj', 2020);
  const expected = seed();
  assert.deepEqual(report.applications, expected.applications);
  assert.deepEqual(report.proactive, expected.proactive);
  assert.deepEqual(report.appeals.reconsideration, expected.appeals.reconsideration);
  assert.deepEqual(report.appeals.litigation_direct, expected.appeals.litigation_direct);
  assert.equal(previous?.year, 2019);
  assert.equal(previous?.applications.received?.total, 0);
  // Seeding twice writes nothing.
  assert.deepEqual(await seedDemoReportCases(database.db, key, 'gjxfj'), { imported: 0, appeals: 0, skipped: true });
});

test('a drill-down from the database lists the cases a cell counts', async () => {
  const built = await buildAgencyReport(database.db, actor, 'gjxfj', 2020, false);
  const src = await built.source('applications.carried_forward.natural_person');
  assert.equal(src.kind, 'cases');
  if (src.kind === 'cases') assert.equal(src.ids.length, 12);
});

test('importing the same register again is refused whole: every 编号 already exists, nothing written', async () => {
  const agency = (await database.db.select().from(agencies).where(eq(agencies.code, 'gjxfj')))[0]!;
  const countCases = async () => (await database.db.select({ n: count() }).from(applications).where(eq(applications.agencyId, agency.id)))[0]!.n;
  const beforeCount = await countCases();
  const bytes = readFileSync(SEED_REGISTER);
  const rows = validateRegister(readCsvTable(bytes));
  await assert.rejects(importRegister(database.db, actor, key, { agencyCode: 'gjxfj', fileName: 'again.csv', rows }), (e: unknown) => {
    assert.ok(e instanceof RegisterInvalidError);
    assert.equal(e.errors.length, 136);
    assert.deepEqual([e.errors[0]!.row, e.errors[0]!.column, e.errors[0]!.rule], [2, '编号', 'ref.exists']);
    return true;
  });
  assert.equal(await countCases(), beforeCount);
});

test('a locked year refuses changes to what it counted; the reopening is audited; a 纠正 reopens a case of the locked year', async () => {
  const agency = (await database.db.select().from(agencies).where(eq(agencies.code, 'gjxfj')))[0]!;
  const published = await lockReport(database.db, actor, 'gjxfj', 2020);
  const cases = await loadCasesForReport(database.db, agency.id, 2020);
  const answered = cases.find((c) => c.outcome === 'unavailable.not_held')!;
  await assert.rejects(assertCaseChangeAllowed(database.db, agency.id, answered, { ...answered, outcome: 'granted' }), ReportLockedError);
  // Importing a 2020 application into the locked year is refused too.
  const late = validateRegister(readCsvTable(new TextEncoder().encode('编号,收到日期,申请人类型\nLATE-1,2020-06-01,自然人\n')));
  await assert.rejects(importRegister(database.db, actor, key, { agencyCode: 'gjxfj', fileName: 'late.csv', rows: late }), (e: unknown) => e instanceof RegisterInvalidError && e.errors[0]?.rule === 'year.locked');

  // A 纠正 decided in 2021 on an application answered in 2020: reopened with a new deadline, 2020 unchanged.
  const ref = (await recordAppeal({ db: database.db, key, actor }, 'gjxfj', {
    body: '国务院', caseNumber: '国复〔2021〕7号', path: 'reconsideration', filedOn: '2021-01-10', result: '纠正', correction: 'revoke_reanswer', decidedOn: '2021-03-01', applications: [answered.id],
  }));
  assert.deepEqual(ref.reopened, [{ applicationId: answered.id, dueOn: '2021-03-29' }]);
  const row = (await database.db.select().from(applications).where(eq(applications.id, answered.id)))[0]!;
  assert.equal(row.state, 'processing');
  // The first conclusion (what 2020 counted) is kept apart; the case awaits its new answer.
  assert.equal(row.firstOutcome, 'unavailable.not_held');
  assert.equal(row.outcome, null);
  const again = await buildAgencyReport(database.db, actor, 'gjxfj', 2020, false);
  assert.equal(again.locked, true);
  assert.deepEqual(again.report.applications, published.applications);
  const rebuilt = await buildAgencyReport(database.db, actor, 'gjxfj', 2021, false);
  assert.equal(rebuilt.report.appeals.reconsideration.corrected, 1);

  await reopenReport(database.db, actor, 'gjxfj', 2020, '更正一件申请的办理结果');
  await assertCaseChangeAllowed(database.db, agency.id, answered, { ...answered, outcome: 'granted' });
  const audit = await database.db.select({ kind: events.kind, payload: events.payload }).from(events).where(and(eq(events.agencyId, agency.id)));
  const kinds = audit.map((e) => e.kind);
  assert.ok(kinds.includes('report.locked'));
  const reopened = audit.find((e) => e.kind === 'report.reopened');
  assert.deepEqual(reopened?.payload, { year: 2020, reason: '更正一件申请的办理结果' });
  assert.ok(kinds.includes('reopened'));
});

test('the SQL roll-up of a region equals the sum of its agencies’ reports', async () => {
  const other = validateRegister(readCsvTable(new TextEncoder().encode(
    '编号,收到日期,申请人类型,办理结果,办结日期\nO-1,2019-12-20,商业企业,予以公开,2020-01-08\nO-2,2020-03-01,法律服务机构,申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请,2020-04-20\nO-3,2020-12-30,科研机构,,\n',
  )));
  await importRegister(database.db, actor, key, { agencyCode: 'other', fileName: 'other.csv', rows: other });
  const a = (await buildAgencyReport(database.db, actor, 'gjxfj', 2020, false)).report;
  const b = (await buildAgencyReport(database.db, actor, 'other', 2020, false)).report;
  const sql = await rollUpRegion(database.db, actor, 'region', 2020);
  const summed = rollUp([a, b], { agency: sql.agency, year: 2020 });
  assert.deepEqual(sql.applications, summed.applications);
  assert.deepEqual(sql.appeals, summed.appeals);
  assert.equal(sql.applications.other?.legal_service_org, 1);
  assert.equal(sql.applications.carried_over?.commercial_enterprise, 1);
  // Table 2: 'other' entered nothing, so the region's table 2 is unknown.
  assert.equal(sql.proactive.procurement?.items, null);
});
