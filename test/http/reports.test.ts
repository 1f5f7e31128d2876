/**
 * The report built from cases, over the API (one database for the file, steps in order): a bad register is
 * refused whole; the seed register imported → 2020 built → table 3 equals the seed's, cell for cell; a cell
 * opens to its cases; lock → a change to a counted case is refused (409 report.locked) → reopen (audited)
 * → the change goes through; a 纠正 reopens a case of a locked year with a new due date while the locked
 * figures stay; a year without cases is zeros; the region roll-up; table 2 entry; rendered downloads.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { applications, events } from '../../src/db/schema.ts';
import { DEMO_PROACTIVE_2020 } from '../../src/register/demo/seedDemoReportCases.ts';
import type { ReportData } from '../../src/report/reportData.ts';
import { personInput } from '../support/fixtures.ts';
import { startTestApp } from '../support/http.ts';
import type { Client, TestApp } from '../support/http.ts';
import { fixturePath, SEED_REGISTER, seedReport } from '../support/reportFixtures.ts';

interface Problem {
  code: string;
  errors: { path: string; rule: string; message: string; row?: number; column?: string }[];
}
interface CellListing {
  kind: string;
  count: number;
  figure: number;
  items: { id: string; ref: string | null; receivedOn: string; outcome: string; applicant: string; state: string }[];
}

function multipart(fileName: string, content: Buffer): { payload: Buffer; contentType: string } {
  const boundary = '----gongkai-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('the report built from cases (API)', () => {
  let t: TestApp;
  let clerk: Client;
  let head: Client;
  let supervisor: Client;

  async function upload(client: Client, fileName: string, content: Buffer) {
    const { payload, contentType } = multipart(fileName, content);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/agencies/gjxfj/register', headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf!, 'content-type': contentType }, payload });
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown>, contentType: String(res.headers['content-type']) };
  }
  async function report(year: number): Promise<ReportData> {
    const res = await clerk.get(`/api/v1/agencies/gjxfj/reports/${year}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.json<ReportData>();
  }
  async function cell(year: number, path: string): Promise<CellListing> {
    const res = await clerk.get(`/api/v1/agencies/gjxfj/reports/${year}/cells/${path}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.json<CellListing>();
  }
  async function countApplications(): Promise<number> {
    const [row] = await t.db.db.select({ n: sql<number>`count(*)::int` }).from(applications);
    return row?.n ?? 0;
  }

  before(async () => {
    t = await startTestApp();
    t.today.value = '2021-03-15';
    clerk = await t.as('clerk');
    head = await t.as('head');
    supervisor = await t.as('supervisor');
  });
  after(async () => t.close());

  it('refuses a register with bad cells whole: 400, every error by row and column, nothing written', async () => {
    const res = await upload(clerk, 'bad-rows.csv', readFileSync(fixturePath('register/bad-rows.csv')));
    assert.equal(res.status, 400);
    assert.match(res.contentType, /application\/problem\+json/);
    const problem = res.body as unknown as Problem;
    assert.equal(problem.code, 'register.invalid');
    // One error per bad cell of test/fixtures/register/bad-rows.csv (row 2 is the one good row).
    assert.deepEqual(problem.errors.map((e) => `${e.row}:${e.column}:${e.rule}`), [
      '3:收到日期:date.impossible',
      '4:申请人类型:applicant_type.unknown',
      '5:办理结果:outcome.unknown',
      '6:办结日期:concluded_on.required',
      '7:办结日期:concluded_on.before_received',
      '8:编号:ref.duplicate',
      '9:收到日期:required',
      '9:申请方式:channel.unknown',
      '10:申请人类型:required',
      '10:办理结果:outcome.required',
      '11:办理结果:outcome.ambiguous',
      '12:收到日期:date.format',
      '12:办结日期:date.impossible',
    ]);
    assert.ok(problem.errors.every((e) => typeof e.row === 'number' && typeof e.column === 'string'));
    assert.equal(await countApplications(), 0);
    const wrongType = await upload(clerk, 'register.pdf', Buffer.from('%PDF-1.4'));
    assert.equal(wrongType.status, 400);
    assert.equal((wrongType.body as unknown as Problem).code, 'register.unreadable');
  });

  it('builds a year without cases as zeros, not an error', async () => {
    const r = await report(2022);
    assert.equal(r.year, 2022);
    assert.equal(r.applications['received']?.total, 0);
    assert.equal(r.applications['processed_total']?.total, 0);
    assert.equal(r.applications['carried_forward']?.total, 0);
    assert.deepEqual(r.appeals.reconsideration, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  });

  it('imports the seed register and builds 2020: table 3 equals the seed report cell for cell', async () => {
    const res = await upload(clerk, 'seed-2020.csv', readFileSync(SEED_REGISTER));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body['imported'], 136);
    assert.equal(res.body['open'], 12);
    const r = await report(2020);
    assert.deepEqual(r.applications, seedReport().applications);
    assert.equal((r.provenance as { source?: string }).source, 'cases');
    // last year's report (2019, built) is the comparison
    assert.ok(typeof (r.provenance as { comparison?: unknown }).comparison === 'object');
  });

  it('opens a cell to the cases it counts (编号, receipt date, outcome; names masked)', async () => {
    const granted = await cell(2020, 'applications.granted.total');
    assert.equal(granted.kind, 'cases');
    assert.equal(granted.count, 8);
    assert.equal(granted.figure, 8);
    assert.equal(granted.items.length, 8);
    // The register's rows answered 予以公开 (read off src/register/demo/seed-2020.csv), names masked.
    assert.deepEqual(
      granted.items.map((i) => `${i.ref} ${i.applicant} ${i.outcome}`),
      ['XFJ-2020-019 江* granted', 'XFJ-2020-021 于*某 granted', 'XFJ-2020-037 邹* granted', 'XFJ-2020-041 蔡* granted', 'XFJ-2020-046 姚*某 granted', 'XFJ-2020-096 秦* granted', 'XFJ-2020-101 彭*某 granted', 'XFJ-2020-118 范* granted'],
    );
    assert.ok(granted.items.every((i) => /^2020-\d{2}-\d{2}$/.test(i.receivedOn)));
    const bad = await clerk.get('/api/v1/agencies/gjxfj/reports/2020/cells/applications.nonsense.total');
    assert.equal(bad.status, 400);
    assert.equal(bad.json<Problem>().code, 'report.cell_unknown');
  });

  it('enters table 2 (validated, fields named) and shows it in the report', async () => {
    const wrong = await clerk.put('/api/v1/agencies/gjxfj/reports/2020/proactive', { procurement: { items: 1.5, amount_wan: 3 }, no_such_row: { made: 1 } });
    assert.equal(wrong.status, 400);
    const paths = wrong.json<Problem>().errors.map((e) => e.path).join(' ');
    assert.match(paths, /procurement\.items/);
    assert.match(paths, /no_such_row/);
    const ok = await clerk.put('/api/v1/agencies/gjxfj/reports/2020/proactive', DEMO_PROACTIVE_2020 as unknown as Record<string, unknown>);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual((await report(2020)).proactive, seedReport().proactive);
  });

  it('renders the built report for download with the right Content-Type', async () => {
    const md = await clerk.get('/api/v1/agencies/gjxfj/reports/2020?format=md');
    assert.equal(md.status, 200);
    assert.match(String(md.headers['content-type']), /^text\/markdown/);
    assert.match(md.raw.toString('utf8'), /国家信访局/);
    const html = await clerk.get('/api/v1/agencies/gjxfj/reports/2020?format=html');
    assert.match(String(html.headers['content-type']), /^text\/html/);
    const docx = await clerk.get('/api/v1/agencies/gjxfj/reports/2020?format=docx');
    assert.equal(docx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(docx.raw.subarray(0, 2).toString('latin1'), 'PK');
    // a report built from cases has no narrative yet: the download says so in a header, the JSON in a field
    const warnings = JSON.parse(decodeURIComponent(String(docx.headers['gongkai-report-warnings']))) as string[];
    assert.ok(warnings.includes('一、总体情况：正文为空'), warnings.join(' '));
    assert.deepEqual((await report(2020)).provenance?.['warnings'], warnings);
  });

  it('drafts sections 一–四 from the built figures, every figure with its cells', async () => {
    const res = await clerk.get('/api/v1/agencies/gjxfj/reports/2020/draft');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const draft = res.json<{ sections: { id: string; text: string; figures: { text: string; value: number; cells: string[] }[] }[]; warnings: string[] }>();
    assert.deepEqual(draft.sections.map((s) => s.id), ['overview', 'proactive', 'applications', 'appeals', 'other']);
    assert.equal(draft.sections[4]!.text, '本年度未收取信息处理费。', 'section 六 from the fee records (none in the seed)');
    const overview = draft.sections[0]!;
    const received = seedReport().applications.received!.total;
    assert.match(overview.text, new RegExp(`全年共收到政府信息公开申请${received}件`));
    assert.ok(overview.figures.some((f) => f.value === received && f.cells.join() === 'applications.received.total'));
    assert.equal((await clerk.get('/api/v1/agencies/gjxfj/reports/1999/draft')).status, 400);
  });

  it('rolls up the region for the supervisor (every agency under it)', async () => {
    const res = await supervisor.get('/api/v1/regions/region/reports/2020');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const r = res.json<ReportData>();
    assert.deepEqual(r.applications, seedReport().applications);
    assert.equal((await clerk.get('/api/v1/regions/region/reports/2020')).status, 403);
  });

  it('saves the narrative the office edited; bad input names the section and rule and writes nothing', async () => {
    const bad = [
      [{ overview: 3 }, 'narrative.overview', 'type'],
      [{ summary: '总体' }, 'narrative.summary', 'unknown_section'],
      [{ overview: 'x'.repeat(20_001) }, 'narrative.overview', 'max_length'],
      [{ problems: '问题\u0007' }, 'problems', 'control_character'], // the HTTP hook's check, before the route
    ] as const;
    for (const [body, path, rule] of bad) {
      const res = await clerk.put('/api/v1/agencies/gjxfj/reports/2020/narrative', body);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.deepEqual(res.json<Problem>().errors.map((e) => [e.path, e.rule]), [[path, rule]]);
    }
    assert.equal((await report(2020)).narrative, undefined, 'nothing written by a refused save');
    const narrative = { overview: '2020年，本局……全年共收到申请若干件。', problems: '一是……\n二是……', other: '本年度未收取信息处理费。', appeals: '  ' };
    const res = await clerk.put('/api/v1/agencies/gjxfj/reports/2020/narrative', narrative);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const saved = { overview: narrative.overview, problems: narrative.problems, other: narrative.other };
    assert.deepEqual(res.json<{ narrative: unknown }>().narrative, saved, 'blank sections are dropped');
    assert.deepEqual((await report(2020)).narrative, saved);
    assert.equal((await supervisor.put('/api/v1/agencies/gjxfj/reports/2020/narrative', narrative)).status, 403);
    const audited = await t.db.db.select().from(events).where(eq(events.kind, 'report.narrative_saved'));
    assert.equal(audited.length, 1);
  });

  let openCase = '';
  it('locks 2020: a change to a case it counted is refused with 409 report.locked; registering into 2020 too', async () => {
    const lock = await head.post('/api/v1/agencies/gjxfj/reports/2020/lock');
    assert.equal(lock.status, 200, JSON.stringify(lock.body));
    const open = await cell(2020, 'applications.carried_forward.total');
    assert.equal(open.count, 12);
    openCase = open.items[0]!.id;
    const detail = (await clerk.get(`/api/v1/applications/${openCase}`)).json<{ version: number }>();
    const answer = await clerk.post(`/api/v1/applications/${openCase}/answer`, { version: detail.version, date: '2020-12-30', outcome: 'granted', facts: { grantBasis: 'disclosed', provision: '电子文件于2020年12月30日发送至申请人电子邮箱' } });
    assert.equal(answer.status, 409, JSON.stringify(answer.body));
    assert.equal(answer.json<Problem>().code, 'report.locked');
    const registered = await clerk.post('/api/v1/applications', {
      ...personInput(),
      agencyCode: 'gjxfj',
      channel: 'post',
      receivedOn: '2020-06-01',
    });
    assert.equal(registered.status, 409, JSON.stringify(registered.body));
    assert.equal(registered.json<Problem>().code, 'report.locked');
    assert.equal((await report(2020)).applications['carried_forward']?.total, 12);
    // table 2 of a locked year is refused too
    assert.equal((await clerk.put('/api/v1/agencies/gjxfj/reports/2020/proactive', DEMO_PROACTIVE_2020 as unknown as Record<string, unknown>)).status, 409);
    assert.equal((await clerk.put('/api/v1/agencies/gjxfj/reports/2020/narrative', { overview: '改' })).status, 409, 'the narrative is locked with the figures');
    assert.match((await report(2020)).narrative?.overview ?? '', /全年共收到申请若干件/, 'the published report carries the saved narrative');
  });

  it('reopens 2020 with a reason (audited); then the change goes through', async () => {
    const noReason = await head.post('/api/v1/agencies/gjxfj/reports/2020/reopen', {});
    assert.equal(noReason.status, 400);
    assert.deepEqual(noReason.json<Problem>().errors.map((e) => e.path), ['reason']);
    const reopen = await head.post('/api/v1/agencies/gjxfj/reports/2020/reopen', { reason: '补录一件2020年末已答复的申请' });
    assert.equal(reopen.status, 200, JSON.stringify(reopen.body));
    const audit = await t.db.db.select({ actor: events.actor, payload: events.payload }).from(events).where(eq(events.kind, 'report.reopened'));
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0]!.payload, { year: 2020, reason: '补录一件2020年末已答复的申请' });
    assert.notEqual(audit[0]!.actor, 'system');
    assert.equal((await head.post('/api/v1/agencies/gjxfj/reports/2020/reopen', { reason: '再次重新开放' })).status, 409);

    const detail = (await clerk.get(`/api/v1/applications/${openCase}`)).json<{ version: number }>();
    const answer = await clerk.post(`/api/v1/applications/${openCase}/answer`, { version: detail.version, date: '2020-12-30', outcome: 'granted', facts: { grantBasis: 'disclosed', provision: '电子文件于2020年12月30日发送至申请人电子邮箱' } });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const r = await report(2020);
    assert.equal(r.applications['granted']?.total, 9);
    assert.equal(r.applications['carried_forward']?.total, 11);
  });

  it('a 纠正 reopens a case of a locked year with a new due date; the locked figures stay', async () => {
    assert.equal((await head.post('/api/v1/agencies/gjxfj/reports/2020/lock')).status, 200);
    const published = await report(2020);
    const granted = await cell(2020, 'applications.granted.total');
    const target = granted.items.find((i) => i.ref !== null)!;

    const res = await clerk.post('/api/v1/agencies/gjxfj/appeals', {
      body: '国务院',
      caseNumber: '国复〔2021〕7号',
      path: 'reconsideration',
      filedOn: '2021-01-10',
      result: '纠正',
      correction: 'revoke_reanswer',
      decidedOn: '2021-03-01',
      applications: [target.ref!],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    // 2021-03-01 (Mon) decided → 3/2–3/5 4, 3/8–3/12 9, 3/15–3/19 14, 3/22–3/26 19, 3/29 20
    assert.deepEqual(res.json<{ reopened: unknown }>().reopened, [{ applicationId: target.id, dueOn: '2021-03-29' }]);
    const app = (await clerk.get(`/api/v1/applications/${target.id}`)).json<{ state: string; dueOn: string; version: number }>();
    assert.equal(app.state, 'processing');
    assert.equal(app.dueOn, '2021-03-29');
    const reopenedEvents = await t.db.db.select({ kind: events.kind }).from(events).where(and(eq(events.applicationId, target.id), eq(events.kind, 'reopened')));
    assert.equal(reopenedEvents.length, 1);

    assert.deepEqual((await report(2020)).applications, published.applications);
    assert.deepEqual((await cell(2020, 'applications.granted.total')).items.map((i) => i.id), granted.items.map((i) => i.id));
    // 2021 counts the 纠正 in table 4
    assert.equal((await report(2021)).appeals.reconsideration.corrected, 1);

    // The new answer is given; 2020 (locked) still counts the first conclusion.
    const answer = await clerk.post(`/api/v1/applications/${target.id}/answer`, {
      version: app.version,
      date: '2021-03-10',
      outcome: 'partially_granted',
      facts: { provision: '纸质文件于2021年3月12日起在本机关信息公开受理点领取', reason: '其中第三方个人信息部分经征求意见不同意公开' },
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual((await report(2020)).applications, published.applications);

    const list = await clerk.get('/api/v1/agencies/gjxfj/appeals?year=2021');
    assert.equal(list.status, 200);
    assert.deepEqual(list.json<{ items: { caseNumber: string; result: string; applications: string[] }[] }>().items.map((a) => [a.caseNumber, a.result, a.applications]), [['国复〔2021〕7号', 'corrected', [target.id]]]);
  });

  it('refuses an appeal record that would change table 4 of the locked year', async () => {
    const res = await clerk.post('/api/v1/agencies/gjxfj/appeals', {
      body: '国务院',
      caseNumber: '国复〔2020〕999号',
      path: 'reconsideration',
      filedOn: '2020-11-01',
      result: 'upheld',
      decidedOn: '2020-12-20',
      applications: [openCase],
    });
    assert.equal(res.status, 409);
    assert.equal(res.json<Problem>().code, 'report.locked');
    const bad = await clerk.post('/api/v1/agencies/gjxfj/appeals', { body: '国务院', caseNumber: 'x', path: 'nowhere', filedOn: '2021-01-01', result: 'maybe', applications: ['nope'] });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.json<Problem>().errors.map((e) => e.path).sort(), ['appeal.path', 'appeal.result']);
  });
});
