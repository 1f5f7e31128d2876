/**
 * Finding 5: a register of 100,000 rows imports in one transaction (chunked statements, no query with more
 * than 65,535 bind parameters), and a receipt code that collides with an existing case's is drawn anew.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../support/db.ts';
import { seedAgencies } from '../support/fixtures.ts';
import { systemActor } from '../../src/accounts/actor.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { agencies, applications } from '../../src/db/schema.ts';
import { importRegister } from '../../src/register/importRegister.ts';
import type { RegisterRow } from '../../src/register/validate.ts';

const actor = systemActor('test');
const key = SecretKey.random();
let database: TestDb;

before(async () => {
  database = await createTestDb();
  await seedAgencies(database.db);
});
after(async () => database.close());

function rows(n: number, tag: string, receivedOn = '2021-03-01'): RegisterRow[] {
  return Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    ref: `${tag}-${i}`,
    receivedOn,
    channel: null,
    applicantType: 'natural_person' as const,
    applicantName: '王五',
    subject: null,
    outcome: 'granted' as const,
    answers: [],
    concludedOn: '2021-04-15',
    notes: {},
  }));
}

async function cases(): Promise<number> {
  const [agency] = await database.db.select().from(agencies).where(eq(agencies.code, 'gjxfj'));
  return (await database.db.select({ n: count() }).from(applications).where(eq(applications.agencyId, agency!.id)))[0]!.n;
}

test('a 100,000-row register imports whole', async () => {
  const result = await importRegister(database.db, actor, key, { agencyCode: 'gjxfj', fileName: 'big.csv', rows: rows(100_000, 'big') });
  assert.equal(result.imported, 100_000);
  assert.equal(await cases(), 100_000);
});

test('a receipt code that an earlier case already has is drawn anew, and the import completes', async () => {
  const first = await importRegister(database.db, actor, key, { agencyCode: 'gjxfj', fileName: 'one.csv', rows: rows(1, 'one', '2022-01-10'), randomPart: () => 'AAAAAA' });
  assert.equal(first.imported, 1);
  // The next import draws the same random part first (a collision with that case), then new ones.
  const draws = ['AAAAAA', 'BBBBBB', 'CCCCCC'];
  const second = await importRegister(database.db, actor, key, { agencyCode: 'gjxfj', fileName: 'two.csv', rows: rows(2, 'two', '2022-01-10'), randomPart: () => draws.shift() ?? 'DDDDDD' });
  assert.equal(second.imported, 2);
  const codes = (await database.db.select({ c: applications.receiptCode }).from(applications).where(eq(applications.receivedOn, '2022-01-10'))).map((r) => r.c).sort();
  assert.equal(codes.length, 3);
  assert.equal(new Set(codes).size, 3);
});
