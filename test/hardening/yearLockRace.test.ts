/**
 * Finding 1: publishing (locking) a year while a register import into that year runs. Whichever commits
 * first, the published snapshot and the cases agree: either the import landed before the lock (the snapshot
 * counts it) or the import is refused as changing a locked year (the snapshot counts nothing). Meaningful on
 * PostgreSQL (DATABASE_URL), where the two run on separate connections; on PGlite it runs serially.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq, gte, lte } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../support/db.ts';
import { seedAgencies } from '../support/fixtures.ts';
import { systemActor } from '../../src/accounts/actor.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { agencies, applications } from '../../src/db/schema.ts';
import { importRegister } from '../../src/register/importRegister.ts';
import { RegisterInvalidError } from '../../src/register/errors.ts';
import type { RegisterRow } from '../../src/register/validate.ts';
import { ImportInProgressError, lockReport, reopenReport } from '../../src/report/build/db.ts';

const actor = systemActor('test');
const key = SecretKey.random();
let database: TestDb;

before(async () => {
  database = await createTestDb();
  await seedAgencies(database.db);
});
after(async () => database.close());

function rows(n: number, year: number, tag: string): RegisterRow[] {
  return Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    ref: `${tag}-${i}`,
    receivedOn: `${year}-03-${String((i % 28) + 1).padStart(2, '0')}`,
    channel: null,
    applicantType: 'natural_person' as const,
    applicantName: '王五',
    subject: null,
    outcome: 'granted' as const,
    answers: [],
    concludedOn: `${year}-04-15`,
    notes: {},
  }));
}

async function casesIn(year: number): Promise<number> {
  const [agency] = await database.db.select().from(agencies).where(eq(agencies.code, 'gjxfj'));
  const [r] = await database.db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.agencyId, agency!.id), gte(applications.receivedOn, `${year}-01-01`), lte(applications.receivedOn, `${year}-12-31`)));
  return r!.n;
}

test('a lock racing a register import never publishes figures that contradict the cases', async () => {
  for (const [round, delayMs] of [0, 5, 20, 60].entries()) {
    const year = 2021 + round;
    const importing = importRegister(database.db, actor, key, { agencyCode: 'gjxfj', fileName: `race-${year}.csv`, rows: rows(3000, year, `r${year}`) }).then(
      () => 'imported' as const,
      (e: unknown) => {
        if (e instanceof RegisterInvalidError && e.errors.every((i) => i.rule === 'year.locked')) return 'refused' as const;
        throw e;
      },
    );
    await new Promise((r) => setTimeout(r, delayMs));
    // On the embedded database an import is written in chunks and a lock meanwhile is refused (409): then
    // the lock comes after it.
    const report = await lockReport(database.db, actor, 'gjxfj', year).catch(async (e: unknown) => {
      if (!(e instanceof ImportInProgressError)) throw e;
      await importing;
      return lockReport(database.db, actor, 'gjxfj', year);
    });
    const outcome = await importing;
    const inDb = await casesIn(year);
    assert.equal(report.applications.received?.total, inDb, `round ${round} (${outcome}): the snapshot counts ${String(report.applications.received?.total)} received, the database holds ${inDb}`);
    assert.equal(inDb, outcome === 'imported' ? 3000 : 0);
    await reopenReport(database.db, actor, 'gjxfj', year, 'test race');
  }
});
