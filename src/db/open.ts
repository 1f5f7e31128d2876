/**
 * The connection: embedded PGlite by default (a directory on disk, or memory), PostgreSQL when a URL is
 * given. The same schema and migrations apply to both; commands take the common `Db` type.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';
import { lockDataDir } from './dataDirLock.ts';
import { restrictDataDir } from './dataDirPermissions.ts';
import { pgliteTemplate } from './pgliteTemplate.ts';
import { MIGRATIONS_FOLDER } from './migrationsFolder.ts';
import { pgliteListen, postgresListen } from './notify.ts';
import type { Listen } from './notify.ts';

export type Schema = typeof schema;
/** The database, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; it has the same query API as `Db`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Engine = 'pglite' | 'postgres';

export interface OpenOptions {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  url?: string | undefined;
  /** PGlite data directory; `memory` (or undefined with `memory: true`) keeps it in memory. */
  dataDir?: string | undefined;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
}

export interface Database {
  readonly db: Db;
  readonly engine: Engine;
  /** Where the data lives (a directory, `memory`, or the URL without password). */
  readonly location: string;
  /** LISTEN on a channel (db/notify.ts); resolves to an unsubscribe function. */
  readonly listen: Listen;
  close(): Promise<void>;
}

export { MIGRATIONS_FOLDER };

/** Options from the environment: DATABASE_URL, else GONGKAI_DATA_DIR, else ./data. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  const url = env['DATABASE_URL'];
  if (url !== undefined && url !== '') return { url };
  return { dataDir: dataDirFromEnv(env) };
}

export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['GONGKAI_DATA_DIR'];
  return path.resolve(dir !== undefined && dir !== '' ? dir : './data');
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

/**
 * PGlite's own start parameters, with shared buffers of 32 MB instead of PostgreSQL's 128 MB: PostgreSQL
 * touches all of them at start, so they were resident whether used or not; the files stay in the operating
 * system's cache anyway. The server's idle memory after a restart fell from 335 to 238 MB in the
 * `npm run bench -- lean` runs just before and after (issue 14).
 */
const PGLITE_OPTIONS = { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'] };

/** Whether the data directory `dir` already holds an embedded database (a PGlite cluster). */
export function embeddedClusterExists(dir: string): boolean {
  return existsSync(path.join(dir, 'pgdata', 'PG_VERSION'));
}

/** Opens (and by default migrates) the database. */
export async function openDatabase(options: OpenOptions = optionsFromEnv()): Promise<Database> {
  const doMigrate = options.migrate ?? true;
  if (options.url !== undefined) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle pooled connection closed by the server (restart, DROP DATABASE … FORCE) is dropped by the pool;
    // without a listener its 'error' event would end the process.
    pool.on('error', () => undefined);
    const db = drizzlePg({ client: pool, schema });
    try {
      if (doMigrate) await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } catch (err) {
      await pool.end();
      throw err;
    }
    return { db, engine: 'postgres', location: redact(options.url), listen: postgresListen(options.url), close: () => pool.end() };
  }
  const dir = options.dataDir ?? 'memory';
  let client: PGlite;
  let unlock = (): void => {};
  let created = false;
  // A new cluster starts from the migrated template (db/pgliteTemplate.ts) instead of initdb.
  if (dir === 'memory') {
    client = new PGlite({ ...PGLITE_OPTIONS, ...(doMigrate ? { loadDataDir: await pgliteTemplate(MIGRATIONS_FOLDER) } : {}) });
  } else {
    restrictDataDir(dir);
    unlock = lockDataDir(dir);
    created = !embeddedClusterExists(dir);
    try {
      client = new PGlite(path.join(dir, 'pgdata'), { ...PGLITE_OPTIONS, ...(created && doMigrate ? { loadDataDir: await pgliteTemplate(MIGRATIONS_FOLDER) } : {}) });
    } catch (err) {
      unlock();
      throw err;
    }
  }
  const close = async (): Promise<void> => {
    try {
      await client.close();
    } finally {
      unlock();
    }
  };
  try {
    await client.waitReady;
  } catch (err) {
    unlock();
    throw err;
  }
  const db = drizzlePglite({ client, schema });
  try {
    if (doMigrate) await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (err) {
    await close();
    throw err;
  }
  // PGlite unpacks a new cluster with the modes of its bundle; make them owner-only too (an existing
  // cluster was tightened above, and the umask covers what PGlite writes from now on).
  if (created) restrictDataDir(dir);
  return { db, engine: 'pglite', location: dir, listen: pgliteListen(client), close };
}

/** Whether `db` is the embedded PGlite database (one connection, executed on this thread). */
export function isEmbeddedDatabase(db: Db): boolean {
  return db instanceof PgliteDatabase;
}

/** Applies pending migrations to an open database. */
export async function migrateDatabase(database: Database): Promise<void> {
  const { db } = database;
  if (database.engine === 'postgres') {
    await migratePg(db as Parameters<typeof migratePg>[0], { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    await migratePglite(db as Parameters<typeof migratePglite>[0], { migrationsFolder: MIGRATIONS_FOLDER });
  }
}
