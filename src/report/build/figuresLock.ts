/**
 * The lock that serialises a year's publication (lock) with every write that changes an agency's figures.
 *
 * Writers (a case created, a step, a register import, an appeal record, table-2 figures) take the agency's
 * figures lock in SHARED mode at the start of their transaction, before they read which years are locked;
 * publishing a year (and reopening it) takes it EXCLUSIVE and builds the snapshot inside that transaction.
 * So a lock waits for writers in flight to commit, and a writer that starts meanwhile waits for the lock to
 * commit and then sees the year locked. Writers do not block one another. Transaction-scoped PostgreSQL
 * advisory locks (released at commit or rollback) — the same on PGlite and on PostgreSQL, across any number
 * of app servers. One lock per agency rather than per year because an open case counts in every later year.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/open.ts';

type Conn = Db | Tx;

/** A stable 32-bit namespace for gongkai's figures locks (advisory locks take two int4 keys). */
const NAMESPACE = sql`hashtext('gongkai.figures')`;

/** Waits for the agency's figures lock in shared mode (writers); held until the transaction ends. */
export async function holdFiguresShared(tx: Conn, agencyId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${NAMESPACE}, hashtext(${agencyId}))`);
}

/** Waits for the agency's figures lock in exclusive mode (lock/reopen a year); held until the transaction ends. */
export async function holdFiguresExclusive(tx: Conn, agencyId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${NAMESPACE}, hashtext(${agencyId}))`);
}
