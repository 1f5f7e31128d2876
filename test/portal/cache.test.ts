/**
 * Two app servers on one database (two connection pools on PostgreSQL): a change made through one
 * reaches the other's page cache by LISTEN/NOTIFY, and a published report shows at once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { openDatabase, type Database } from '../../src/db/open.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { createScratchPgDatabase, createTestDb, testDatabaseUrl, type TestDb } from '../support/db.ts';
import { PASSWORD, seedAgencies } from '../support/fixtures.ts';
import type { FileStore } from '../../src/requests/fileStore.ts';

const noFiles: FileStore = { put: () => Promise.reject(new Error('not used')), get: () => Promise.reject(new Error('not used')) };

describe('page cache across servers', () => {
  let first: TestDb | Database;
  let second: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  let a: FastifyInstance;
  let b: FastifyInstance;

  before(async () => {
    const base = testDatabaseUrl();
    if (base !== undefined) {
      const scratch = await createScratchPgDatabase(base);
      drop = scratch.drop;
      first = await openDatabase({ url: scratch.url, poolSize: 3 });
      second = await openDatabase({ url: scratch.url, poolSize: 3, migrate: false });
    } else first = await createTestDb();
    await seedAgencies(first.db);
    const key = SecretKey.random();
    a = await buildApp({ db: first.db, key, files: noFiles, listen: first.listen, today: () => '2026-11-24' });
    const other = second ?? first;
    b = await buildApp({ db: other.db, key, files: noFiles, listen: other.listen, today: () => '2026-11-24' });
  });
  after(async () => {
    await a.close();
    await b.close();
    await second?.close();
    await first.close();
    await drop?.();
  });

  async function eventually(check: () => Promise<boolean>): Promise<boolean> {
    for (let i = 0; i < 50; i++) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  }

  it("serves B's pages from its cache and drops them when A publishes", async () => {
    const url = '/agencies/gjxfj/proactive';
    const first1 = await b.inject({ method: 'GET', url });
    const again = await b.inject({ method: 'GET', url });
    assert.equal(first1.headers['x-portal-cache'], undefined);
    assert.equal(again.headers['x-portal-cache'], 'hit');
    assert.equal(again.body, first1.body);
    const login = await a.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'publisher', password: PASSWORD } });
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const csrf = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
    const created = await a.inject({ method: 'POST', url: '/api/v1/agencies/gjxfj/catalogue/documents', headers: { cookie, 'x-csrf-token': csrf }, payload: { title: '缓存失效测试文件', writtenOn: '2026-11-20', item: '1', topic: '综合政务', publish: true } });
    assert.equal(created.statusCode, 201, created.body);
    assert.ok(await eventually(async () => (await b.inject({ method: 'GET', url })).body.includes('缓存失效测试文件')), 'B shows the new document');
  });
});
