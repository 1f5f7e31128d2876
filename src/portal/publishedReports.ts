/** The annual reports an agency has published (locked): what the public portal shows. */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { reportYears } from '../report/build/schema.ts';
import type { ReportData } from '../report/reportData.ts';
import { parseReportData } from '../report/validateReport.ts';

export interface PublishedReport {
  year: number;
  publishedAt: string;
  report: ReportData;
}

export async function listPublishedReports(db: Db, agencyId: string): Promise<{ year: number; publishedAt: string }[]> {
  const rows = await db
    .select({ year: reportYears.year, lockedAt: reportYears.lockedAt })
    .from(reportYears)
    .where(and(eq(reportYears.agencyId, agencyId), isNotNull(reportYears.lockedAt), isNotNull(reportYears.snapshot)))
    .orderBy(desc(reportYears.year));
  return rows.map((r) => ({ year: r.year, publishedAt: (r.lockedAt ?? '').slice(0, 10) }));
}

export async function findPublishedReport(db: Db, agencyId: string, year: number): Promise<PublishedReport | null> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  const rows = await db
    .select({ snapshot: reportYears.snapshot, lockedAt: reportYears.lockedAt })
    .from(reportYears)
    .where(and(eq(reportYears.agencyId, agencyId), eq(reportYears.year, year), isNotNull(reportYears.lockedAt)));
  const row = rows[0];
  if (row === undefined || row.snapshot === null) return null;
  return { year, publishedAt: (row.lockedAt ?? '').slice(0, 10), report: parseReportData(row.snapshot) };
}
