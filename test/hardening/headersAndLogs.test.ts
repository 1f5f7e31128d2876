/**
 * Findings 3 and 10: a 500's log line carries the request id and an error code, never the SQL parameters
 * (names, descriptions, hashes); every page has a CSP with frame-ancestors 'none' (the portal no script,
 * the console its own bundle); cookies are Secure over HTTPS behind a trusted proxy.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { DiskFileStore } from '../../src/requests/fileStore.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { PASSWORD, personInput, seedAgencies } from '../support/fixtures.ts';

describe('logs and security headers', () => {
  let db: TestDb;
  let app: FastifyInstance;
  let dir: string;
  const lines: string[] = [];

  before(async () => {
    db = await createTestDb();
    await seedAgencies(db.db);
    dir = mkdtempSync(path.join(tmpdir(), 'gk-logs-'));
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    app = await buildApp({ db: db.db, key: SecretKey.random(), files: new DiskFileStore(dir), today: () => '2021-03-01', logger: { level: 'info', stream }, trustProxy: '127.0.0.1', loginLimitPerMinute: 1000, publicLimitPerMinute: 1000 });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs a database failure with its request id and SQLSTATE, without the query’s parameters', async () => {
    await db.db.execute(sql`alter table applications add constraint test_boom check (description not like '%BOOM%')`);
    const input = personInput({ description: '请公开BOOM机密文件清单' });
    const res = await app.inject({ method: 'POST', url: '/api/v1/public/agencies/gjxfj/applications', payload: input });
    assert.equal(res.statusCode, 500);
    const body = JSON.parse(res.body) as { requestId: string; code: string };
    assert.equal(body.code, 'internal_error');
    const log = lines.join('');
    const errorLine = lines.find((l) => l.includes('unhandled error'));
    assert.ok(errorLine !== undefined, log);
    assert.ok(errorLine.includes(body.requestId), errorLine);
    assert.ok(errorLine.includes('23514'), errorLine);
    for (const secret of ['BOOM', input.applicant.name, input.applicant.phone, 'params', 'insert into']) assert.ok(!log.includes(secret), `log contains ${secret}`);
    await db.db.execute(sql`alter table applications drop constraint test_boom`);
  });

  it('sends a CSP with frame-ancestors none: no script on the portal, the console’s own bundle on /console', async () => {
    const portal = await app.inject({ method: 'GET', url: '/' });
    const csp = String(portal.headers['content-security-policy']);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'none'/);
    assert.equal(portal.headers['x-frame-options'], 'DENY');
    const api = await app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    assert.match(String(api.headers['content-security-policy']), /script-src 'none'/);
    const consolePage = await app.inject({ method: 'GET', url: '/console/assets/index.js' });
    const consoleCsp = String(consolePage.headers['content-security-policy']);
    assert.match(consoleCsp, /script-src 'self'/);
    assert.match(consoleCsp, /style-src 'self' 'unsafe-inline'/);
    assert.match(consoleCsp, /frame-ancestors 'none'/);
  });

  it('marks the session cookie Secure when a trusted proxy forwards https, and not for plain http', async () => {
    const login = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk', password: PASSWORD }, headers });
    const viaProxy = await login({ 'x-forwarded-proto': 'https' });
    assert.equal(viaProxy.statusCode, 200);
    assert.match(String(viaProxy.headers['set-cookie']), /; Secure/);
    const plain = await login({});
    assert.doesNotMatch(String(plain.headers['set-cookie']), /; Secure/);
  });
});
