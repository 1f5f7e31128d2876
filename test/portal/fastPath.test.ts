/**
 * Cached pages are answered by the server before Fastify (portal/pageCache.ts). Over real HTTP: the
 * cached answer carries the rendered answer's bytes and headers (only `date` and `x-portal-cache`
 * differ), HEAD and If-None-Match work, a made-up Host does not reach other visitors, and a change
 * committed in the database (NOTIFY, not through this server's API) drops the pages.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../src/accounts/actor.ts';
import { createDocument } from '../../src/catalogue/createDocument.ts';
import { buildApp } from '../../src/http/app.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { CSP } from '../../src/http/securityHeaders.ts';
import type { FileStore } from '../../src/requests/fileStore.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { seedAgencies } from '../support/fixtures.ts';

const noFiles: FileStore = { put: () => Promise.reject(new Error('not used')), get: () => Promise.reject(new Error('not used')) };

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Headers that differ between two answers of the same page by design. */
const PER_ANSWER = new Set(['date', 'x-portal-cache']);
const comparable = (h: http.IncomingHttpHeaders) => Object.fromEntries(Object.entries(h).filter(([k]) => !PER_ANSWER.has(k)).sort(([a], [b]) => a.localeCompare(b)));

describe('cached pages answered before Fastify', () => {
  let database: TestDb;
  let app: FastifyInstance;
  let port: number;

  const ask = (path: string, options: { method?: string; headers?: Record<string, string> } = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });

  before(async () => {
    database = await createTestDb();
    await seedAgencies(database.db);
    await createDocument({ db: database.db, actor: systemActor('test'), today: '2026-11-24' }, { agencyCode: 'gjxfj', input: { title: '信访工作规程', writtenOn: '2026-11-20', item: '1', topic: '综合政务' }, publish: true });
    app = await buildApp({ db: database.db, key: SecretKey.random(), files: noFiles, listen: database.listen, today: () => '2026-11-24' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  const pages = ['/', '/agencies/gjxfj', '/agencies/gjxfj/guide', '/agencies/gjxfj/proactive?item=1', `/agencies/gjxfj/search?q=${encodeURIComponent('信访')}&page=1`, '/search?q=%E4%BF%A1%E8%AE%BF', '/status', '/agencies/gjxfj/feed.atom', '/sitemap.xml'];
  for (const path of pages) {
    it(`${path}: the cached answer has the rendered answer's bytes and headers`, async () => {
      const rendered = await ask(path);
      assert.equal(rendered.status, 200, rendered.body.toString());
      assert.equal(rendered.headers['x-portal-cache'], undefined);
      const cached = await ask(path);
      assert.equal(cached.headers['x-portal-cache'], 'hit');
      assert.equal(cached.status, 200);
      assert.ok(cached.body.equals(rendered.body), 'same bytes');
      assert.deepEqual(comparable(cached.headers), comparable(rendered.headers));
      assert.equal(cached.headers['content-security-policy'], CSP.portal);
      assert.ok(cached.headers['strict-transport-security'] !== undefined, 'HSTS');
      assert.equal(cached.headers['x-frame-options'], 'DENY');
      assert.match(String(cached.headers['etag']), /^"[\w-]+"$/);
    });
  }

  it('HEAD: the headers of GET, no body', async () => {
    const get = await ask('/agencies/gjxfj');
    const head = await ask('/agencies/gjxfj', { method: 'HEAD' });
    assert.equal(head.headers['x-portal-cache'], 'hit');
    assert.equal(head.body.length, 0);
    assert.deepEqual(comparable(head.headers), comparable(get.headers));
  });

  it('If-None-Match with the page ETag: 304 without a body; another ETag: the page', async () => {
    const page = await ask('/agencies/gjxfj/guide');
    const etag = String(page.headers['etag']);
    for (const [ifNoneMatch, status] of [[etag, 304], [`"x", ${etag}`, 304], [`W/${etag}`, 304], ['*', 304], ['"other"', 200]] as const) {
      const again = await ask('/agencies/gjxfj/guide', { headers: { 'if-none-match': ifNoneMatch } });
      assert.equal(again.status, status, ifNoneMatch);
      assert.equal(again.body.length, status === 304 ? 0 : page.body.length, ifNoneMatch);
      assert.equal(again.headers['etag'], etag);
    }
  });

  it('a page not yet cached answers a matching If-None-Match with 304 too', async () => {
    const etag = (await ask('/agencies/gjxfj/guide')).headers.etag!;
    // Another app server on the same database has not rendered the page yet.
    const second = await buildApp({ db: database.db, key: SecretKey.random(), files: noFiles, listen: database.listen, today: () => '2026-11-24' });
    try {
      const fresh = await second.inject({ method: 'GET', url: '/agencies/gjxfj/guide', headers: { host: `127.0.0.1:${port}`, 'if-none-match': etag } });
      assert.equal(fresh.statusCode, 304);
      assert.equal(fresh.body, '');
      assert.equal(fresh.headers.etag, etag);
      const other = await second.inject({ method: 'GET', url: '/agencies/gjxfj/guide', headers: { host: `127.0.0.1:${port}`, 'if-none-match': '"other"' } });
      assert.equal(other.statusCode, 200);
      assert.equal(other.headers.etag, etag);
    } finally {
      await second.close();
    }
  });

  it('a page asked for with a made-up Host is not served to other visitors', async () => {
    const poisoned = await ask('/sitemap.xml', { headers: { host: 'evil.example' } });
    assert.ok(poisoned.body.includes('evil.example'));
    for (let i = 0; i < 2; i++) {
      const honest = await ask('/sitemap.xml');
      assert.equal(honest.status, 200);
      assert.ok(!honest.body.includes('evil.example'), 'the honest host gets its own sitemap');
    }
  });

  it('a visitor with a session cookie gets the same page (no lookup on a hit)', async () => {
    const plain = await ask('/agencies/gjxfj');
    const withCookie = await ask('/agencies/gjxfj', { headers: { cookie: 'gk_session=not-a-session' } });
    assert.equal(withCookie.headers['x-portal-cache'], 'hit');
    assert.ok(withCookie.body.equals(plain.body));
  });

  it('a change committed in the database (not through this server) drops the pages', async () => {
    const path = '/agencies/gjxfj/proactive';
    await ask(path);
    assert.equal((await ask(path)).headers['x-portal-cache'], 'hit');
    await createDocument({ db: database.db, actor: systemActor('test'), today: '2026-11-24' }, { agencyCode: 'gjxfj', input: { title: '快速通道失效测试', writtenOn: '2026-11-21', item: '1', topic: '综合政务' }, publish: true });
    let shown = false;
    for (let i = 0; i < 50 && !shown; i++) {
      shown = (await ask(path)).body.includes('快速通道失效测试');
      if (!shown) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(shown, 'the new document shows');
  });

  it('requests that are not cached pages go to Fastify as before', async () => {
    const api = await ask('/api/v1/auth/me');
    assert.equal(api.status, 401);
    assert.match(String(api.headers['content-type']), /problem\+json/);
    const missing = await ask('/agencies/gjxfj/');
    assert.equal(missing.status, 404);
    assert.equal((await ask('/agencies/gjxfj/')).headers['x-portal-cache'], undefined, '404 pages are not kept');
    const post = await ask('/agencies/gjxfj', { method: 'POST' });
    assert.notEqual(post.headers['x-portal-cache'], 'hit');
  });
});
