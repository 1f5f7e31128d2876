/**
 * `gongkai db backup`: everything an installation holds in one file — every table of the database read in
 * one snapshot (a REPEATABLE READ, read-only transaction, so writes go on meanwhile and the copy is
 * consistent), the attachments those rows name (as stored: encrypted), and the key's fingerprint. Never the
 * key: a backup is restored with the original key (restore.ts checks the fingerprint).
 *
 * The file is gzip'd JSON lines: a header, then `{"table":…,"rows":[…]}` batches, then
 * `{"file":sha256,"data":base64}` lines, then `{"end":true,…counts}` (a truncated file is refused).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/open.ts';
import { recordedFingerprint } from '../db/installationKey.ts';
import type { FileStore } from '../requests/fileStore.ts';

export const BACKUP_FORMAT = 'gongkai-backup';
export const BACKUP_VERSION = 1;
/** Tables a backup leaves out: sessions (secrets that end anyway) and failed-login counters. */
export const EXCLUDED_TABLES = new Set(['sessions', 'login_throttle', 'rate_limit']);
const BATCH = 1000;

export interface BackupSummary {
  file: string;
  tables: Record<string, number>;
  files: number;
  keyFingerprint: string | null;
  migration: string | null;
}

export interface StoredFiles {
  /** the stored (encrypted) bytes of a file, as on disk */
  raw(sha256: string): Promise<Buffer>;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/** The installation's tables in an order where every table comes after the tables it references. */
export async function tablesInDependencyOrder(db: Db | Tx): Promise<string[]> {
  const tables = rowsOf(await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)).map((r) => String(r['name']));
  const deps = rowsOf(
    await db.execute(sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent from pg_constraint c
      join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and n.nspname = 'public'`),
  ).map((r) => ({ child: String(r['child']).replaceAll('"', ''), parent: String(r['parent']).replaceAll('"', '') }));
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (t: string, seen: Set<string>) => {
    if (done.has(t) || seen.has(t)) return;
    seen.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t) visit(d.parent, seen);
    done.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

async function* backupLines(db: Db, files: StoredFiles, summary: BackupSummary): AsyncGenerator<string> {
  const shas = new Set<string>();
  let header = '';
  const tables: { table: string; rows: string[] }[] = [];
  // One snapshot of every table. The transaction only reads; it keeps no lock that blocks writers. Each
  // row comes back as its JSON text and is written as it is, outside the transaction: on the embedded
  // database other requests wait while a transaction is open, so it does nothing but the reading.
  await db.transaction(
    async (tx) => {
      const fingerprint = await recordedFingerprint(tx as unknown as Db);
      const migration = rowsOf(await tx.execute(sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`))[0];
      summary.keyFingerprint = fingerprint ?? null;
      summary.migration = migration === undefined ? null : String(migration['created_at']);
      header = JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), keyFingerprint: summary.keyFingerprint, migration: summary.migration });
      for (const table of await tablesInDependencyOrder(tx)) {
        if (EXCLUDED_TABLES.has(table)) continue;
        tables.push({ table, rows: rowsOf(await tx.execute(sql`select row_to_json(t)::text as j from ${sql.identifier(table)} t`)).map((r) => String(r['j'])) });
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const lines = [header];
  for (const { table, rows } of tables) {
    summary.tables[table] = rows.length;
    // `{"table":…,"rows":[…]}` from the rows' own JSON text, BATCH rows a line.
    for (let i = 0; i < rows.length; i += BATCH) lines.push(`{"table":${JSON.stringify(table)},"rows":[${rows.slice(i, i + BATCH).join(',')}]}`);
    if (rows.length === 0) lines.push(JSON.stringify({ table, rows: [] }));
    if (table === 'attachments') for (const r of rows) shas.add(String((JSON.parse(r) as Record<string, unknown>)['sha256']));
  }
  for (const l of lines) yield `${l}\n`;
  // Files are content-addressed and written before the row that names them commits: every file a row of
  // the snapshot names is on disk.
  for (const sha of shas) {
    yield `${JSON.stringify({ file: sha, data: (await files.raw(sha)).toString('base64') })}\n`;
    summary.files += 1;
  }
  yield `${JSON.stringify({ end: true, tables: summary.tables, files: summary.files })}\n`;
}

/** Writes a backup of the installation to `file` (via a temporary file, renamed when complete). */
export async function backupInstallation(db: Db, files: StoredFiles, file: string): Promise<BackupSummary> {
  const summary: BackupSummary = { file: path.resolve(file), tables: {}, files: 0, keyFingerprint: null, migration: null };
  await mkdir(path.dirname(summary.file), { recursive: true, mode: 0o700 });
  const tmp = `${summary.file}.partial`;
  await pipeline(Readable.from(backupLines(db, files, summary)), createGzip(), createWriteStream(tmp, { mode: 0o600 }));
  await rename(tmp, summary.file);
  return summary;
}

/** The FileStore's raw bytes (encrypted as stored), for backups. */
export function storedFiles(store: FileStore & { raw?: (sha256: string) => Promise<Buffer> }): StoredFiles {
  return { raw: (sha) => (store.raw !== undefined ? store.raw(sha) : store.get(sha)) };
}
