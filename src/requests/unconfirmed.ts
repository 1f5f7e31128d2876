/**
 * Online submissions never confirmed (decisions.md #15): they have no receipt date, no clock and are not
 * in table 3, so they are listed to the clerks once they have waited the agency's setting (default 2
 * working days); the clerk confirms (receipt date = the confirmation day, never before the submission)
 * or rejects them with a reason.
 */
import { and, asc, eq, like } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { defaultWorkCalendar } from '../calendar/workCalendar.ts';
import type { WorkCalendar } from '../calendar/workCalendar.ts';
import type { Db } from '../db/open.ts';
import { agencies, agencySettings, applications } from '../db/schema.ts';

export interface UnconfirmedItem {
  id: string;
  agencyCode: string;
  receiptCode: string;
  applicant: string;
  description: string;
  submittedOn: string;
  /** Working days waited since the submission. */
  waitingDays: number;
  /** Waited longer than the agency's setting: to be confirmed or rejected now. */
  flagged: boolean;
  version: number;
}

/** The submission day as the applicant saw it: the receipt code starts with it (YYYYMMDD), else the time in China. */
export function submittedOnOf(receiptCode: string, submittedAt: string): string {
  const code = receiptCode.slice(0, 8);
  return /^\d{8}$/.test(code) ? `${code.slice(0, 4)}-${code.slice(4, 6)}-${code.slice(6, 8)}` : new Date(submittedAt).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

export async function listUnconfirmed(db: Db, actor: Actor, today: string, calendar: WorkCalendar = defaultWorkCalendar()): Promise<UnconfirmedItem[]> {
  const root = actor.kind === 'staff' ? actor.agencyPath : '/';
  const rows = await db
    .select({
      id: applications.id,
      agencyCode: agencies.code,
      receiptCode: applications.receiptCode,
      applicant: applications.applicantMasked,
      description: applications.description,
      submittedAt: applications.submittedAt,
      version: applications.version,
      after: agencySettings.unconfirmedAfterDays,
    })
    .from(applications)
    .innerJoin(agencies, eq(agencies.id, applications.agencyId))
    .leftJoin(agencySettings, eq(agencySettings.agencyId, applications.agencyId))
    .where(and(like(agencies.path, `${root}%`), eq(applications.state, 'submitted')))
    .orderBy(asc(applications.submittedAt));
  return rows.map((r) => {
    const submittedOn = submittedOnOf(r.receiptCode, r.submittedAt);
    const waitingDays = Math.max(0, calendar.workdaysBetween(submittedOn, today));
    return { id: r.id, agencyCode: r.agencyCode, receiptCode: r.receiptCode, applicant: r.applicant, description: r.description, submittedOn, waitingDays, flagged: waitingDays >= (r.after ?? 2), version: r.version };
  });
}
