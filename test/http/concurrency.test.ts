/** Two clerks on one case: one wins, the other gets 409 and nothing is lost or half-written. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { events } from '../../src/db/schema.ts';
import { personInput } from '../support/fixtures.ts';
import { startTestApp } from '../support/http.ts';
import type { Client, TestApp } from '../support/http.ts';

describe('optimistic concurrency', () => {
  let t: TestApp;
  let clerk: Client;
  let clerk2: Client;

  before(async () => {
    t = await startTestApp();
    t.today.value = '2021-03-01';
    clerk = await t.as('clerk');
    clerk2 = await t.as('clerk2');
  });
  after(async () => t.close());

  async function register(): Promise<{ id: string; version: number }> {
    const res = await clerk.post('/api/v1/applications', { ...personInput(), agencyCode: 'gjxfj', channel: 'in-person', receivedOn: '2021-03-01' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const a = res.json<{ application: { id: string; version: number } }>().application;
    return { id: a.id, version: a.version };
  }

  it('lets one of two simultaneous steps win and answers the other with 409', async () => {
    const { id, version } = await register();
    const [a, b] = await Promise.all([
      clerk.post(`/api/v1/applications/${id}/request-supplement`, { version, date: '2021-03-01', items: '请写明文件名称' }),
      clerk2.post(`/api/v1/applications/${id}/consult-third-party`, { version, date: '2021-03-01', party: '某公司' }),
    ]);
    const statuses = [a.status, b.status].sort();
    assert.deepEqual(statuses, [200, 409], `${a.status} ${JSON.stringify(a.body)} / ${b.status} ${JSON.stringify(b.body)}`);
    const loser = a.status === 409 ? a : b;
    assert.equal(loser.json<{ code: string }>().code, 'application.version_conflict');
    assert.match(String(loser.headers['content-type']), /application\/problem\+json/);
    const detail = (await clerk.get(`/api/v1/applications/${id}`)).json<{ version: number; state: string }>();
    assert.equal(detail.version, version + 1);
    const rows = await t.db.db.select().from(events).where(eq(events.applicationId, id));
    assert.equal(rows.filter((e) => e.kind === 'supplement-requested' || e.kind === 'third-party-sent').length, 1, 'exactly one step written');
  });

  it('rejects a stale version outright, and the retry after re-reading succeeds', async () => {
    const { id, version } = await register();
    const first = await clerk.post(`/api/v1/applications/${id}/consult-agency`, { version, date: '2021-03-01', agencyName: '国家发展和改革委员会' });
    assert.equal(first.status, 200);
    const stale = await clerk2.post(`/api/v1/applications/${id}/receive-agency-reply`, { version, date: '2021-03-01' });
    assert.equal(stale.status, 409);
    const current = (await clerk2.get(`/api/v1/applications/${id}`)).json<{ version: number }>();
    const retry = await clerk2.post(`/api/v1/applications/${id}/receive-agency-reply`, { version: current.version, date: '2021-03-01' });
    assert.equal(retry.status, 200, JSON.stringify(retry.body));
  });

  it('lets exactly one of many parallel attempts win', async () => {
    const { id, version } = await register();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? clerk : clerk2).post(`/api/v1/applications/${id}/withdraw`, { version, date: '2021-03-01', reason: `第${i}次` })),
    );
    assert.equal(results.filter((r) => r.status === 200).length, 1);
    assert.equal(results.filter((r) => r.status === 409).length, 5);
    const rows = await t.db.db.select().from(events).where(eq(events.applicationId, id));
    assert.equal(rows.filter((e) => e.kind === 'withdrawn').length, 1);
  });
});
