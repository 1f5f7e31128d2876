/**
 * Issue 14, finding 9: a register export reads a year in pages (so the embedded database is never held by
 * one long query); across pages every case comes once, in the register's order, with its row complete.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../../src/accounts/actor.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { exportRegister } from '../../src/register/exportRegister.ts';
import { importRegister } from '../../src/register/importRegister.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { seedAgencies } from '../support/fixtures.ts';

const sys = systemActor('test');
const key = SecretKey.random();
const N = 2_345;

describe('a register export of more cases than one page', () => {
  let database: TestDb;
  before(async () => {
    database = await createTestDb();
    await seedAgencies(database.db);
    // Received over several days, so that the order is by date first, then by case.
    const rows = Array.from({ length: N }, (_, i) => ({ row: i + 2, ref: `P-${String(i).padStart(5, '0')}`, receivedOn: `2021-0${3 + (i % 5)}-1${i % 10}`, channel: null, applicantType: 'natural_person' as const, applicantName: '钱七', subject: null, outcome: 'granted' as const, answers: [], concludedOn: '2021-09-30', notes: {} }));
    await importRegister(database.db, sys, key, { agencyCode: 'gjxfj', fileName: 'pages.csv', rows });
  });
  after(async () => database.close());

  it('has every case once, in order of receipt, masked', async () => {
    const out = await exportRegister(database.db, sys, key, { agencyCode: 'gjxfj', year: 2021 });
    assert.equal(out.rows.length, N);
    const refs = out.rows.map((r) => r[0]);
    assert.equal(new Set(refs).size, N);
    const dates = out.rows.map((r) => r[1]!);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(out.rows.every((r) => r[4] === '钱*'), 'names masked');
  });
});
