/**
 * The migrations apply cleanly from an empty database and from one at 0000 (before the report tables),
 * keeping its rows — on the engine under test, chosen as createTestDb chooses it: PGlite, or PostgreSQL
 * when DATABASE_URL is set (CI runs the suite once on each).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { MIGRATIONS_FOLDER } from '../../src/db/open.ts';
import { createScratchPgDatabase, testDatabaseUrl } from '../support/db.ts';

const REPORT_TABLES = ['appeal_applications', 'appeals', 'application_refs', 'register_imports', 'report_years'];
let only0000 = '';

before(() => {
  // A migrations folder holding only 0000, as a database migrated before 0001 saw it.
  only0000 = mkdtempSync(path.join(tmpdir(), 'gk-mig-'));
  mkdirSync(path.join(only0000, 'meta'));
  cpSync(path.join(MIGRATIONS_FOLDER, '0000_init.sql'), path.join(only0000, '0000_init.sql'));
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  writeFileSync(path.join(only0000, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
});
after(() => rmSync(only0000, { recursive: true, force: true }));

type Exec = (q: ReturnType<typeof sql>) => Promise<{ rows: unknown[] }>;

async function check(exec: Exec): Promise<void> {
  const tables = (await exec(sql`select table_name from information_schema.tables where table_schema = 'public' and table_name in ${REPORT_TABLES} order by 1`)).rows as { table_name: string }[];
  assert.deepEqual(tables.map((t) => t.table_name), REPORT_TABLES);
  const columns = (await exec(sql`select column_name from information_schema.columns where table_name = 'applications' and column_name like 'first_%' order by 1`)).rows as { column_name: string }[];
  assert.deepEqual(columns.map((c) => c.column_name), ['first_concluded_on', 'first_outcome']);
}

async function onPglite(): Promise<void> {
  const empty = new PGlite();
  const a = drizzlePglite({ client: empty });
  await migratePglite(a, { migrationsFolder: MIGRATIONS_FOLDER });
  await check((q) => a.execute(q));
  await empty.close();

  const at0000 = new PGlite();
  const b = drizzlePglite({ client: at0000 });
  await migratePglite(b, { migrationsFolder: only0000 });
  await b.execute(sql`insert into agencies (id, agency_id, code, name, path) values ('a1', 'a1', 'a1', '机关', '/a1/')`);
  await migratePglite(b, { migrationsFolder: MIGRATIONS_FOLDER });
  await migratePglite(b, { migrationsFolder: MIGRATIONS_FOLDER });
  await check((q) => b.execute(q));
  assert.equal(((await b.execute(sql`select count(*)::int as n from agencies`)).rows[0] as { n: number }).n, 1);
  await at0000.close();
}

async function onPostgres(baseUrl: string): Promise<void> {
  for (const from0000 of [false, true]) {
    const scratch = await createScratchPgDatabase(baseUrl);
    const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
    try {
      const db = drizzlePg({ client: pool });
      if (from0000) {
        await migratePg(db, { migrationsFolder: only0000 });
        await db.execute(sql`insert into agencies (id, agency_id, code, name, path) values ('a1', 'a1', 'a1', '机关', '/a1/')`);
      }
      await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
      await check((q) => db.execute(q));
      const agencies = (await db.execute(sql`select count(*)::int as n from agencies`)).rows[0] as { n: number };
      assert.equal(agencies.n, from0000 ? 1 : 0);
    } finally {
      await pool.end();
      await scratch.drop();
    }
  }
}

test(`${testDatabaseUrl() === undefined ? 'PGlite' : 'PostgreSQL'}: migrates from empty, and from 0000 with data kept`, async () => {
  const url = testDatabaseUrl();
  await (url === undefined ? onPglite() : onPostgres(url));
});
