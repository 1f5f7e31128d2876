/**
 * Issue 11: every defect found in the review of the case workflow against the 条例, reproduced over the
 * API — each test failed before the change. Dates are in 2020 (holiday data loaded; 10-01..10-08 off).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { docxText as docxTextOf, pdfText as pdfTextOf, registerCase, stepOk } from '../support/cases.ts';
import { personInput, VALID_ID } from '../support/fixtures.ts';
import { startTestApp } from '../support/http.ts';
import type { Client, TestApp } from '../support/http.ts';
import { residentIdCheckChar } from '../../src/requests/identity.ts';

interface View {
  id: string;
  state: string;
  version: number;
  receiptCode: string;
  dueOn: string | null;
  outcome: string | null;
}
interface StepResponse {
  application: View;
  clock: { dueOn: string | null; status: string; supplementNoticeLate?: boolean; reasoning: { text: string; article: string }[] };
}
interface Problem {
  code: string;
  detail: string;
  errors: { path: string; rule: string; message: string }[];
}
interface Notice {
  id: string;
  kind: string;
  number: string;
  title: string;
  addressee: string;
  body: string;
}

const OTHER_ID = `11010519800101001${residentIdCheckChar('11010519800101001')}`;

describe('issue 11: applications handled the way a court would uphold it', () => {
  let t: TestApp;
  let clerk: Client;
  let head: Client;
  let admin: Client;

  before(async () => {
    t = await startTestApp();
    t.today.value = '2020-12-31';
    clerk = await t.as('clerk');
    head = await t.as('head');
    admin = await t.as('admin');
  });
  after(async () => t.close());

  /** A case registered in person on `receivedOn`. */
  const register = (receivedOn: string, overrides: Parameters<typeof personInput>[0] = {}, agencyCode = 'gjxfj', who = clerk) => registerCase<View>(who, receivedOn, overrides, agencyCode);

  /** One step; returns the response (status unchecked). */
  async function post(c: { id: string; version: number }, path: string, date: string, body: Record<string, unknown> = {}, who = clerk) {
    return who.post(`/api/v1/applications/${c.id}/${path}`, { version: c.version, date, ...body });
  }

  /** One step that must succeed; updates the case's version. */
  async function ok(c: View, path: string, date: string, body: Record<string, unknown> = {}, who = clerk): Promise<StepResponse> {
    const r = await stepOk<StepResponse>(who, c, path, date, body);
    c.state = r.application.state;
    return r;
  }

  async function refused(c: View, path: string, date: string, body: Record<string, unknown>, status: number, code: string): Promise<Problem> {
    const before = (await clerk.get(`/api/v1/applications/${c.id}/timeline`)).json<{ items: unknown[] }>().items.length;
    const res = await post(c, path, date, body);
    assert.equal(res.status, status, `${path}: ${JSON.stringify(res.body)}`);
    const p = res.json<Problem>();
    assert.ok(p.code === code || p.errors.some((e) => e.rule === code), `${code} expected, got ${JSON.stringify(p)}`);
    const afterCount = (await clerk.get(`/api/v1/applications/${c.id}/timeline`)).json<{ items: unknown[] }>().items.length;
    assert.equal(afterCount, before, 'nothing written');
    return p;
  }

  async function letterOf(c: View): Promise<{ body: string; number: string | null; status: string; articles: string[] }> {
    return (await clerk.get(`/api/v1/applications/${c.id}/letter`)).json();
  }

  async function notices(c: View): Promise<Notice[]> {
    return (await clerk.get(`/api/v1/applications/${c.id}/notices`)).json<{ items: Notice[] }>().items;
  }

  const pdfText = (url: string) => pdfTextOf(clerk, url);
  const docxText = (url: string) => docxTextOf(clerk, url);

  describe('Art. 15 (保护第三方合法权益)', () => {
    it('is refused with no third party consulted, and after the third party agreed', async () => {
      const c = await register('2020-09-01');
      const answer = { outcome: 'withheld.third_party_rights', facts: { reason: '该合同载有某公司的报价等商业秘密' } };
      await refused(c, 'answer', '2020-09-10', answer, 422, 'answer.third_party_not_consulted');
      await ok(c, 'consult-third-party', '2020-09-10', { party: '某某科技有限公司' });
      await refused(c, 'receive-third-party-reply', '2020-09-20', {}, 400, 'required');
      await ok(c, 'receive-third-party-reply', '2020-09-21', { opinion: 'agrees' });
      await refused(c, 'answer', '2020-09-22', answer, 422, 'answer.third_party_agreed');
    });

    it('after an objecting reply, the letter says the third party objected; with a recorded reason, says that instead of Art. 32', async () => {
      const a = await register('2020-09-01');
      await ok(a, 'consult-third-party', '2020-09-03', { party: '某某科技有限公司' });
      await ok(a, 'receive-third-party-reply', '2020-09-15', { opinion: 'objects' });
      await ok(a, 'answer', '2020-09-16', { outcome: 'withheld.third_party_rights', facts: { reason: '该合同载有某公司的报价等商业秘密' } });
      const la = await letterOf(a);
      assert.match(la.body, /第三方于2020年9月15日书面答复不同意公开/);
      assert.match(la.body, /该合同载有某公司的报价等商业秘密/);

      const b = await register('2020-09-01');
      await ok(b, 'answer', '2020-09-16', { outcome: 'withheld.third_party_rights', facts: { reason: '该信息为某自然人的病历', noConsultationReason: '该第三方已死亡且无法确定其近亲属' } });
      const lb = await letterOf(b);
      assert.doesNotMatch(lb.body, /不同意公开/);
      assert.doesNotMatch(lb.body, /第三十二条/);
      assert.match(lb.body, /未能征求第三方意见，理由：该第三方已死亡且无法确定其近亲属/);
      assert.deepEqual(lb.articles, ['第十五条', '第三十六条第（三）项']);
    });

    it('disclosing over an objection needs the written Art. 32 notice to the third party first', async () => {
      const c = await register('2020-09-01');
      await ok(c, 'consult-third-party', '2020-09-03', { party: '某某科技有限公司', information: '某项目合同的金额和履行期限' });
      await ok(c, 'receive-third-party-reply', '2020-09-15', { opinion: 'objects' });
      const grant = { outcome: 'granted', facts: { grantBasis: 'disclosed', provision: '电子文件于2020年9月30日发送至申请人电子邮箱' } };
      await refused(c, 'answer', '2020-09-16', grant, 422, 'answer.third_party_not_told');
      await ok(c, 'notify-third-party-disclosure', '2020-09-16', { what: '合同金额和履行期限', why: '该项目使用财政资金，公开合同金额涉及重大公共利益' });
      await ok(c, 'answer', '2020-09-30', grant);
      const n = await notices(c);
      assert.deepEqual(n.map((x) => x.kind), ['third-party-consultation', 'third-party-disclosure']);
      assert.equal(n[0]?.addressee, '某某科技有限公司');
      assert.match(n[0]!.body, /15个工作日内/);
      assert.match(n[0]!.body, /逾期未提出意见的，由本机关依法决定是否公开/);
      assert.match(n[1]!.body, /决定公开的政府信息内容：合同金额和履行期限。理由：该项目使用财政资金/);
      assert.match(n[1]!.body, /60日内/, 'the third party is told its remedies');
    });
  });

  describe('letters that state the case', () => {
    it('refuses an answer without its facts, and a letter with a placeholder left', async () => {
      const c = await register('2020-09-01', { description: '2020年度信访工作统计数据。' });
      const p = await refused(c, 'answer', '2020-09-10', { outcome: 'granted' }, 400, 'required');
      assert.equal(p.errors[0]?.path, 'facts.grantBasis');
      const draft = (await clerk.get(`/api/v1/applications/${c.id}/letter?outcome=granted`)).json<{ body: string }>();
      assert.match(draft.body, /［请填写：/);
      const saved = await clerk.put(`/api/v1/applications/${c.id}/letter`, { version: c.version, date: '2020-09-09', outcome: 'granted', title: '政府信息公开申请答复告知书', body: draft.body });
      c.version = saved.json<StepResponse>().application.version;
      const p2 = await refused(c, 'answer', '2020-09-10', { outcome: 'granted', facts: { grantBasis: 'disclosed', provision: '电子文件发送至申请人邮箱' } }, 422, 'letter.placeholder');
      assert.match(p2.detail, /［请填写：公开依据/);
    });

    it('a grant under 36(二) states the way, route and time; under 36(一) where it is published; 文号, （印章）, remedies with the configured bodies', async () => {
      const c = await register('2020-09-01', { description: '2020年度信访工作统计数据。' });
      await ok(c, 'answer', '2020-09-10', { outcome: 'granted', facts: { grantBasis: 'disclosed', provision: '电子文件于2020年9月10日发送至申请人电子邮箱zhang@example.cn' } });
      const l = await letterOf(c);
      assert.equal(l.status, 'sent');
      assert.match(l.number ?? '', /^国信公开〔2020〕\d+号$/);
      assert.doesNotMatch(l.body, /。”。|［/);
      assert.match(l.body, /申请获取“2020年度信访工作统计数据”。/);
      assert.match(l.body, /获取信息的方式、途径和时间：电子文件于2020年9月10日发送/);
      assert.deepEqual(l.articles, ['第三十六条第（二）项']);
      assert.match(l.body, /60日内向国家信访局申请行政复议，或者自收到本告知书之日起6个月内向北京市第二中级人民法院提起行政诉讼/);
      assert.match(l.body, /\n国家信访局\n（印章）\n2020年9月10日$/);
      for (const text of [await pdfText(`/api/v1/applications/${c.id}/letter.pdf`), await docxText(`/api/v1/applications/${c.id}/letter.docx`)]) {
        for (const element of [l.number!, '受理编号', '（印章）', '第三十六条第（二）项', '国家信访局申请行政复议', '北京市第二中级人民法院', '联系电话：010-68018000']) {
          assert.ok(text.replace(/\s+/g, '').includes(element), `${element} in the rendered letter`);
        }
      }

      const d = await register('2020-09-01');
      await ok(d, 'answer', '2020-09-10', { outcome: 'granted', facts: { grantBasis: 'published', publishedAt: '国家信访局网站“法定主动公开内容”栏目，2020年3月1日发布，索引号000014349/2020-00012' } });
      const ld = await letterOf(d);
      assert.match(ld.body, /本机关已经主动公开，您可以通过以下方式、途径获取：国家信访局网站/);
      assert.deepEqual(ld.articles, ['第三十六条第（一）项']);
      assert.notEqual(ld.number, l.number, 'numbered per agency, one after the other');
    });

    it('refusals under Arts. 14–16 carry the specific reason, the Art. 16 discretion, and the 复议前置 remedy', async () => {
      const s = await register('2020-09-01');
      await ok(s, 'answer', '2020-09-10', { outcome: 'withheld.state_secret', facts: { reason: '该文件已于2019年5月由本机关依法定为秘密级国家秘密，保密期限10年' } });
      const ls = await letterOf(s);
      assert.match(ls.body, /依法定为秘密级国家秘密/);
      assert.match(ls.body, /应当先自收到本告知书之日起60日内向国家信访局申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向北京市第二中级人民法院提起行政诉讼/);
      assert.doesNotMatch(ls.body, /6个月内/);

      const p = await register('2020-09-01');
      await refused(p, 'answer', '2020-09-10', { outcome: 'withheld.process_information', facts: { reason: '该文件为尚在讨论中的请示稿' } }, 400, 'required');
      await ok(p, 'answer', '2020-09-10', { outcome: 'withheld.process_information', facts: { reason: '该文件为尚在讨论中的请示稿', discretion: '该事项尚未决定，公开可能误导公众' } });
      const lp = await letterOf(p);
      assert.match(lp.body, /可以不予公开.*决定不予公开，理由：该事项尚未决定，公开可能误导公众/);
      const view = (await clerk.get(`/api/v1/applications/${p.id}`)).json<{ answerFacts: Record<string, string> }>();
      assert.equal(view.answerFacts['discretion'], '该事项尚未决定，公开可能误导公众', 'the reason is a field of the case');
    });

    it('36(四) and 36(五) are distinct letters; (五) names the responsible organ and its contact', async () => {
      const a = await register('2020-09-01');
      await refused(a, 'answer', '2020-09-10', { outcome: 'unavailable.not_held', facts: { notHeldBasis: 'not_responsible', reason: '该信息由教育部门制作' } }, 400, 'required');
      await ok(a, 'answer', '2020-09-10', {
        outcome: 'unavailable.not_held',
        facts: { notHeldBasis: 'not_responsible', reason: '该信息由教育部门制作并保存', responsibleOrgan: '北京市教育委员会', responsibleContact: '010-51990000，北京市西城区前门东大街2号' },
      });
      const la = await letterOf(a);
      assert.deepEqual(la.articles, ['第三十六条第（五）项']);
      assert.match(la.body, /由北京市教育委员会负责公开，联系方式：010-51990000/);
      assert.doesNotMatch(la.body, /第（四）项|不存在/);

      const b = await register('2020-09-01');
      await ok(b, 'answer', '2020-09-10', { outcome: 'unavailable.not_held', facts: { notHeldBasis: 'not_exist', search: '本机关检索了2015年至2020年的公文系统和档案室，以“统计”“月报”为关键词' } });
      const lb = await letterOf(b);
      assert.deepEqual(lb.articles, ['第三十六条第（四）项']);
      assert.match(lb.body, /经检索，本机关检索了2015年至2020年的公文系统/);
      assert.doesNotMatch(lb.body, /第（五）项/);
    });

    it('a letter cannot be sent before the agency has its 复议机关, court and 文号 set; never a 政务公开办', async () => {
      const other = await clerk.post('/api/v1/applications', { ...personInput(), agencyCode: 'other', channel: 'in-person', receivedOn: '2020-09-01' });
      assert.equal(other.status, 403, 'clerk is not in that subtree');
      const otherClerk = await t.as('otherclerk');
      const c = await register('2020-09-01', {}, 'other', otherClerk);
      const res = await otherClerk.post(`/api/v1/applications/${c.id}/answer`, { version: c.version, date: '2020-09-10', outcome: 'not_processed.petition_complaint' });
      assert.equal(res.status, 422);
      assert.equal(res.json<Problem>().code, 'agency.settings_missing');

      const regionAdmin = await t.as('regionadmin');
      const bad = await regionAdmin.put('/api/v1/agencies/other/settings', { version: 0, reviewBody: '示范地区政务公开办', court: '某某区人民法院', letterNumberPattern: '其他公开文书编号' });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.json<Problem>().errors.map((e) => `${e.path}:${e.rule}`).sort(), ['letterNumberPattern:pattern', 'reviewBody:not_complaint_office']);
      assert.equal((await clerk.put('/api/v1/agencies/gjxfj/settings', { version: 1, court: '北京市第一中级人民法院' })).status, 403, 'admin only');
      const view = (await regionAdmin.get('/api/v1/agencies/other/settings')).json<{ missing: string[]; version: number }>();
      assert.deepEqual(view.missing, ['行政复议机关', '人民法院', '文号格式']);
      const put = await regionAdmin.put('/api/v1/agencies/other/settings', { version: 0, organKind: 'department', reviewBody: '示范市人民政府', court: '示范市某某区人民法院', letterNumberPattern: '示其公〔{YYYY}〕{NNN}号' });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      const s = put.json<{ suggestion: { reviewBody: string; article: string }; missing: string[] }>();
      assert.deepEqual(s.missing, []);
      assert.equal(s.suggestion.article, '《行政复议法》第二十四条第一款第（一）项');
      const sent = await otherClerk.post(`/api/v1/applications/${c.id}/answer`, { version: c.version, date: '2020-09-10', outcome: 'not_processed.petition_complaint' });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      const l = (await otherClerk.get(`/api/v1/applications/${c.id}/letter`)).json<{ number: string; body: string }>();
      assert.equal(l.number, '示其公〔2020〕001号');
      assert.match(l.body, /向示范市人民政府申请行政复议/);
    });
  });

  describe('the clock', () => {
    it('the 补正 period is required (agency setting, default 15 working days, never under 5); lapse not before it ends; the notice lists every item', async () => {
      const c = await register('2020-09-01');
      await refused(c, 'request-supplement', '2020-09-02', { items: '请写明文件名称', periodEnd: '2020-09-03' }, 400, 'supplement.period_min');
      const r = await ok(c, 'request-supplement', '2020-09-02', { items: '请写明所需文件的名称或文号\n请写明获取信息的方式' });
      const ev = (await clerk.get(`/api/v1/applications/${c.id}/timeline`)).json<{ items: { kind: string; payload: Record<string, unknown> }[] }>().items.find((e) => e.kind === 'supplement-requested');
      assert.equal(ev?.payload['periodEnd'], '2020-09-23', '15 working days after 09-02');
      assert.equal(r.application.state, 'awaiting_supplement');
      await refused(c, 'lapse-supplement', '2020-09-03', {}, 422, 'deadline.event_rejected');
      await ok(c, 'lapse-supplement', '2020-09-23');
      const n = await notices(c);
      assert.deepEqual(n.map((x) => x.kind), ['supplement', 'supplement-lapsed']);
      assert.match(n[0]!.body, /1\. 请写明所需文件的名称或文号；2\. 请写明获取信息的方式。/);
      assert.match(n[0]!.body, /请您于2020年9月23日前（自本告知书发出次日起15个工作日内）补正/);
      assert.match(n[0]!.body, /视为放弃申请/);
      assert.match(n[1]!.body, /无正当理由逾期未补正/);
      assert.match(n[1]!.body, /60日内向国家信访局申请行政复议/);
      const text = await pdfText(`/api/v1/applications/${c.id}/notices/${n[0]!.id}.pdf`);
      for (const element of ['政府信息公开申请补正告知书', n[0]!.number, '张三丰', '一次性告知', '2020年9月23日前', '视为放弃申请', '重新计算答复期限', '（印章）']) assert.ok(text.includes(element), `${element} in the PDF`);
      const docx = await docxText(`/api/v1/applications/${c.id}/notices/${n[0]!.id}.docx`);
      assert.ok(docx.includes('2020年9月23日前') && docx.includes(n[0]!.number));
    });

    it('the agency’s settings are used for its cases (补正 period)', async () => {
      const cur = (await admin.get('/api/v1/agencies/gjxfj/settings')).json<{ version: number }>();
      const put = await admin.put('/api/v1/agencies/gjxfj/settings', { version: cur.version, supplementPeriodDays: 10 });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      assert.equal((await admin.put('/api/v1/agencies/gjxfj/settings', { version: cur.version + 1, supplementPeriodDays: 3 })).status, 400);
      const c = await register('2020-09-01');
      await ok(c, 'request-supplement', '2020-09-02', { items: '请写明文件名称' });
      const ev = (await clerk.get(`/api/v1/applications/${c.id}/timeline`)).json<{ items: { kind: string; payload: Record<string, unknown> }[] }>().items.find((e) => e.kind === 'supplement-requested');
      assert.equal(ev?.payload['periodEnd'], '2020-09-16', '10 working days after 09-02');
      await admin.put('/api/v1/agencies/gjxfj/settings', { version: cur.version + 1, supplementPeriodDays: 15 });
    });

    it('a 补正 notice after the 7th working day is recorded and flagged 逾期告知补正', async () => {
      const c = await register('2020-09-01');
      const r = await ok(c, 'request-supplement', '2020-09-14', { items: '请写明文件名称' });
      assert.equal(r.clock.supplementNoticeLate, true);
      assert.ok(r.clock.reasoning.some((s) => s.text.startsWith('逾期告知补正')));
      assert.match((await notices(c))[0]!.body, /收到申请之日起7个工作日后发出/);
    });

    it('online submissions: listed when unconfirmed, receipt never before submission, rejectable with a reason', async () => {
      t.today.value = '2020-09-01';
      const a = (await t.anonymous().post('/api/v1/public/agencies/gjxfj/applications', { ...personInput() })).json<{ receiptCode: string }>();
      const b = (await t.anonymous().post('/api/v1/public/agencies/gjxfj/applications', { ...personInput({ description: 'aaaaa' }) })).json<{ receiptCode: string }>();
      t.today.value = '2020-09-04';
      const list = (await clerk.get('/api/v1/applications/unconfirmed')).json<{ items: { id: string; receiptCode: string; waitingDays: number; flagged: boolean; version: number; state?: string }[] }>().items;
      const ia = list.find((i) => i.receiptCode === a.receiptCode)!;
      const ib = list.find((i) => i.receiptCode === b.receiptCode)!;
      assert.equal(ia.waitingDays, 3);
      assert.equal(ia.flagged, true);
      const va = { id: ia.id, version: ia.version, state: 'submitted', receiptCode: a.receiptCode, dueOn: null, outcome: null };
      await refused(va, 'confirm-receipt', '2020-08-31', {}, 422, 'receipt.before_submission');
      await ok(va, 'confirm-receipt', '2020-09-02');
      const vb = { id: ib.id, version: ib.version, state: 'submitted', receiptCode: b.receiptCode, dueOn: null, outcome: null };
      await refused(vb, 'reject-submission', '2020-09-04', { reason: '' }, 400, 'minLength');
      const r = await ok(vb, 'reject-submission', '2020-09-04', { reason: '内容为无意义字符，不是政府信息公开申请' });
      assert.equal(r.application.state, 'rejected');
      const after2 = (await clerk.get('/api/v1/applications/unconfirmed')).json<{ items: { receiptCode: string }[] }>().items.map((i) => i.receiptCode);
      assert.ok(!after2.includes(a.receiptCode) && !after2.includes(b.receiptCode));
      t.today.value = '2020-12-31';
    });

    it('the extension is told to the applicant in a 延期答复告知书 with the new due date', async () => {
      const c = await register('2020-09-01');
      await ok(c, 'request-extension', '2020-09-20', { reason: '需要调取多个年度的档案并逐件审查' });
      const r = await ok(c, 'approve-extension', '2020-09-21', {}, head);
      const n = await notices(c);
      assert.equal(n[0]?.kind, 'extension');
      assert.match(n[0]!.body, /因需要调取多个年度的档案并逐件审查，本机关不能在法定期限内作出答复/);
      assert.equal(r.application.dueOn, '2020-11-02');
      assert.match(n[0]!.body, /答复期限延长20个工作日，本机关将于2020年11月2日前作出答复/);
    });

    it('a 纠正 reopens the case only when it orders a new answer (decisions.md #14)', async () => {
      const c = await register('2020-09-01');
      await ok(c, 'answer', '2020-09-10', { outcome: 'not_processed.petition_complaint' });
      const base = { body: '国家信访局', caseNumber: '国信复〔2020〕3号', path: 'reconsideration', filedOn: '2020-10-12', result: 'corrected', decidedOn: '2020-11-20', applications: [c.id] };
      const missing = await clerk.post('/api/v1/agencies/gjxfj/appeals', base);
      assert.equal(missing.status, 400);
      assert.ok(missing.json<Problem>().errors.some((e) => e.path === 'appeal.correction'));
      const unlawful = await clerk.post('/api/v1/agencies/gjxfj/appeals', { ...base, correction: 'confirm_unlawful' });
      assert.equal(unlawful.status, 201, JSON.stringify(unlawful.body));
      assert.deepEqual(unlawful.json<{ reopened: unknown[] }>().reopened, []);
      const redo = await clerk.post('/api/v1/agencies/gjxfj/appeals', { ...base, caseNumber: '国信复〔2020〕4号', correction: 'revoke_reanswer', servedOn: '2020-11-23' });
      assert.equal(redo.status, 201, JSON.stringify(redo.body));
      // served Mon 11-23: 20 working days from 11-24 → 12-21
      assert.deepEqual(redo.json<{ reopened: { dueOn: string }[] }>().reopened.map((r) => r.dueOn), ['2020-12-21']);
      const d = await register('2020-09-01');
      await ok(d, 'answer', '2020-09-10', { outcome: 'not_processed.petition_complaint' });
      const set = await clerk.post('/api/v1/agencies/gjxfj/appeals', { ...base, caseNumber: '国信复〔2020〕5号', applications: [d.id], correction: 'order_performance', servedOn: '2020-11-23', periodDays: 10 });
      assert.equal(set.status, 201, JSON.stringify(set.body));
      // the period the decision sets: 10 working days from 11-24 → 12-07
      assert.deepEqual(set.json<{ reopened: { dueOn: string }[] }>().reopened.map((r) => r.dueOn), ['2020-12-07']);
    });
  });

  describe('fees per 109号', () => {
    it('is refused when 109号 charges nothing, computed by the fee function otherwise, never above the standard', async () => {
      const first = await register('2020-09-01', { applicant: { ...personInput().applicant, idNumber: `11010519600101004${residentIdCheckChar('11010519600101004')}` } });
      await refused(first, 'send-fee-notice', '2020-09-02', { method: 'per-item', payment: '通过非税收入缴款书缴纳' }, 422, 'fee.not_chargeable');
      const id = `11010519700101003${residentIdCheckChar('11010519700101003')}`;
      let eleventh: View | undefined;
      for (let i = 1; i <= 11; i++) eleventh = await register(`2020-11-${String(i + 1).padStart(2, '0')}`, { applicant: { ...personInput().applicant, idNumber: id } });
      const c = eleventh!;
      await refused(c, 'send-fee-notice', '2020-11-13', { method: 'per-item', payment: '通过非税收入缴款书缴纳', chargedFen: 20000 }, 422, 'fee.above_standard');
      await refused(c, 'send-fee-notice', '2020-11-13', { method: 'per-item', payment: '通过非税收入缴款书缴纳', chargedFen: 5000 }, 400, 'required');
      await ok(c, 'send-fee-notice', '2020-11-13', { method: 'per-item', payment: '凭本通知书到本机关财务处领取非税收入一般缴款书，通过银行柜台缴纳' });
      const n = (await notices(c))[0]!;
      assert.equal(n.kind, 'fee');
      for (const element of ['国办函〔2020〕109号', '第四十二条', '按件计收', '累计提出政府信息公开申请11件', '第11件：1件 × 100元 = 100元', '应缴金额为100元', '银行柜台缴纳', '20个工作日内', '视为放弃申请']) {
        assert.ok(n.body.includes(element), `${element} in the 收费通知书`);
      }
      await ok(c, 'lapse-fee', '2020-12-11');
      const lapse = (await notices(c))[1]!;
      assert.equal(lapse.kind, 'fee-lapsed');
      assert.match(lapse.body, /逾期未缴纳信息处理费/);
    });
  });

  describe('Art. 35, 重复申请 and 补正后仍不明确 only on their record', () => {
    it('still_unclear needs a 补正 on record; mass_repetitive needs the Art. 35 request and an unreasonable reply', async () => {
      const c = await register('2020-09-01');
      await refused(c, 'answer', '2020-09-10', { outcome: 'unavailable.still_unclear', facts: { reason: '补正后仍未写明文件名称' } }, 422, 'answer.no_supplement_on_record');
      await refused(c, 'answer', '2020-09-10', { outcome: 'not_processed.mass_repetitive', facts: { reason: '理由不合理' } }, 422, 'answer.no_art35_on_record');
      await ok(c, 'request-reasons', '2020-09-10', { facts: '您于2020年8月1日至8月31日向本机关提出政府信息公开申请45件，其中38件内容相同', replyBy: '2020-09-18' });
      await refused(c, 'receive-reasons', '2020-09-15', { lapsed: true }, 422, 'reasons.not_lapsed');
      await ok(c, 'receive-reasons', '2020-09-17', { reasonable: false, reasons: '为研究需要', assessment: '研究需要不能说明为何重复申请相同信息' });
      await ok(c, 'answer', '2020-09-18', { outcome: 'not_processed.mass_repetitive', facts: { reason: '您说明的研究需要不能说明为何对相同信息重复申请38次' } });
      const n = await notices(c);
      assert.equal(n[0]?.kind, 'reasons-request');
      assert.match(n[0]!.body, /提出政府信息公开申请45件.*请您于2020年9月18日前书面说明理由/);
    });

    it('reasonable reasons with a later period set by the agency move the due date (Art. 35)', async () => {
      const c = await register('2020-09-01');
      await ok(c, 'request-reasons', '2020-09-02', { facts: '您于2020年8月向本机关提出申请40件，涉及全部内设机构的文件', replyBy: '2020-09-09' });
      const r = await ok(c, 'receive-reasons', '2020-09-08', { reasonable: true, assessment: '系课题研究确有需要', newDueOn: '2020-11-30' });
      assert.equal(r.application.dueOn, '2020-11-30');
      assert.ok(r.clock.reasoning.some((s) => s.article === '《条例》第三十五条'));
    });

    it('重复申请 cites the earlier answered case of the same applicant (applicant key), and only that', async () => {
      const first = await register('2020-09-01');
      await ok(first, 'answer', '2020-09-10', { outcome: 'granted', facts: { grantBasis: 'disclosed', provision: '电子文件于2020年9月10日发送至申请人电子邮箱' } });
      const firstLetter = await letterOf(first);
      const stranger = await register('2020-09-02', { applicant: { ...personInput().applicant, name: '李四', idNumber: OTHER_ID } });
      await refused(stranger, 'answer', '2020-09-20', { outcome: 'not_processed.repeated', facts: { earlierReceiptCode: first.receiptCode } }, 422, 'answer.repeated_not_found');
      const again = await register('2020-09-15', { applicant: { ...personInput().applicant, idNumber: VALID_ID.toLowerCase() } });
      await ok(again, 'answer', '2020-09-20', { outcome: 'not_processed.repeated', facts: { earlierReceiptCode: first.receiptCode } });
      const l = await letterOf(again);
      assert.ok(l.body.includes(`受理编号：${first.receiptCode}，本机关已于2020年9月10日以${firstLetter.number}作出答复`), l.body);
    });
  });

  describe('一事一申请', () => {
    it('splits one application into several, each its own case received the same day, with its own clock', async () => {
      const c = await register('2020-09-01', { description: '2020年信访统计数据；本局2019年办公楼维修合同' });
      await refused(c, 'split', '2020-09-03', { parts: ['2020年信访统计数据'] }, 400, 'minItems');
      const res = await post(c, 'split', '2020-09-03', { parts: ['2020年信访统计数据', '本局2019年办公楼维修合同'] });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const r = res.json<StepResponse & { created: { id: string; receiptCode: string; queryPassword: string }[] }>();
      assert.equal(r.created.length, 1);
      const orig = (await clerk.get(`/api/v1/applications/${c.id}`)).json<{ description: string }>();
      assert.equal(orig.description, '2020年信访统计数据');
      const part = (await clerk.get(`/api/v1/applications/${r.created[0]!.id}`)).json<{ description: string; receivedOn: string; dueOn: string; state: string; applicant: { name: string } }>();
      assert.deepEqual([part.description, part.receivedOn, part.dueOn, part.state, part.applicant.name], ['本局2019年办公楼维修合同', '2020-09-01', '2020-09-28', 'processing', '张*丰']);
      const status = await t.anonymous().post('/api/v1/public/applications/status', { receiptCode: r.created[0]!.receiptCode, queryPassword: r.created[0]!.queryPassword });
      assert.equal(status.status, 200, 'the applicant can follow the new case');
    });
  });

  describe('the annual report date (Art. 49)', () => {
    it('lists the agencies late with their report, by their kind', async () => {
      t.today.value = '2021-02-05';
      const res = await clerk.get('/api/v1/agencies/report-timeliness?year=2020');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const body = res.json<{ items: { agencyCode: string; dueOn: string; status: string; daysLate: number }[]; late: { agencyCode: string }[] }>();
      const g = body.items.find((i) => i.agencyCode === 'gjxfj')!;
      assert.equal(g.dueOn, '2021-01-31');
      assert.equal(g.status, 'missing');
      assert.equal(g.daysLate, 5);
      assert.deepEqual(body.late.map((i) => i.agencyCode), ['gjxfj']);
      t.today.value = '2020-12-31';
    });
  });
});
