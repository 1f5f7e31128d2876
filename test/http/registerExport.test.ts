/**
 * The register (台账) export (issue 11, refusals recorded): a year's cases in the columns of spec/register.md
 * plus the answer's reason, the Art. 16 discretionary decision, the decision as the letter states it, 文号
 * and date; applicant masked unless asked for with a reason (audited); CSV and XLSX re-import into an empty
 * installation and give the same table 3. Also decisions.md #15: the build lists unconfirmed submissions.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { systemActor } from '../../src/accounts/actor.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { events } from '../../src/db/schema.ts';
import { importRegister } from '../../src/register/importRegister.ts';
import { parseRegister } from '../../src/register/read.ts';
import { buildAgencyReport } from '../../src/report/build/db.ts';
import { registerCase, stepOk } from '../support/cases.ts';
import { createTestDb } from '../support/db.ts';
import { orgInput, personInput, seedAgencies } from '../support/fixtures.ts';
import { startTestApp } from '../support/http.ts';
import type { Client, TestApp } from '../support/http.ts';

interface View {
  id: string;
  version: number;
  receiptCode: string;
}
interface Exported {
  headers: string[];
  rows: string[][];
  revealed: boolean;
}

describe('register export', () => {
  let t: TestApp;
  let clerk: Client;
  let supervisor: Client;
  const cases: Record<string, View> = {};

  const register = (receivedOn: string, input = personInput()) => registerCase<View>(clerk, receivedOn, input);
  const step = async (c: View, path: string, date: string, body: Record<string, unknown> = {}) => void (await stepOk(clerk, c, path, date, body));

  before(async () => {
    t = await startTestApp();
    t.today.value = '2021-01-10';
    clerk = await t.as('clerk');
    supervisor = await t.as('supervisor');
    cases['carried'] = await register('2019-12-20');
    await step(cases['carried'], 'answer', '2020-01-10', { outcome: 'granted', facts: { grantBasis: 'disclosed', provision: '电子文件于2020年1月10日发送至申请人电子邮箱' } });
    cases['process'] = await register('2020-03-02', personInput({ description: '=HYPERLINK("http://x")某某事项的请示稿' }));
    await step(cases['process'], 'answer', '2020-03-20', { outcome: 'withheld.process_information', facts: { reason: '该文件为尚在讨论中的请示稿', discretion: '该事项尚未决定，公开可能误导公众' } });
    cases['elsewhere'] = await register('2020-04-01', orgInput());
    await step(cases['elsewhere'], 'answer', '2020-04-10', {
      outcome: 'unavailable.not_held',
      facts: { notHeldBasis: 'not_responsible', reason: '该信息由教育部门制作并保存', responsibleOrgan: '北京市教育委员会', responsibleContact: '010-51990000' },
    });
    cases['lapsed'] = await register('2020-05-06');
    await step(cases['lapsed'], 'request-supplement', '2020-05-07', { items: '请写明所需文件的名称' });
    await step(cases['lapsed'], 'lapse-supplement', '2020-05-28');
    cases['open'] = await register('2020-12-01');
    cases['next'] = await register('2021-01-05');
  });
  after(async () => t.close());

  async function exportJson(who: Client, query = ''): Promise<Exported> {
    const res = await who.get(`/api/v1/agencies/gjxfj/register?year=2020&format=json${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.json<Exported>();
  }

  function column(e: Exported, header: string): string[] {
    const i = e.headers.indexOf(header);
    assert.ok(i >= 0, `column ${header}`);
    return e.rows.map((r) => r[i]!);
  }

  it('lists the cases table 3 of the year counts, with the reason, the Art. 16 decision, the letter’s words, 文号 and date', async () => {
    const e = await exportJson(supervisor);
    assert.equal(e.revealed, false);
    const codes = column(e, '受理编号');
    assert.deepEqual(codes, ['carried', 'process', 'elsewhere', 'lapsed', 'open'].map((k) => cases[k]!.receiptCode), 'received in 2020 or carried over into it; not 2021');
    assert.deepEqual(column(e, '办理结果'), ['予以公开', '属于四类过程性信息', '本机关不掌握相关政府信息', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '']);
    assert.deepEqual(column(e, '办结日期'), ['2020-01-10', '2020-03-20', '2020-04-10', '2020-05-28', '']);
    assert.deepEqual(column(e, '申请人'), ['张*丰', '张*丰', '某某律师事务所', '张*丰', '张*丰'], 'masked by default');
    const row = e.rows[1]!;
    const at = (h: string) => row[e.headers.indexOf(h)];
    assert.equal(at('具体理由'), '该文件为尚在讨论中的请示稿');
    assert.equal(at('第十六条裁量决定（可以不予公开的理由）'), '该事项尚未决定，公开可能误导公众');
    assert.match(at('答复内容（告知书所述）')!, /^经审查，您申请获取的政府信息属于.*过程性信息.*决定不予公开，理由：该事项尚未决定，公开可能误导公众。$/);
    assert.match(at('告知书文号')!, /^国信公开〔2020〕\d+号$/);
    assert.equal(at('告知书日期'), '2020-03-20');
    assert.match(column(e, '答复内容（告知书所述）')[2]!, /由北京市教育委员会负责公开，联系方式：010-51990000/);
    assert.match(column(e, '答复内容（告知书所述）')[3]!, /逾期未补正/, 'a lapse: the 告知书 stands for the letter');
    assert.match(column(e, '告知书文号')[3]!, /^国信公开〔2020〕\d+号$/);
  });

  it('gives the applicant in full only with a reason, to staff who may see it, and audits every export', async () => {
    assert.equal((await supervisor.get('/api/v1/agencies/gjxfj/register?year=2020&personalData=full&reason=核对')).status, 403);
    const noReason = await clerk.get('/api/v1/agencies/gjxfj/register?year=2020&personalData=full');
    assert.equal(noReason.status, 400);
    assert.equal(noReason.json<{ errors: { path: string }[] }>().errors[0]?.path, 'reason');
    assert.equal((await clerk.get('/api/v1/agencies/other/register?year=2020')).status, 403, 'another agency');
    assert.equal((await clerk.get('/api/v1/agencies/gjxfj/register?year=2018')).status, 400);
    const before = (await t.db.db.select().from(events).where(eq(events.kind, 'register.exported'))).length;
    const full = await exportJson(clerk, '&personalData=full&reason=向档案室移交2020年度台账');
    assert.equal(full.revealed, true);
    assert.deepEqual(column(full, '申请人').slice(0, 3), ['张三丰', '张三丰', '某某律师事务所']);
    const audit = await t.db.db.select().from(events).where(eq(events.kind, 'register.exported'));
    assert.equal(audit.length, before + 1, 'refused exports write nothing');
    assert.deepEqual(audit.at(-1)!.payload, { year: 2020, rows: 5, personalData: 'full', reason: '向档案室移交2020年度台账' });
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`re-imports as ${format} into an empty installation with the same table 3`, async () => {
      const res = await clerk.get(`/api/v1/agencies/gjxfj/register?year=2020&format=${format}`);
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-disposition']), new RegExp(`gjxfj-2020-.*\\.${format}`));
      if (format === 'csv') {
        assert.equal(res.raw.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 with BOM');
        assert.ok(res.raw.toString('utf8').includes(`"'=HYPERLINK(""http://x"")某某事项的请示稿"`), 'a formula is written as text');
      }
      const rows = await parseRegister(new Uint8Array(res.raw), format);
      assert.equal(rows.length, 5);
      assert.equal(rows[1]?.subject, '=HYPERLINK("http://x")某某事项的请示稿');
      assert.equal(rows[1]?.notes['具体理由'], '该文件为尚在讨论中的请示稿', 'the answer columns come back as notes');

      const empty = await createTestDb();
      try {
        await seedAgencies(empty.db);
        const sys = systemActor('test');
        await importRegister(empty.db, sys, SecretKey.random(), { agencyCode: 'gjxfj', fileName: `2020.${format}`, rows });
        const original = await buildAgencyReport(t.db.db, sys, 'gjxfj', 2020, false);
        const copy = await buildAgencyReport(empty.db, sys, 'gjxfj', 2020, false);
        assert.deepEqual(copy.report.applications, original.report.applications);
        assert.equal(original.report.applications.processed_total?.total, 4);
      } finally {
        await empty.close();
      }
    });
  }

  it('the report build lists the online submissions never confirmed (not in table 3), over the API', async () => {
    t.today.value = '2020-12-30';
    const sub = await t.anonymous().post('/api/v1/public/agencies/gjxfj/applications', { ...personInput() });
    assert.equal(sub.status, 201);
    const code = sub.json<{ receiptCode: string }>().receiptCode;
    t.today.value = '2021-01-10';
    const report = (await clerk.get('/api/v1/agencies/gjxfj/reports/2020')).json<{ applications: { received: { total: number } }; provenance: { unconfirmed: { receiptCode: string; submittedOn: string }[] } }>();
    assert.deepEqual(report.provenance.unconfirmed.map((u) => [u.receiptCode, u.submittedOn]), [[code, '2020-12-30']]);
    assert.equal(report.applications.received.total, 4, 'not counted');
    assert.deepEqual((await clerk.get('/api/v1/agencies/gjxfj/reports/2019')).json<{ provenance: { unconfirmed: unknown[] } }>().provenance.unconfirmed, [], 'submitted after 2019');
    const workspace = (await clerk.get('/api/v1/agencies/gjxfj/reports/2020/workspace')).json<{ unconfirmed: { receiptCode: string }[] }>();
    assert.deepEqual(workspace.unconfirmed.map((u) => u.receiptCode), [code], 'the console’s report workspace has them too');
    const pdf = await clerk.get('/api/v1/agencies/gjxfj/reports/2020?format=md');
    assert.match(decodeURIComponent(String(pdf.headers['gongkai-report-warnings'])), new RegExp(`1件网上提交的申请尚未确认收到，未计入表三：${code}`));
  });
});
