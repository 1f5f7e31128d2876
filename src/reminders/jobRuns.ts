/**
 * Runs a scheduled job once per run key even when several servers share the database: the server whose
 * INSERT creates the `job_runs` row runs it, the others see the row and skip. Plain SQL that PGlite and
 * PostgreSQL both do atomically (a primary key and ON CONFLICT DO NOTHING), no advisory lock needed.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { jobRuns } from '../db/schema.ts';

/** True when this caller claimed the run and must do it. */
export async function claimRun(db: Db, job: string, runKey: string): Promise<boolean> {
  const rows = await db.insert(jobRuns).values({ job, runKey }).onConflictDoNothing().returning({ job: jobRuns.job });
  return rows.length === 1;
}

export async function finishRun(db: Db, job: string, runKey: string, result: Record<string, unknown>): Promise<void> {
  await db.update(jobRuns).set({ finishedAt: sql`now()`, result }).where(and(eq(jobRuns.job, job), eq(jobRuns.runKey, runKey)));
}
