/**
 * Role by route: every staff route refuses (403) each role that law/transitions.ts does not give it, and
 * the refused request changes nothing. Anonymous requests get 401; a session without the CSRF header 403.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { agencies, applications, events, users } from '../../src/db/schema.ts';
import { STEP_ROUTES } from '../../src/http/routes/steps.ts';
import { PERMISSIONS, ROLES, TRANSITIONS } from '../../src/law/transitions.ts';
import type { Role } from '../../src/law/transitions.ts';
import { personInput } from '../support/fixtures.ts';
import { startTestApp } from '../support/http.ts';
import type { Client, TestApp } from '../support/http.ts';

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  body?: Record<string, unknown>;
  roles: readonly Role[];
}

const USER_OF: Record<Role, string> = { admin: 'admin', clerk: 'clerk', head: 'head', publisher: 'publisher', supervisor: 'supervisor' };

describe('role by route', () => {
  let t: TestApp;
  const clients = new Map<Role, Client>();
  let id = '';
  let version = 1;

  before(async () => {
    t = await startTestApp();
    t.today.value = '2021-03-01';
    for (const role of ROLES) clients.set(role, await t.as(USER_OF[role]));
    const res = await clients.get('clerk')!.post('/api/v1/applications', { ...personInput(), agencyCode: 'gjxfj', channel: 'in-person', receivedOn: '2021-03-01' });
    const a = res.json<{ application: { id: string; version: number } }>().application;
    id = a.id;
    version = a.version;
  });
  after(async () => t.close());

  function routes(): RouteCase[] {
    const step = { version, date: '2021-03-01' };
    const list: RouteCase[] = [
      { method: 'GET', url: '/api/v1/applications', roles: PERMISSIONS.readCases },
      { method: 'POST', url: '/api/v1/applications', body: { ...personInput(), agencyCode: 'gjxfj', channel: 'post', receivedOn: '2021-03-01' }, roles: TRANSITIONS.register.roles },
      { method: 'GET', url: `/api/v1/applications/${id}`, roles: PERMISSIONS.readCases },
      { method: 'GET', url: `/api/v1/applications/${id}/timeline`, roles: PERMISSIONS.readCases },
      { method: 'GET', url: `/api/v1/applications/${id}/letter?outcome=granted`, roles: PERMISSIONS.readCases },
      { method: 'GET', url: `/api/v1/applications/${id}/letter.docx?outcome=granted`, roles: PERMISSIONS.readCases },
      { method: 'PUT', url: `/api/v1/applications/${id}/letter`, body: { ...step, outcome: 'granted', title: '告知书标题', body: '这是一段足够长的告知书正文内容，用于测试保存。' }, roles: TRANSITIONS.editLetter.roles },
      { method: 'POST', url: `/api/v1/applications/${id}/attachments`, body: {}, roles: PERMISSIONS.uploadAttachment },
      { method: 'GET', url: `/api/v1/applications/${id}/attachments`, roles: PERMISSIONS.readCases },
      { method: 'POST', url: '/api/v1/agencies', body: { code: 'newagency', name: '新机关名称', parentCode: 'gjxfj' }, roles: PERMISSIONS.manageAgencies },
      { method: 'PUT', url: '/api/v1/agencies/gjxfj/remedies', body: { template: '如不服本答复，可以在六十日内申请行政复议。' }, roles: PERMISSIONS.editAgencySettings },
      { method: 'GET', url: '/api/v1/users', roles: PERMISSIONS.manageUsers },
      { method: 'POST', url: '/api/v1/users', body: { username: 'newuser', password: 'long-enough-1', roles: ['clerk'], agencyCode: 'gjxfj' }, roles: PERMISSIONS.manageUsers },
      // the annual report, register import, appeal records
      { method: 'GET', url: '/api/v1/agencies/gjxfj/reports/2021', roles: PERMISSIONS.readReports },
      { method: 'GET', url: '/api/v1/agencies/gjxfj/reports/2021/cells/applications.received.total', roles: PERMISSIONS.readReports },
      { method: 'PUT', url: '/api/v1/agencies/gjxfj/reports/2021/proactive', body: { procurement: { items: 1, amount_wan: 2.5 } }, roles: PERMISSIONS.enterReportFigures },
      { method: 'POST', url: '/api/v1/agencies/gjxfj/reports/2021/lock', body: {}, roles: PERMISSIONS.lockReport },
      { method: 'POST', url: '/api/v1/agencies/gjxfj/reports/2021/reopen', body: { reason: '更正数字' }, roles: PERMISSIONS.reopenReport },
      { method: 'GET', url: '/api/v1/regions/region/reports/2021', roles: PERMISSIONS.rollUpReports },
      { method: 'POST', url: '/api/v1/agencies/gjxfj/register', body: {}, roles: PERMISSIONS.importRegister },
      { method: 'GET', url: '/api/v1/agencies/gjxfj/register?year=2021', roles: PERMISSIONS.exportRegister },
      { method: 'GET', url: '/api/v1/agencies/gjxfj/register?year=2021&personalData=full&reason=核对台账', roles: PERMISSIONS.exportRegisterPersonalData },
      {
        method: 'POST',
        url: '/api/v1/agencies/gjxfj/appeals',
        body: { body: '国务院', caseNumber: '国复〔2021〕1号', path: 'reconsideration', filedOn: '2021-02-01', result: 'pending', applications: [id] },
        roles: PERMISSIONS.recordAppeals,
      },
      { method: 'GET', url: '/api/v1/agencies/gjxfj/appeals', roles: PERMISSIONS.readAppeals },
    ];
    const bodies: Record<string, Record<string, unknown>> = {
      requestSupplement: { items: '请写明文件名称' },
      consultThirdParty: { party: '某公司' },
      consultAgency: { agencyName: '某机关' },
      requestExtension: { reason: '情况复杂' },
      sendFeeNotice: { method: 'per-item', payment: '通过非税收入缴款书缴纳' },
      rejectSubmission: { reason: '空白申请' },
      split: { parts: ['第一件申请内容', '第二件申请内容'] },
      notifyThirdPartyDisclosure: { what: '合同金额', why: '涉及重大公共利益' },
      requestReasons: { facts: '本月已提出申请四十件，内容大量重复', replyBy: '2021-12-31' },
      answer: { outcome: 'granted' },
      deliver: { method: 'email' },
    };
    for (const [stepId, r] of Object.entries(STEP_ROUTES)) {
      const transition = TRANSITIONS[stepId as keyof typeof STEP_ROUTES];
      list.push({ method: 'POST', url: `/api/v1/applications/${id}/${r.path}`, body: { ...step, ...(bodies[stepId] ?? {}) }, roles: transition.roles });
    }
    return list;
  }

  async function fingerprint() {
    const [app] = await t.db.db.select({ v: applications.version, s: applications.state }).from(applications).where(eq(applications.id, id));
    const [e] = await t.db.db.select({ n: sql<number>`count(*)::int` }).from(events);
    const [a] = await t.db.db.select({ n: sql<number>`count(*)::int` }).from(agencies);
    const [u] = await t.db.db.select({ n: sql<number>`count(*)::int` }).from(users);
    const [c] = await t.db.db.select({ n: sql<number>`count(*)::int` }).from(applications);
    return { app, events: e?.n, agencies: a?.n, users: u?.n, applications: c?.n };
  }

  it('covers every lifecycle step of law/transitions.ts that has a route', () => {
    // register, editLetter and reopen (taken by recording a 纠正 appeal) have routes of their own.
    const staffSteps = Object.entries(TRANSITIONS).filter(([k, v]) => !v.public && k !== 'register' && k !== 'editLetter' && k !== 'reopen').map(([k]) => k);
    assert.deepEqual(Object.keys(STEP_ROUTES).sort(), staffSteps.sort());
  });

  it('refuses every role a route does not allow, with 403 and no change', async () => {
    const start = await fingerprint();
    let refusals = 0;
    for (const route of routes()) {
      for (const role of ROLES) {
        if (route.roles.includes(role)) continue;
        const res = await clients.get(role)!.request(route.method, route.url, route.body);
        assert.equal(res.status, 403, `${role} ${route.method} ${route.url}: ${res.status} ${JSON.stringify(res.body)}`);
        assert.equal(res.json<{ code: string }>().code, 'auth.forbidden');
        refusals += 1;
      }
    }
    assert.ok(refusals > 50);
    assert.deepEqual(await fingerprint(), start);
  });

  it('lets the allowed roles read', async () => {
    for (const route of routes().filter((r) => r.method === 'GET')) {
      for (const role of route.roles) {
        const res = await clients.get(role)!.request('GET', route.url);
        assert.equal(res.status, 200, `${role} GET ${route.url}: ${JSON.stringify(res.body)}`);
      }
    }
  });

  it('answers anonymous requests with 401 and sessions without the CSRF token with 403', async () => {
    const start = await fingerprint();
    for (const route of routes()) {
      const res = await t.anonymous().request(route.method, route.url, route.body);
      assert.equal(res.status, 401, `${route.method} ${route.url}`);
    }
    const clerk = clients.get('clerk')!;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/withdraw`, headers: { cookie: clerk.cookie! }, payload: { version } });
    assert.equal(res.statusCode, 403);
    assert.equal((JSON.parse(res.body) as { code: string }).code, 'auth.csrf_failed');
    assert.deepEqual(await fingerprint(), start);
  });

  it('keeps staff of another agency out of the case (404, no existence leak)', async () => {
    const other = await t.as('otherclerk');
    const res = await other.get(`/api/v1/applications/${id}`);
    assert.equal(res.status, 404);
    const step = await other.post(`/api/v1/applications/${id}/withdraw`, { version });
    assert.equal(step.status, 404);
  });
});
