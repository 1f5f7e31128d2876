/**
 * Findings 6 and 7: login back-off per username across addresses and per address across usernames, shared
 * by app servers on one database, never a permanent lockout; the password policy; sessions end when the
 * password is reset; users can be deactivated and reactivated.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { DiskFileStore } from '../../src/requests/fileStore.ts';
import { Client, startTestApp, type TestApp } from '../support/http.ts';
import { PASSWORD } from '../support/fixtures.ts';

describe('accounts: throttling, password policy, sessions, deactivation', () => {
  let t: TestApp;
  let second: FastifyInstance;
  let dir: string;

  before(async () => {
    t = await startTestApp();
    dir = mkdtempSync(path.join(tmpdir(), 'gk-acc-'));
    // A second app server on the same database.
    second = await buildApp({ db: t.db.db, key: t.key, files: new DiskFileStore(dir), loginLimitPerMinute: 1000, publicLimitPerMinute: 1000 });
    await second.ready();
  });
  after(async () => {
    await second.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const attempt = (app: FastifyInstance, username: string, password: string, remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });
  const endDelays = () => t.db.db.execute(sql`update login_throttle set blocked_until = now() - interval '1 second'`);

  it('backs off one username tried from 5 addresses, on every app server, and lets the owner in after the delay', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt(i % 2 === 0 ? t.app : second, 'clerk', 'wrong-password-x', `10.0.0.${i % 5}`)).statusCode);
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.equal(statuses[5], 429);
    const blocked = await attempt(second, 'clerk', PASSWORD, '10.9.9.9');
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) >= 1);
    await endDelays();
    assert.equal((await attempt(t.app, 'clerk', PASSWORD, '10.9.9.9')).statusCode, 200);
    // The success cleared the username's counter.
    assert.equal((await attempt(t.app, 'clerk', 'wrong-password-x', '10.9.9.8')).statusCode, 401);
  });

  it('backs off one address trying many usernames', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await attempt(i % 2 === 0 ? t.app : second, `nobody${i}`, 'wrong-password-x', '10.1.1.1')).statusCode);
    assert.equal(statuses.filter((s) => s === 401).length, 20);
    assert.equal(statuses[20], 429);
    assert.equal((await attempt(t.app, 'head', PASSWORD, '10.1.1.1')).statusCode, 429);
    assert.equal((await attempt(t.app, 'head', PASSWORD, '10.1.1.2')).statusCode, 200);
    await endDelays();
  });

  it('refuses weak passwords naming the rule', async () => {
    const admin = await t.as('admin');
    for (const [password, rule] of [['12345678', 'length'], ['        ', 'password.trivial'], ['password123', 'password.common'], ['newuser-2021-x', 'password.username']] as const) {
      const res = await admin.post('/api/v1/users', { username: 'newuser', password, roles: ['clerk'], agencyCode: 'gjxfj' });
      assert.equal(res.status, 400, password);
      assert.ok(res.json<{ errors: { rule: string }[] }>().errors.some((e) => e.rule === rule || e.rule === 'minLength'), `${password}: ${JSON.stringify(res.body)}`);
    }
    assert.equal((await admin.post('/api/v1/users', { username: 'newuser', password: 'Tiananmen-lantern-42', roles: ['clerk'], agencyCode: 'gjxfj' })).status, 201);
    const weak = await admin.put('/api/v1/users/newuser/password', { password: 'qwertyuiop' });
    assert.equal(weak.status, 400);
  });

  it('ends every session of a user whose password is reset', async () => {
    const admin = await t.as('admin');
    const clerk2 = await t.as('clerk2');
    assert.equal((await clerk2.get('/api/v1/auth/me')).status, 200);
    assert.equal((await admin.put('/api/v1/users/clerk2/password', { password: 'a-brand-new-secret-9' })).status, 200);
    assert.equal((await clerk2.get('/api/v1/auth/me')).status, 401);
    await new Client(t.app).login('clerk2', 'a-brand-new-secret-9');
  });

  it('deactivates a user (sessions end, login refused) and reactivates them', async () => {
    const admin = await t.as('admin');
    const publisher = await t.as('publisher');
    const off = await admin.post('/api/v1/users/publisher/deactivate');
    assert.equal(off.status, 200);
    assert.equal(off.json<{ active: boolean }>().active, false);
    assert.equal((await publisher.get('/api/v1/auth/me')).status, 401);
    assert.equal((await attempt(t.app, 'publisher', PASSWORD, '10.2.2.2')).statusCode, 401);
    assert.equal((await admin.post('/api/v1/users/publisher/activate')).status, 200);
    assert.equal((await attempt(t.app, 'publisher', PASSWORD, '10.2.2.2')).statusCode, 200);
    assert.equal((await admin.post('/api/v1/users/admin/deactivate')).status, 403);
  });
});
