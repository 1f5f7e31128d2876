/** Bad input gets problem+json naming the field and the rule; login is rate limited; attachments are checked. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { orgInput, personInput } from '../support/fixtures.ts';
import { startTestApp } from '../support/http.ts';
import type { Client, TestApp } from '../support/http.ts';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors: { path: string; rule: string; message: string }[];
}

describe('validation, auth limits and attachments', () => {
  let t: TestApp;
  let clerk: Client;
  let admin: Client;

  before(async () => {
    t = await startTestApp({ loginLimitPerMinute: 3 });
    t.today.value = '2021-03-01';
    clerk = await t.as('clerk');
    admin = await t.as('admin');
  });
  after(async () => t.close());

  const register = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/applications', { agencyCode: 'gjxfj', channel: 'in-person', receivedOn: '2021-03-01', ...body });

  it('names the field and rule of a schema error', async () => {
    const { description: _d, ...rest } = personInput();
    const res = await register(clerk, { ...rest, channel: 'pigeon', receivedOn: '2021-3-1' });
    assert.equal(res.status, 400);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    const p = res.json<Problem>();
    assert.equal(p.code, 'validation_failed');
    const paths = p.errors.map((e) => e.path);
    for (const f of ['description', 'channel', 'receivedOn']) assert.ok(paths.includes(f), `${f} in ${paths.join(',')}`);
    assert.ok(p.type && p.title && p.detail);
  });

  it('checks the 身份证号 and 统一社会信用代码 check digits', async () => {
    const bad = personInput();
    bad.applicant.idNumber = '110105194912310021';
    let res = await register(clerk, { ...bad });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json<Problem>().errors.map((e) => [e.path, e.rule]), [['applicant.idNumber', 'resident_id']]);
    const org = orgInput();
    org.applicant.creditCode = '91350100M000100Y40';
    res = await register(clerk, { ...org });
    assert.equal(res.status, 400);
    assert.ok(res.json<Problem>().errors.some((e) => e.path === 'applicant.creditCode' && e.rule === 'credit_code'));
    res = await register(clerk, { ...orgInput() });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });

  it('refuses future dates and steps the state does not allow', async () => {
    let res = await register(clerk, { ...personInput(), receivedOn: '2021-03-02' });
    assert.equal(res.status, 400);
    assert.equal(res.json<Problem>().errors[0]?.rule, 'not_future');
    res = await register(clerk, { ...personInput() });
    const a = res.json<{ application: { id: string; version: number } }>().application;
    const step = await clerk.post(`/api/v1/applications/${a.id}/deliver`, { version: a.version, method: 'email' });
    assert.equal(step.status, 422);
    assert.equal(step.json<Problem>().code, 'application.transition_not_allowed');
  });

  it('masks personal data in lists', async () => {
    const list = await clerk.get('/api/v1/applications');
    const text = JSON.stringify(list.body);
    assert.ok(!text.includes('张三丰'));
    assert.ok(!text.includes('13812345678'));
  });

  it('adds agencies and users over the API (admin), and refuses duplicates with 409', async () => {
    let res = await admin.post('/api/v1/agencies', { code: 'sub1', name: '下属机关', parentCode: 'gjxfj' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    res = await admin.post('/api/v1/agencies', { code: 'sub1', name: '下属机关', parentCode: 'gjxfj' });
    assert.equal(res.status, 409);
    res = await admin.post('/api/v1/agencies', { code: 'sub2', name: '越权机关', parentCode: 'other' });
    assert.equal(res.status, 403, 'outside the admin’s subtree');
    res = await admin.post('/api/v1/users', { username: 'sub1clerk', password: 'lantern-river-2021', roles: ['clerk'], agencyCode: 'sub1' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    res = await admin.post('/api/v1/users', { username: 'x', password: 'short', roles: ['wizard'], agencyCode: 'sub1' });
    assert.equal(res.status, 400);
    const paths = res.json<Problem>().errors.map((e) => e.path);
    assert.ok(paths.includes('username') && paths.includes('password') && paths.some((p) => p.startsWith('roles')), paths.join(','));
  });

  it('stores attachments content-addressed, with type and content checks', async () => {
    const res = await register(clerk, { ...personInput() });
    const id = res.json<{ application: { id: string } }>().application.id;
    const upload = (filename: string, data: Buffer) => {
      const boundary = '----gk';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/attachments`, headers: { cookie: clerk.cookie!, 'x-csrf-token': clerk.csrf!, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    };
    let r = await upload('a.exe', Buffer.from('MZ'));
    assert.equal(r.statusCode, 400);
    assert.equal((JSON.parse(r.body) as Problem).code, 'attachment.type');
    r = await upload('fake.pdf', Buffer.from('not a pdf'));
    assert.equal((JSON.parse(r.body) as Problem).code, 'attachment.content');
    const pdf = Buffer.from('%PDF-1.4\n%test\n');
    r = await upload('身份证明.pdf', pdf);
    assert.equal(r.statusCode, 201, r.body);
    const a = JSON.parse(r.body) as { id: string; sha256: string };
    r = await upload('copy.pdf', pdf);
    assert.equal((JSON.parse(r.body) as { sha256: string }).sha256, a.sha256, 'same content, same address');
    const dl = await clerk.get(`/api/v1/applications/${id}/attachments/${a.id}`);
    assert.equal(dl.status, 200);
    assert.deepEqual(dl.raw, pdf);
  });

  it('rate-limits login attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'head', password: 'wrong-password' } });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses.slice(0, 3), [401, 401, 401]);
    assert.equal(statuses[4], 429);
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    assert.equal(res.statusCode, 200);
    const doc = JSON.parse(res.body) as { paths: Record<string, unknown> };
    assert.ok(doc.paths['/api/v1/applications/{id}/approve-extension']);
  });
});
