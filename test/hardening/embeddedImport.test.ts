/**
 * Finding 9: on the embedded database a large import is written in short transactions with the event loop
 * free in between — other queries run during it — and still lands whole or not at all (a failure, or a
 * crash found at the next start, removes what was written).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq, sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../support/db.ts';
import { seedAgencies } from '../support/fixtures.ts';
import { systemActor } from '../../src/accounts/actor.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { applications, events } from '../../src/db/schema.ts';
import { EMBEDDED_TARGET_MS, importRegister, nextEmbeddedChunk, removeUnfinishedImports } from '../../src/register/importRegister.ts';
import { registerImports } from '../../src/register/schema.ts';
import type { RegisterRow } from '../../src/register/validate.ts';

const actor = systemActor('test');
const key = SecretKey.random();
let database: TestDb;

before(async () => {
  database = await createTestDb();
  await seedAgencies(database.db);
});
after(async () => database.close());

function rows(n: number, tag: string): RegisterRow[] {
  return Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    ref: `${tag}-${i}`,
    receivedOn: '2021-05-06',
    channel: null,
    applicantType: 'natural_person' as const,
    applicantName: '赵六',
    subject: null,
    outcome: null,
    answers: [],
    concludedOn: null,
    notes: {},
  }));
}

const casesNow = async () => (await database.db.select({ n: count() }).from(applications))[0]!.n;

test('other queries are answered while a large import runs', async () => {
  let importDone = false;
  const importing = importRegister(database.db, actor, key, { agencyCode: 'gjxfj', fileName: 'big.csv', rows: rows(5000, 'big') }).then(() => {
    importDone = true;
  });
  // Let the import start, then ask something else: it is answered before the import ends.
  await new Promise((r) => setImmediate(r));
  let answeredDuringImport = false;
  for (let i = 0; i < 200 && !importDone; i++) {
    await database.db.execute(sql`select 1`);
    if (!importDone) answeredDuringImport = true;
    await new Promise((r) => setTimeout(r, 5));
  }
  await importing;
  assert.equal(answeredDuringImport, true);
  assert.equal(await casesNow(), 5000);
});

test('an import that fails part-way leaves nothing behind', async () => {
  const before = await casesNow();
  let drawn = 0;
  // From the 1,200th code on, every draw repeats: the import cannot complete.
  const randomPart = () => (++drawn < 1200 ? `${String(drawn).padStart(6, '0')}` : 'ZZZZZZ');
  await assert.rejects(importRegister(database.db, actor, key, { agencyCode: 'gjxfj', fileName: 'bad.csv', rows: rows(3000, 'bad'), randomPart }));
  assert.equal(await casesNow(), before);
  assert.equal((await database.db.select({ n: count() }).from(registerImports).where(eq(registerImports.fileName, 'bad.csv')))[0]!.n, 0);
});

test('an import a crash interrupted is removed whole at the next start', async () => {
  const before = await casesNow();
  const done = await importRegister(database.db, actor, key, { agencyCode: 'gjxfj', fileName: 'crash.csv', rows: rows(600, 'crash') });
  // As if the process had died before its last step.
  await database.db.update(registerImports).set({ status: 'importing' }).where(eq(registerImports.id, done.importId));
  assert.equal(await removeUnfinishedImports(database.db), 1);
  assert.equal(await casesNow(), before);
  assert.equal((await database.db.select({ n: count() }).from(events).where(sql`${events.payload}->>'importId' = ${done.importId}`))[0]!.n, 0);
});

test('chunks on the embedded database are sized by the time the previous one took', () => {
  const cases: [size: number, elapsedMs: number, next: number][] = [
    [50, 10, 100], // fast: at most doubles
    [100, EMBEDDED_TARGET_MS, 100], // on target: unchanged
    [400, EMBEDDED_TARGET_MS * 4, 100], // four times too slow: a quarter
    [100, 100_000, 10], // a stall: never below the floor
    [500, 1, 500], // never above the rows one INSERT may carry
    [50, 0, 100],
  ];
  for (const [size, elapsedMs, next] of cases) assert.equal(nextEmbeddedChunk(size, elapsedMs), next, `${size} rows in ${elapsedMs} ms`);
});
