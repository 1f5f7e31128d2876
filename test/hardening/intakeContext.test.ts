/**
 * Issue 14, lean paths: an online submission costs one round trip because each app server keeps the
 * agency, its deadline settings and the calendar's version from its last intake. The write checks them in
 * the same statement, so a change made meanwhile — here through another connection, as another app server
 * would — is never computed with: the submission is computed again from a fresh read.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../../src/accounts/actor.ts';
import { putAgencySettings } from '../../src/agencies/settings.ts';
import { parseHolidayNotice } from '../../src/calendar/holidayNotice.ts';
import { loadCalendarYear } from '../../src/calendarYears/loadCalendarYear.ts';
import { openDatabase } from '../../src/db/open.ts';
import type { Database } from '../../src/db/open.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { submitApplication } from '../../src/requests/submitApplication.ts';
import { count, eq } from 'drizzle-orm';
import { applications, events } from '../../src/db/schema.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { GJXFJ_SETTINGS, personInput, seedAgencies } from '../support/fixtures.ts';

const key = SecretKey.random();
const sys = systemActor('test');
const notice2027 = readFileSync(new URL('../fixtures/holiday-notices/2027-constructed.txt', import.meta.url), 'utf8');

describe('the intake cache of an app server', () => {
  let database: TestDb;
  /** Another app server's connection (PostgreSQL); on PGlite, one process has the one connection. */
  let other: Database;

  before(async () => {
    database = await createTestDb();
    await seedAgencies(database.db);
    other = database.engine === 'postgres' ? await openDatabase({ url: database.location, poolSize: 2, migrate: false }) : database;
  });
  after(async () => {
    if (other !== database) await other.close();
    await database.close();
  });

  const submit = (today: string) => submitApplication({ db: database.db, key, today }, { agencyCode: 'gjxfj', input: personInput() });

  // An online submission is not yet received, so its clock shows no due date whatever the settings and the
  // calendar; what these show is that a change made elsewhere makes the write's check refuse the cached
  // context and the submission is written once, from a fresh read, instead of failing or writing twice.
  async function casesAndEvents(): Promise<[number, number]> {
    const [c] = (await database.db.select({ n: count() }).from(applications)) as [{ n: number }];
    const [e] = (await database.db.select({ n: count() }).from(events).where(eq(events.kind, 'submitted'))) as [{ n: number }];
    return [Number(c.n), Number(e.n)];
  }

  it('submits after the agency\'s settings changed through another connection', async () => {
    await submit('2026-03-05');
    await putAgencySettings(other.db, sys, 'gjxfj', { ...GJXFJ_SETTINGS, version: 1, deadline: { answerDays: 15 } });
    const after = await submit('2026-03-05');
    assert.equal(after.application.state, 'submitted');
    // The receipt code and the 10-character query password (50 bits; requests/queryPassword.ts).
    assert.match(after.receiptCode, /^20260305-[2-9A-HJ-NP-Z]{6}$/);
    assert.match(after.queryPassword, /^[2-9A-HJ-NP-Z]{10}$/);
    assert.deepEqual(await casesAndEvents(), [2, 2]);
  });

  it('submits after a calendar year was loaded through another connection', async () => {
    await submit('2026-12-21');
    const notice = parseHolidayNotice(notice2027);
    await loadCalendarYear(other.db, { actor: sys, year: notice.year, data: notice.override, source: notice.source, noticeText: notice2027, today: '2026-12-21' });
    const after = await submit('2026-12-21');
    assert.equal(after.application.state, 'submitted');
    assert.deepEqual(await casesAndEvents(), [4, 4]);
  });

  it('refuses an unknown agency also when another is cached', async () => {
    await assert.rejects(submitApplication({ db: database.db, key, today: '2026-12-21' }, { agencyCode: 'nowhere', input: personInput() }), { code: 'agency.not_found' });
    assert.deepEqual(await casesAndEvents(), [4, 4]);
  });
});
