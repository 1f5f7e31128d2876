/**
 * Until drizzle/ carries a migration for the report tables (register_imports, application_refs, appeals,
 * appeal_applications, report_years), the report commands create them from tables.sql on first use.
 * Once the migration exists, `to_regclass` finds the tables and this does nothing.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';

const SQL_FILE = new URL('./tables.sql', import.meta.url);
const ready = new WeakSet<object>();

export async function ensureReportTables(db: Db): Promise<void> {
  if (ready.has(db)) return;
  const found = await db.execute(sql`select to_regclass('public.report_years') is not null as present`);
  const rows = (found as unknown as { rows: { present: boolean }[] }).rows;
  if (rows[0]?.present !== true) {
    const statements = readFileSync(SQL_FILE, 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter((s) => s.replace(/^--.*$/gm, '').trim() !== '');
    await db.transaction(async (tx) => {
      for (const statement of statements) await tx.execute(sql.raw(statement));
    });
  }
  ready.add(db);
}
