/**
 * What the console reads beyond the case API: the workbench (due soon, overdue, stopped clocks with how
 * long they have stood, unconfirmed online submissions, extensions to approve, counts), the steps allowed
 * now, the audited showing of personal data, labels from law/, search, the letter's blanks, and the
 * OpenAPI document declaring the CSRF header.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { personInput } from '../support/fixtures.ts';
import { startTestApp } from '../support/http.ts';
import type { Client, TestApp } from '../support/http.ts';

interface Case {
  id: string;
  receiptCode: string;
  dueOn: string | null;
  workdaysLeft: number | null;
  stoppedSince: string | null;
  stoodWorkdays: number | null;
  stoodDays: number | null;
}
interface Workbench {
  today: string;
  dueSoonHorizon: string;
  dueSoon: Case[];
  overdue: Case[];
  stopped: Case[];
  unconfirmed: Case[];
  extensionRequests: Case[];
  counts: { state: string; label: string; count: number }[];
}
interface Created {
  application: { id: string; version: number; dueOn: string };
}

describe('console API: workbench, allowed steps, reveal, labels', () => {
  let t: TestApp;
  let clerk: Client;
  let head: Client;
  const ids: Record<string, { id: string; version: number }> = {};

  async function register(name: string, receivedOn: string, description: string) {
    t.today.value = receivedOn;
    const res = await clerk.post('/api/v1/applications', { ...personInput({ description }), agencyCode: 'gjxfj', channel: 'post', receivedOn });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const a = res.json<Created>().application;
    ids[name] = { id: a.id, version: a.version };
    return a;
  }
  async function stepOn(name: string, path: string, date: string, body: Record<string, unknown> = {}) {
    t.today.value = date;
    const c = ids[name]!;
    const res = await clerk.post(`/api/v1/applications/${c.id}/${path}`, { version: c.version, date, ...body });
    assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
    c.version = res.json<Created>().application.version;
  }

  before(async () => {
    t = await startTestApp();
    clerk = await t.as('clerk');
    head = await t.as('head');
    // due 2020-09-29 (received 2020-09-01, 20 working days): overdue on 2020-10-09
    await register('old', '2020-09-01', '2019年度信访事项统计数据及其说明');
    // received 2020-09-25: due 2020-10-29 (the National Day holidays not counted, Sat 10-10 worked)
    await register('soon', '2020-09-25', '2020年度信访事项复查复核数量统计');
    await register('stopped', '2020-09-28', '某信访事项的复查意见书及附件材料');
    await stepOn('stopped', 'request-supplement', '2020-09-29', { items: '请写明复查意见书的文号' });
    await register('ext', '2020-09-28', '信访工作年度考核结果及其评分细则');
    await stepOn('ext', 'request-extension', '2020-10-09', { reason: '需要调取档案' });
    await t.anonymous().post('/api/v1/public/agencies/gjxfj/applications', { ...personInput({ description: '网上提交的信访统计公开申请内容' }) });
  });
  after(async () => t.close());

  it('gives the workbench: overdue, due within 3 working days, stopped clocks with their standing, waiting items, counts', async () => {
    t.today.value = '2020-10-27';
    const wb = (await clerk.get('/api/v1/workbench')).json<Workbench>();
    assert.equal(wb.today, '2020-10-27');
    assert.equal(wb.dueSoonHorizon, '2020-10-30', '3 working days after Tue 2020-10-27');
    assert.deepEqual(wb.overdue.map((c) => c.id), [ids['old']!.id]);
    assert.ok((wb.overdue[0]?.workdaysLeft ?? 0) < 0);
    assert.deepEqual(wb.dueSoon.map((c) => [c.id, c.dueOn, c.workdaysLeft]), [[ids['soon']!.id, '2020-10-29', 2]]);
    assert.deepEqual(wb.stopped.map((c) => [c.id, c.stoppedSince, c.stoodDays]), [[ids['stopped']!.id, '2020-09-29', 28]]);
    assert.equal(wb.stopped[0]?.stoodWorkdays, 15, '2020-09-29 → 2020-10-27: the holidays not counted');
    assert.equal(wb.unconfirmed.length, 1);
    assert.deepEqual(wb.extensionRequests.map((c) => c.id), [ids['ext']!.id]);
    const count = (s: string) => wb.counts.find((c) => c.state === s)?.count;
    assert.equal(count('processing'), 3);
    assert.equal(count('awaiting_supplement'), 1);
    assert.equal(count('submitted'), 1);
    assert.equal(wb.counts.find((c) => c.state === 'awaiting_supplement')?.label, '待补正');
  });

  it('refuses the workbench to a role that does not read cases, and to no login', async () => {
    assert.equal((await (await t.as('publisher')).get('/api/v1/workbench')).status, 403);
    assert.equal((await t.anonymous().get('/api/v1/workbench')).status, 401);
    assert.deepEqual((await t.anonymous().get('/api/v1/auth/session')).json(), { user: null });
  });

  it('lists only the steps allowed now, for the role', async () => {
    const steps = async (who: Client, name: string) => (await who.get(`/api/v1/applications/${ids[name]!.id}/actions`)).json<{ items: { id: string }[] }>().items.map((s) => s.id);
    assert.deepEqual(await steps(clerk, 'stopped'), ['receiveSupplement', 'lapseSupplement', 'withdraw']);
    const clerkExt = await steps(clerk, 'ext');
    assert.ok(!clerkExt.includes('approveExtension') && !clerkExt.includes('requestExtension'), 'requested once; only a head approves');
    assert.ok((await steps(head, 'ext')).includes('approveExtension'));
    assert.ok((await steps(clerk, 'soon')).includes('requestExtension'));
  });

  it('masks the applicant and shows it in full only with a reason, recorded in the timeline with the staff name', async () => {
    const id = ids['soon']!.id;
    assert.equal((await clerk.get(`/api/v1/applications/${id}`)).json<{ applicant: { name: string; phone: string } }>().applicant.phone, '138****5678');
    const bad = await clerk.post(`/api/v1/applications/${id}/reveal-applicant`, { reason: '' });
    assert.equal(bad.status, 400);
    const res = await clerk.post(`/api/v1/applications/${id}/reveal-applicant`, { reason: '核对地址' });
    assert.equal(res.json<{ applicant: { phone: string } }>().applicant.phone, '13812345678');
    const tl = (await clerk.get(`/api/v1/applications/${id}/timeline`)).json<{ items: { kind: string; label: string; actorName: string; payload: { reason?: string } }[] }>().items;
    const audit = tl.find((e) => e.kind === 'applicant-revealed');
    assert.deepEqual([audit?.label, audit?.actorName, audit?.payload.reason], ['查看申请人完整信息', 'clerk', '核对地址']);
    const other = await (await t.as('otherclerk')).post(`/api/v1/applications/${id}/reveal-applicant`, { reason: '看看' });
    assert.equal(other.status, 404, 'outside the agency: not found');
  });

  it('finds cases by text and sorts them by due date', async () => {
    const found = (await clerk.get(`/api/v1/applications?q=${encodeURIComponent('复查复核')}`)).json<{ items: { id: string }[]; total: number }>();
    assert.deepEqual([found.total, found.items[0]?.id], [1, ids['soon']!.id]);
    const sorted = (await clerk.get('/api/v1/applications?sort=due')).json<{ items: { dueOn: string | null }[] }>().items.map((i) => i.dueOn);
    const dated = sorted.filter((d) => d !== null);
    assert.deepEqual(dated, [...dated].sort());
    assert.equal(sorted.indexOf(null) === -1 || sorted.slice(sorted.indexOf(null)).every((d) => d === null), true, 'no due date last');
  });

  it('gives the labels from law/ (outcomes, states, channels with the Art. 31 receipt rule)', async () => {
    const labels = (await clerk.get('/api/v1/labels')).json<{ outcomes: { id: string; label: string }[]; channels: { id: string; receipt: { article: string; receiptDateIs: string } }[] }>();
    assert.equal(labels.outcomes.find((o) => o.id === 'partially_granted')?.label, '部分公开');
    const post = labels.channels.find((c) => c.id === 'post');
    assert.deepEqual(post?.receipt, { article: '《条例》第三十一条第（二）项', receiptDateIs: '行政机关签收之日' });
  });

  it('does not send a letter while a blank of the draft is left', async () => {
    const c = ids['soon']!;
    t.today.value = '2020-10-27';
    const draft = (await clerk.get(`/api/v1/applications/${c.id}/letter?outcome=partially_granted`)).json<{ title: string; body: string }>();
    assert.match(draft.body, /［请填写：具体理由］/);
    const facts = { provision: '纸质文件于2020年10月28日起在受理点领取', reason: '涉及第三方个人隐私' };
    const refused = await clerk.post(`/api/v1/applications/${c.id}/answer`, { version: c.version, date: '2020-10-27', outcome: 'partially_granted', facts, letter: draft });
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.json<{ errors: { path: string; rule: string }[] }>().errors.map((e) => [e.path, e.rule]), [['letter.body', 'letter.placeholder']]);
    const saved = await clerk.put(`/api/v1/applications/${c.id}/letter`, { version: c.version, date: '2020-10-27', outcome: 'partially_granted', ...draft });
    assert.equal(saved.status, 200);
    c.version = saved.json<Created>().application.version;
    const fromSaved = await clerk.post(`/api/v1/applications/${c.id}/answer`, { version: c.version, date: '2020-10-27', outcome: 'partially_granted', facts });
    assert.equal(fromSaved.status, 422, 'the saved letter with a blank is refused too');
    const filled = { title: draft.title, body: draft.body.replace('［请填写：提供信息的方式、途径和时间］', facts.provision).replace('［请填写：具体理由］', facts.reason) };
    const sent = await clerk.post(`/api/v1/applications/${c.id}/answer`, { version: c.version, date: '2020-10-27', outcome: 'partially_granted', facts, letter: filled });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
  });

  it('declares the session and CSRF header on every state-changing operation in /api/docs, and labels enums', async () => {
    const doc = (await t.anonymous().get('/api/docs/json')).json<{ paths: Record<string, Record<string, { security?: Record<string, unknown>[]; parameters?: { name: string; description?: string; schema?: { description?: string } }[] }>> }>();
    const answer = doc.paths['/api/v1/applications/{id}/answer']?.['post'];
    assert.deepEqual(answer?.security, [{ session: [], csrf: [] }]);
    assert.equal(doc.paths['/api/v1/auth/login']?.['post']?.security, undefined);
    assert.equal(doc.paths['/api/v1/public/applications/status']?.['post']?.security, undefined);
    const unsecured = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).filter(([m, op]) => ['post', 'put', 'delete'].includes(m) && op.security === undefined && p !== '/api/v1/auth/login' && !p.startsWith('/api/v1/public/')).map(([m]) => `${m} ${p}`));
    assert.deepEqual(unsecured.filter((p) => p.includes('/api/v1/')), []);
    const state = doc.paths['/api/v1/applications']?.['get']?.parameters?.find((p) => p.name === 'state');
    assert.match(state?.description ?? state?.schema?.description ?? '', /awaiting_supplement：待补正/);
  });
});
