/**
 * Section 六 of the draft from the fee records: a fee notice sent and paid in 2020 is counted in 2020 at the
 * notice's amount (not in 2021), and the draft states it in 元; a notice that is never paid is not counted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { getAgencyByCode } from '../../src/agencies/agencies.ts';
import { events } from '../../src/db/schema.ts';
import { feesCollected } from '../../src/report/build/feesCollected.ts';
import { personInput } from '../support/fixtures.ts';
import { startTestApp } from '../support/http.ts';
import type { Client, TestApp } from '../support/http.ts';

interface StepAnswer {
  application: { id: string; version: number };
}

describe('fees collected in the report draft', () => {
  let t: TestApp;
  let clerk: Client;
  let chargedFen = 0;

  async function register(on: string): Promise<StepAnswer['application']> {
    t.today.value = on;
    const res = await clerk.post('/api/v1/applications', { ...personInput(), agencyCode: 'gjxfj', channel: 'post', receivedOn: on });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.json<StepAnswer>().application;
  }
  async function step(app: StepAnswer['application'], path: string, date: string, body: Record<string, unknown> = {}) {
    t.today.value = date;
    const res = await clerk.post(`/api/v1/applications/${app.id}/${path}`, { version: app.version, date, ...body });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.json<StepAnswer>();
  }

  before(async () => {
    t = await startTestApp();
    clerk = await t.as('clerk');
    const paid = await register('2020-09-01');
    const notice = await step(paid, 'send-fee-notice', '2020-09-03', { method: 'per-volume', pages: 40, payment: '通过非税收入缴款书缴纳' });
    const [sent] = await t.db.db.select().from(events).where(and(eq(events.applicationId, paid.id), eq(events.kind, 'fee-notice-sent')));
    chargedFen = Number(sent?.payload['amountFen']);
    await step(notice.application, 'receive-fee', '2020-09-08');
    const unpaid = await register('2020-09-02');
    await step(unpaid, 'send-fee-notice', '2020-09-03', { method: 'per-volume', pages: 80, payment: '通过非税收入缴款书缴纳' });
  });
  after(async () => t?.close());

  it('counts the paid notice in its year at its amount', async () => {
    assert.ok(chargedFen > 0, 'a 40-page volume fee is charged');
    const agency = await getAgencyByCode(t.db.db, 'gjxfj', 'agency');
    assert.deepEqual(await feesCollected(t.db.db, agency.id, 2020), { count: 1, totalFen: chargedFen });
    assert.deepEqual(await feesCollected(t.db.db, agency.id, 2021), { count: 0, totalFen: 0 });
  });

  it('states it in section 六 of the draft', async () => {
    const res = await clerk.get('/api/v1/agencies/gjxfj/reports/2020/draft');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const other = res.json<{ sections: { id: string; text: string }[] }>().sections.find((s) => s.id === 'other');
    const yuan = (chargedFen / 100).toFixed(2).replace(/\.00$/, '');
    assert.equal(other?.text, `本年度依照《政府信息公开信息处理费管理办法》收取信息处理费1件，共计${yuan}元。`);
  });
});
