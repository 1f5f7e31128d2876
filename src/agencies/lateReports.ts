/**
 * Agencies late with their annual report (条例 Art. 49, decisions.md #18): a department's report on year Y
 * is due by 31 January of Y+1, a government's by 31 March; the agency's setting says which it is. Late:
 * published (locked) after the due date, or not published and the due date has passed.
 */
import { and, eq, like } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import type { Db } from '../db/open.ts';
import { agencies, agencySettings } from '../db/schema.ts';
import { ANNUAL_REPORT_ARTICLE, annualReportDueOn, isOrganKind } from '../law/organs.ts';
import { reportYears } from '../report/build/schema.ts';
import { ValidationError } from '../shared/domainError.ts';
import { daysBetween } from '../calendar/civilDate.ts';

export interface ReportTimeliness {
  agencyCode: string;
  agencyName: string;
  organKind: string | null;
  dueOn: string | null;
  article: string | null;
  publishedOn: string | null;
  /** late: published after the due date; missing: not published, due date passed; unset: the agency's kind is not set. */
  status: 'on_time' | 'late' | 'missing' | 'not_due' | 'unset';
  daysLate: number | null;
}

/** Every agency in the actor's subtree with the timeliness of its report on `year`, as of `today`. */
export async function reportTimeliness(db: Db, actor: Actor, year: number, today: string): Promise<ReportTimeliness[]> {
  if (!Number.isSafeInteger(year) || year < 2008 || year > 2100) throw new ValidationError('年度报告', [{ path: 'year', rule: 'range', message: '年度应为2008–2100' }]);
  const root = actor.kind === 'staff' ? actor.agencyPath : '/';
  const rows = await db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, organKind: agencySettings.organKind, lockedAt: reportYears.lockedAt })
    .from(agencies)
    .leftJoin(agencySettings, eq(agencySettings.agencyId, agencies.id))
    .leftJoin(reportYears, and(eq(reportYears.agencyId, agencies.id), eq(reportYears.year, year)))
    .where(like(agencies.path, `${root}%`))
    .orderBy(agencies.path);
  return rows.map((r) => {
    const kind = isOrganKind(r.organKind) ? r.organKind : null;
    const publishedOn = r.lockedAt === null ? null : new Date(r.lockedAt).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    if (kind === null) return { agencyCode: r.code, agencyName: r.name, organKind: null, dueOn: null, article: null, publishedOn, status: 'unset', daysLate: null };
    const dueOn = annualReportDueOn(kind, year);
    const article = kind === 'government' ? ANNUAL_REPORT_ARTICLE.government : ANNUAL_REPORT_ARTICLE.department;
    const status: ReportTimeliness['status'] = publishedOn !== null ? (publishedOn > dueOn ? 'late' : 'on_time') : today > dueOn ? 'missing' : 'not_due';
    const daysLate = status === 'late' && publishedOn !== null ? daysBetween(dueOn, publishedOn) : status === 'missing' ? daysBetween(dueOn, today) : null;
    return { agencyCode: r.code, agencyName: r.name, organKind: kind, dueOn, article, publishedOn, status, daysLate };
  });
}
