/**
 * The done-when scenario over the API: online intake → 补正 → third-party consultation → approved
 * extension → answer with 部分公开 → delivery; timeline and due dates checked at every step; the letter's
 * DOCX and PDF open and cite the right articles.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { personInput } from '../support/fixtures.ts';
import { startTestApp } from '../support/http.ts';
import type { Client, TestApp } from '../support/http.ts';

interface View {
  id: string;
  state: string;
  outcome: string | null;
  dueOn: string | null;
  version: number;
  receivedOn: string | null;
  applicant: { name: string; idNumber?: string; phone: string };
}
interface StepResponse {
  application: View;
  clock: { dueOn: string | null; status: string; reasoning: { text: string; article: string }[] };
}

describe('application lifecycle over the API', () => {
  let t: TestApp;
  let clerk: Client;
  let head: Client;
  let id = '';
  let version = 0;
  let receiptCode = '';
  let queryPassword = '';

  before(async () => {
    t = await startTestApp();
    clerk = await t.as('clerk');
    head = await t.as('head');
  });
  after(async () => t.close());

  async function step(who: Client, path: string, date: string, body: Record<string, unknown> = {}): Promise<StepResponse> {
    t.today.value = date;
    const res = await who.post(`/api/v1/applications/${id}/${path}`, { version, date, ...body });
    assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
    const r = res.json<StepResponse>();
    version = r.application.version;
    return r;
  }

  it('takes an online application and gives a receipt code and query password', async () => {
    const res = await t.anonymous().post('/api/v1/public/agencies/gjxfj/applications', { ...personInput() });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const body = res.json<{ receiptCode: string; queryPassword: string; state: string }>();
    assert.equal(body.state, 'submitted');
    receiptCode = body.receiptCode;
    queryPassword = body.queryPassword;
    const list = await clerk.get('/api/v1/applications?state=submitted');
    assert.equal(list.status, 200);
    const items = list.json<{ items: { id: string; applicant: string; version: number }[] }>().items;
    assert.equal(items.length, 1);
    assert.equal(items[0]?.applicant, '张*丰', 'masked in lists');
    id = items[0]!.id;
    version = items[0]!.version;
  });

  it('confirms receipt: 20 working days from the next working day (2020-09-27 is a 调休 working day)', async () => {
    const r = await step(clerk, 'confirm-receipt', '2020-09-02');
    assert.equal(r.application.state, 'processing');
    assert.equal(r.application.receivedOn, '2020-09-02');
    assert.equal(r.application.dueOn, '2020-09-29');
  });

  it('asks for 补正 (clock stops) and restarts the period when the correction arrives', async () => {
    let r = await step(clerk, 'request-supplement', '2020-09-04', { items: '请写明所需文件的名称或文号' });
    assert.equal(r.application.state, 'awaiting_supplement');
    assert.equal(r.application.dueOn, null);
    r = await step(clerk, 'receive-supplement', '2020-09-10');
    assert.equal(r.application.state, 'processing');
    assert.equal(r.application.dueOn, '2020-10-14', 'afresh from 2020-09-10, across the National Day holiday');
  });

  it('consults a third party: the clock stands still, then resumes with the days left', async () => {
    let r = await step(clerk, 'consult-third-party', '2020-09-15', { party: '某某科技有限公司' });
    assert.equal(r.application.state, 'third_party_consultation');
    assert.equal(r.application.dueOn, null);
    r = await step(clerk, 'receive-third-party-reply', '2020-09-29', { opinion: 'objects' });
    assert.equal(r.application.state, 'processing');
    assert.equal(r.application.dueOn, '2020-10-29');
  });

  it('extends only with the head’s approval', async () => {
    let r = await step(clerk, 'request-extension', '2020-10-20', { reason: '需要对大量文件逐一审查' });
    assert.equal(r.application.dueOn, '2020-10-29');
    const denied = await clerk.post(`/api/v1/applications/${id}/approve-extension`, { version, date: '2020-10-21' });
    assert.equal(denied.status, 403);
    assert.equal(denied.json<{ code: string }>().code, 'auth.forbidden');
    r = await step(head, 'approve-extension', '2020-10-21');
    assert.equal(r.application.dueOn, '2020-11-26');
    assert.ok(r.clock.reasoning.some((s) => s.text.includes('延长20个工作日')));
  });

  it('drafts the letter from the outcome, and keeps the clerk’s edit', async () => {
    t.today.value = '2020-11-09';
    const draft = await clerk.get(`/api/v1/applications/${id}/letter?outcome=partially_granted`);
    assert.equal(draft.status, 200);
    const d = draft.json<{ body: string; status: string; articles: string[] }>();
    assert.equal(d.status, 'draft');
    assert.deepEqual(d.articles, ['第三十七条']);
    assert.match(d.body, /第三十七条/);
    assert.match(d.body, /60日内/);
    assert.match(d.body, /6个月内/);
    assert.deepEqual(d.body.match(/［[^］]*］/g), ['［请填写：提供信息的方式、途径和时间］', '［请填写：具体理由］'], 'the facts not yet given are visible placeholders');
    const edited = d.body
      .replace('［请填写：提供信息的方式、途径和时间］', '电子文件于2020年11月10日发送至申请人电子邮箱')
      .replace('［请填写：具体理由］', '该部分内容涉及第三方商业秘密，第三方不同意公开');
    const saved = await clerk.put(`/api/v1/applications/${id}/letter`, { version, outcome: 'partially_granted', title: '政府信息公开申请答复告知书', body: edited });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    version = saved.json<StepResponse>().application.version;
  });

  it('refuses to send a 部分公开 withholding under Art. 15 without the 复议前置 remedies, then sends the corrected letter', async () => {
    const answer = {
      items: [
        { description: '统计数据', outcome: 'granted' },
        { description: '相关合同', outcome: 'withheld.third_party_rights' },
      ],
      facts: { provision: '电子文件于2020年11月10日发送至申请人电子邮箱', reason: '该部分内容涉及第三方商业秘密，第三方不同意公开' },
    };
    t.today.value = '2020-11-10';
    const refused = await clerk.post(`/api/v1/applications/${id}/answer`, { version, date: '2020-11-10', ...answer });
    assert.equal(refused.status, 422);
    assert.equal(refused.json<{ code: string }>().code, 'letter.remedies');
    const saved = (await clerk.get(`/api/v1/applications/${id}/letter`)).json<{ body: string }>().body;
    const prereview = (await clerk.get(`/api/v1/applications/${id}/letter?outcome=withheld.state_secret`)).json<{ body: string }>().body.split('\n').find((l) => l.includes('应当先'));
    assert.ok(prereview !== undefined && prereview.includes('国家信访局') && prereview.includes('北京市第二中级人民法院'));
    const general = saved.split('\n').find((l) => l.includes('6个月内'));
    const res = await clerk.put(`/api/v1/applications/${id}/letter`, { version, outcome: 'partially_granted', title: '政府信息公开申请答复告知书', body: saved.replace(general!, prereview) });
    assert.equal(res.status, 200);
    version = res.json<StepResponse>().application.version;
  });

  it('answers several items as one 部分公开 (区分处理) and sends the edited letter', async () => {
    const r = await step(clerk, 'answer', '2020-11-10', {
      items: [
        { description: '统计数据', outcome: 'granted' },
        { description: '相关合同', outcome: 'withheld.third_party_rights' },
      ],
      facts: { provision: '电子文件于2020年11月10日发送至申请人电子邮箱', reason: '该部分内容涉及第三方商业秘密，第三方不同意公开' },
    });
    assert.equal(r.application.state, 'answered');
    assert.equal(r.application.outcome, 'partially_granted');
    assert.equal(r.clock.status, 'answered');
    const letter = await clerk.get(`/api/v1/applications/${id}/letter`);
    const l = letter.json<{ status: string; body: string }>();
    assert.equal(l.status, 'sent');
    assert.match(l.body, /第三方商业秘密/);
  });

  it('renders the letter as DOCX and PDF that open and cite 第三十七条', async () => {
    const docx = await clerk.get(`/api/v1/applications/${id}/letter.docx`);
    assert.equal(docx.status, 200);
    const zip = await JSZip.loadAsync(docx.raw);
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.match(xml, /第三十七条/);
    assert.match(xml, /政府信息公开申请答复告知书/);
    const pdf = await clerk.get(`/api/v1/applications/${id}/letter.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.raw.subarray(0, 5).toString('latin1'), '%PDF-');
    const doc = await getDocumentProxy(new Uint8Array(pdf.raw));
    const { text } = await extractText(doc, { mergePages: true });
    assert.match(text.replace(/\s+/g, ''), /第三十七条/);
  });

  it('delivers, and the timeline shows every step with its due date', async () => {
    const r = await step(clerk, 'deliver', '2020-11-11', { method: 'email', reference: 'zhang@example.cn' });
    assert.equal(r.application.state, 'delivered');
    const tl = await clerk.get(`/api/v1/applications/${id}/timeline`);
    const items = tl.json<{ items: { kind: string; date: string; dueOn: string | null; reasoning: unknown[] }[] }>().items;
    const seen = items.filter((e) => e.kind !== 'letter-saved').map((e) => [e.kind, e.date, e.dueOn]);
    assert.deepEqual(seen, [
      ['submitted', '2020-09-01', null],
      ['received', '2020-09-02', '2020-09-29'],
      ['supplement-requested', '2020-09-04', null],
      ['supplement-received', '2020-09-10', '2020-10-14'],
      ['third-party-sent', '2020-09-15', null],
      ['third-party-replied', '2020-09-29', '2020-10-29'],
      ['extension-requested', '2020-10-20', '2020-10-29'],
      ['extended', '2020-10-21', '2020-11-26'],
      ['answered', '2020-11-10', null],
      ['delivered', '2020-11-11', null],
    ]);
    assert.ok(items.every((e) => e.kind === 'submitted' || e.reasoning.length > 0), 'each step carries its reasoning');
  });

  it('lets the applicant follow the case and fetch the letter with the receipt code', async () => {
    const anon = t.anonymous();
    const bad = await anon.post('/api/v1/public/applications/status', { receiptCode, queryPassword: 'wrong-pass' });
    assert.equal(bad.status, 404);
    const ok = await anon.post('/api/v1/public/applications/status', { receiptCode, queryPassword });
    assert.equal(ok.status, 200);
    const s = ok.json<{ state: string; outcomeLabel: string; letterAvailable: boolean; steps: unknown[] }>();
    assert.equal(s.state, 'delivered');
    assert.equal(s.outcomeLabel, '部分公开');
    assert.equal(s.letterAvailable, true);
    assert.ok(!JSON.stringify(s).includes('某某科技'), 'third party not shown to the applicant');
    const pdf = await anon.post('/api/v1/public/applications/letter', { receiptCode, queryPassword, format: 'pdf' });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.raw.subarray(0, 4).toString('latin1'), '%PDF');
  });

  it('shows the staff the personal data masked, in full only as an audited action, encrypted at rest', async () => {
    const res = await clerk.get(`/api/v1/applications/${id}`);
    const v = res.json<View>();
    assert.equal(v.applicant.name, '张*丰');
    const shown = await clerk.post(`/api/v1/applications/${id}/reveal-applicant`, { reason: '邮寄告知书' });
    assert.equal(shown.json<{ applicant: View['applicant'] }>().applicant.name, '张三丰');
    const { applications } = await import('../../src/db/schema.ts');
    const rows = await t.db.db.select({ p: applications.personalData }).from(applications);
    assert.ok(rows.every((r) => !r.p.includes('张三丰') && !r.p.includes('1381234')));
  });
});
