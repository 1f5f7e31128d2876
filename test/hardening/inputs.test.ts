/**
 * Findings 2, 11 and 12 over HTTP: control characters are field errors wherever input enters; dates,
 * lengths, paging and years have plausible bounds; a broken multipart body is a 400; a register for an
 * agency outside the user's scope is refused before the file is read.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { personInput, VALID_ID } from '../support/fixtures.ts';
import { startTestApp } from '../support/http.ts';
import type { Client, TestApp } from '../support/http.ts';
import { residentIdCheckChar } from '../../src/requests/identity.ts';

interface Problem {
  status: number;
  code: string;
  errors: { path: string; rule: string; message: string }[];
}

function multipart(fileName: string, content: Buffer, truncate = false): { payload: Buffer; contentType: string } {
  const boundary = '----gongkai-hardening';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const payload = Buffer.concat([head, content, ...(truncate ? [] : [tail])]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('hardened inputs', () => {
  let t: TestApp;
  let clerk: Client;
  let otherClerk: Client;
  let admin: Client;
  let applicationId: string;

  before(async () => {
    t = await startTestApp();
    t.today.value = '2021-03-01';
    clerk = await t.as('clerk');
    otherClerk = await t.as('otherclerk');
    admin = await t.as('admin');
    const res = await clerk.post('/api/v1/applications', { agencyCode: 'gjxfj', channel: 'in-person', receivedOn: '2021-03-01', ...personInput() });
    assert.equal(res.status, 201);
    applicationId = res.json<{ application: { id: string } }>().application.id;
  });
  after(async () => t.close());

  const upload = (c: Client, url: string, file: { payload: Buffer; contentType: string }) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': file.contentType }, payload: file.payload });

  it('refuses a NUL or escape character as a field error (400, path and rule), logged in or not', async () => {
    const cases: [Client, string, Record<string, unknown>, string][] = [
      [t.anonymous(), '/api/v1/public/agencies/gjxfj/applications', { ...personInput(), applicant: { ...personInput().applicant, name: '张\u0000三' } }, 'applicant.name'],
      [t.anonymous(), '/api/v1/public/applications/status', { receiptCode: '2021\u0000', queryPassword: 'x' }, 'receiptCode'],
      [t.anonymous(), '/api/v1/auth/login', { username: 'clerk\u0000', password: 'x' }, 'username'],
      [clerk, '/api/v1/applications', { agencyCode: 'gjxfj', channel: 'in-person', receivedOn: '2021-03-01', ...personInput({ description: '请公开\u001b[31m文件' }) }, 'description'],
      [admin, '/api/v1/agencies', { code: 'newone', name: '新\u0007机关', parentCode: 'gjxfj' }, 'name'],
    ];
    for (const [client, url, body, path] of cases) {
      const res = await client.post(url, body);
      assert.equal(res.status, 400, `${url}: ${res.status}`);
      const p = res.json<Problem>();
      assert.equal(p.code, 'validation_failed');
      assert.ok(p.errors.some((e) => e.path === path && e.rule === 'control_character'), `${url}: ${JSON.stringify(p.errors)}`);
    }
    const q = await clerk.get('/api/v1/applications?state=%00');
    assert.equal(q.status, 400);
  });

  it('refuses a portal form with a control character', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/status', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'receiptCode=%00abc&queryPassword=x' });
    assert.equal(res.statusCode, 400);
  });

  it('refuses implausible dates, a birth date in the future and absurd paging and years', async () => {
    for (const receivedOn of ['1900-01-01', '9999-12-31']) {
      const res = await clerk.post('/api/v1/applications', { agencyCode: 'gjxfj', channel: 'in-person', receivedOn, ...personInput() });
      assert.equal(res.status, 400, receivedOn);
      assert.ok(res.json<Problem>().errors.some((e) => e.path === 'receivedOn'));
    }
    const born9999 = `11010599990101002`;
    const res = await clerk.post('/api/v1/applications', { agencyCode: 'gjxfj', channel: 'in-person', receivedOn: '2021-03-01', ...personInput({ applicant: { ...personInput().applicant, idNumber: born9999 + residentIdCheckChar(born9999) } }) });
    assert.equal(res.status, 400);
    assert.ok(res.json<Problem>().errors.some((e) => e.path === 'applicant.idNumber' && e.rule === 'resident_id'));
    assert.notEqual(VALID_ID, born9999);
    assert.equal((await clerk.get('/api/v1/applications?offset=99999999999999')).status, 400);
    assert.equal((await clerk.get('/api/v1/agencies/gjxfj/reports/99999999999')).status, 400);
    const portal = await t.app.inject({ method: 'GET', url: '/agencies/gjxfj/reports/99999999999999999999' });
    assert.ok(portal.statusCode < 500, String(portal.statusCode));
  });

  it('refuses a register with an implausible date, a control character or a 100,000-character name, naming row and column', async () => {
    const header = '编号,收到日期,申请人类型,申请人姓名,办理结果,办结日期\n';
    const csv = `${header}A1,1900-01-01,自然人,张三,予以公开,2021-01-05\nA2,2021-01-04,自然人,${'张'.repeat(100_000)},予以公开,2021-01-05\nA3,2021-01-04,自然人,李\u0000四,予以公开,2021-01-05\n`;
    const res = await upload(clerk, '/api/v1/agencies/gjxfj/register', multipart('bad.csv', Buffer.from(csv)));
    assert.equal(res.statusCode, 400, res.body);
    const p = JSON.parse(res.body) as { errors: { row?: number; rule: string }[] };
    assert.deepEqual(p.errors.map((e) => [e.row, e.rule]), [[2, 'date.implausible'], [3, 'length'], [4, 'control_character']]);
  });

  it('a truncated multipart body is a 400, not a 500', async () => {
    const res = await upload(clerk, '/api/v1/agencies/gjxfj/register', multipart('x.csv', Buffer.from('编号,收到日期\nA,2021-01-01'), true));
    assert.equal(res.statusCode, 400, res.body);
    const att = await upload(clerk, `/api/v1/applications/${applicationId}/attachments`, multipart('x.pdf', Buffer.from('%PDF-1.4 x'), true));
    assert.equal(att.statusCode, 400, att.body);
  });

  it('a clerk of another agency posting a bad register gets 403 without the file’s validation details', async () => {
    const csv = '编号,收到日期,申请人类型\nA1,not-a-date,自然人\n';
    const res = await upload(otherClerk, '/api/v1/agencies/gjxfj/register', multipart('bad.csv', Buffer.from(csv)));
    assert.equal(res.statusCode, 403);
    assert.doesNotMatch(res.body, /not-a-date|收到日期|第2行/);
  });
});
