/**
 * Issue 14, lean paths: the public rate limit (online submissions, receipt queries) counts the requests of
 * every app server on one PostgreSQL together, per route and client, as login throttling does. On the
 * embedded database (one server) the in-memory count applies.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { count } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../support/db.ts';
import { seedAgencies } from '../support/fixtures.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { isEmbeddedDatabase } from '../../src/db/open.ts';
import { rateLimit } from '../../src/db/schema.ts';
import { buildApp } from '../../src/http/app.ts';
import { DiskFileStore } from '../../src/requests/fileStore.ts';

const LIMIT = 3;
const key = SecretKey.random();
const dir = mkdtempSync(path.join(tmpdir(), 'gk-limit-'));
let database: TestDb;
let a: FastifyInstance;
let b: FastifyInstance;

const query = (app: FastifyInstance, ip = '203.0.113.7') =>
  app.inject({ method: 'POST', url: '/api/v1/public/applications/status', remoteAddress: ip, payload: { receiptCode: '20210301-AAAAAA', queryPassword: 'ABCDEFGH' } });

describe('the public rate limit with two app servers on one database', () => {
  before(async () => {
    database = await createTestDb();
    await seedAgencies(database.db);
    const files = new DiskFileStore(dir, key);
    a = await buildApp({ db: database.db, key, files, publicLimitPerMinute: LIMIT });
    b = await buildApp({ db: database.db, key, files, publicLimitPerMinute: LIMIT });
  });
  after(async () => {
    await a.close();
    await b.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts the requests of both servers together on PostgreSQL, per client and route', async (t) => {
    const statuses: number[] = [];
    for (const app of [a, b, a, b, a]) statuses.push((await query(app)).statusCode);
    if (isEmbeddedDatabase(database.db)) {
      // One server per embedded database: each app counts its own (3 on a, 2 on b), none refused.
      assert.deepEqual(statuses.filter((s) => s === 429), []);
      t.diagnostic('PGlite: in-memory counting; run with DATABASE_URL for the shared counters');
      return;
    }
    // Three allowed in all, then refused on either server.
    assert.deepEqual(statuses.map((s) => s === 429), [false, false, false, true, true]);
    const refused = await query(b);
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0 && Number(refused.headers['retry-after']) <= 60);
    // Another client is not affected; neither is another limited route of the same client.
    assert.equal((await query(a, '198.51.100.9')).statusCode !== 429, true);
    const submit = await b.inject({ method: 'POST', url: '/api/v1/public/agencies/nowhere/applications', remoteAddress: '203.0.113.7', payload: {} });
    assert.notEqual(submit.statusCode, 429);
    assert.ok((await database.db.select({ n: count() }).from(rateLimit))[0]!.n >= 3);
  });

  it('allows exactly the limit when many requests of one client arrive at once on both servers', async (t) => {
    // Concurrent increments go to the database together (one upsert per batch); each request is still
    // numbered from the shared count, so no batch lets more through than the limit.
    const ip = '192.0.2.44';
    const statuses = (await Promise.all(Array.from({ length: 12 }, (_, i) => query(i % 2 === 0 ? a : b, ip)))).map((r) => r.statusCode);
    if (isEmbeddedDatabase(database.db)) {
      // The plugin's in-memory store is not under test here (and hands requests of one tick one shared
      // counter object); the database store is, on PostgreSQL.
      t.diagnostic('PGlite: in-memory counting; run with DATABASE_URL for the shared counters');
      return;
    }
    assert.equal(statuses.filter((s) => s !== 429).length, LIMIT);
  });
});
