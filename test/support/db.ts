/**
 * A fresh, migrated database for a test file: PGlite in memory by default; when DATABASE_URL is set, a
 * new PostgreSQL database per call (gk_<random>), dropped on close, so test files can run concurrently.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/db/open.ts';
import type { Database } from '../../src/db/open.ts';

export type TestDb = Database;

export function testDatabaseUrl(): string | undefined {
  const url = process.env['DATABASE_URL'];
  return url !== undefined && url !== '' ? url : undefined;
}

/** Creates an empty PostgreSQL database next to the one `baseUrl` names; returns its URL and a drop function. */
export async function createScratchPgDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gk_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function createTestDb(): Promise<TestDb> {
  const base = testDatabaseUrl();
  if (base === undefined) return openDatabase({ dataDir: 'memory' });
  const scratch = await createScratchPgDatabase(base);
  const database = await openDatabase({ url: scratch.url, poolSize: 5 });
  return {
    ...database,
    engine: database.engine,
    db: database.db,
    location: database.location,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}
