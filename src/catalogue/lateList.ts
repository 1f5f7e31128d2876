/**
 * Art. 26 (decisions.md #19): documents published later than 20 working days after their 成文日期,
 * drafts still waiting past that day, and changes (更正, 失效/废止/已修订) of published documents
 * published later than 20 working days after the day the information changed.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { inScope, requireRole } from '../accounts/actor.ts';
import { ForbiddenError } from '../accounts/errors.ts';
import { getAgencyByCode } from '../agencies/agencies.ts';
import type { CivilDate } from '../calendar/civilDate.ts';
import type { WorkCalendar } from '../calendar/workCalendar.ts';
import type { Db } from '../db/open.ts';
import { todayInChina } from '../requests/today.ts';
import { READ_ROLES } from './context.ts';
import { art26DueOn } from './publication.ts';
import { installationCalendar } from '../calendarYears/installationCalendar.ts';
import { catalogueDocuments } from './schema.ts';
import { events } from '../db/schema.ts';
import { isCivilDate } from '../calendar/civilDate.ts';

export interface LateEntry {
  id: string;
  indexNumber: string;
  title: string;
  writtenOn: string;
  publishedOn: string | null;
  art26DueOn: string;
  /** the due date counted over a year whose calendar is not loaded (暂定) */
  provisional: boolean;
  status: 'published-late' | 'waiting-late';
}

/** A change published late: the 20 working days count from `changedOn`, not from the 成文日期. */
export interface LateChange extends Omit<LateEntry, 'status'> {
  change: 'corrected' | 'validity-changed';
  changedOn: string;
  /** the day the change was published on the portal */
  recordedOn: string;
  status: 'changed-late';
}

const CHANGE_EVENTS = { 'catalogue.corrected': 'corrected', 'catalogue.validity-changed': 'validity-changed' } as const;

export async function lateList(db: Db, actor: Actor, agencyCode: string, options: { today?: CivilDate; calendar?: WorkCalendar; year?: number } = {}): Promise<{ publishedLate: LateEntry[]; waitingLate: LateEntry[]; changedLate: LateChange[] }> {
  requireRole(actor, READ_ROLES, '查看逾期公开清单');
  const agency = await getAgencyByCode(db, agencyCode, 'agency');
  if (!inScope(actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  const today = options.today ?? todayInChina();
  const calendar = options.calendar ?? (await installationCalendar(db));
  const rows = await db
    .select({ id: catalogueDocuments.id, indexNumber: catalogueDocuments.indexNumber, title: catalogueDocuments.title, writtenOn: catalogueDocuments.writtenOn, publishedOn: catalogueDocuments.publishedOn, status: catalogueDocuments.status })
    .from(catalogueDocuments)
    .where(and(eq(catalogueDocuments.agencyId, agency.id), inArray(catalogueDocuments.status, ['draft', 'published'])));
  const publishedLate: LateEntry[] = [];
  const waitingLate: LateEntry[] = [];
  for (const r of rows) {
    if (options.year !== undefined && !(r.publishedOn ?? r.writtenOn).startsWith(`${options.year}-`)) continue;
    const due = art26DueOn(r.writtenOn, calendar);
    const base = { id: r.id, indexNumber: r.indexNumber, title: r.title, writtenOn: r.writtenOn, publishedOn: r.publishedOn, art26DueOn: due.dueOn, provisional: due.provisional };
    if (r.status === 'published' && r.publishedOn !== null && r.publishedOn > due.dueOn) publishedLate.push({ ...base, status: 'published-late' });
    if (r.status === 'draft' && today > due.dueOn) waitingLate.push({ ...base, status: 'waiting-late' });
  }
  const changedLate: LateChange[] = [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const changes = await db
    .select({ kind: events.kind, payload: events.payload, createdAt: events.createdAt })
    .from(events)
    .where(and(eq(events.agencyId, agency.id), inArray(events.kind, Object.keys(CHANGE_EVENTS))))
    .orderBy(desc(events.createdAt));
  for (const e of changes) {
    const doc = byId.get(String(e.payload['documentId']));
    const changedOn = e.payload['changedOn'];
    // A draft's corrections are not publications (no recordedOn); older validity events have only createdAt.
    if (doc === undefined || doc.status !== 'published' || !isCivilDate(changedOn)) continue;
    const recorded = e.payload['recordedOn'];
    if (e.kind === 'catalogue.corrected' && !isCivilDate(recorded)) continue;
    const recordedOn = isCivilDate(recorded) ? recorded : todayInChina(new Date(e.createdAt));
    if (options.year !== undefined && !recordedOn.startsWith(`${options.year}-`)) continue;
    const due = art26DueOn(changedOn, calendar);
    if (recordedOn <= due.dueOn) continue;
    changedLate.push({
      id: doc.id, indexNumber: doc.indexNumber, title: doc.title, writtenOn: doc.writtenOn, publishedOn: doc.publishedOn, art26DueOn: due.dueOn, provisional: due.provisional,
      change: CHANGE_EVENTS[e.kind as keyof typeof CHANGE_EVENTS], changedOn, recordedOn, status: 'changed-late',
    });
  }
  const byDue = (a: LateEntry | LateChange, b: LateEntry | LateChange) => a.art26DueOn.localeCompare(b.art26DueOn) || a.indexNumber.localeCompare(b.indexNumber);
  return { publishedLate: publishedLate.sort(byDue), waitingLate: waitingLate.sort(byDue), changedLate: changedLate.sort(byDue) };
}
