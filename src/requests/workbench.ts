/**
 * The clerk's and head's workbench: what is due within 3 working days, what is overdue, which clocks stand
 * still (补正, consultation, fee) and since when, online submissions not yet confirmed, extensions waiting
 * for the head, and the number of cases per state. Read-only; scoped to the actor's agency subtree.
 */
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { StaffActor } from '../accounts/actor.ts';
import type { CivilDate } from '../calendar/civilDate.ts';
import { daysBetween } from '../calendar/civilDate.ts';
import { installationCalendar } from '../calendarYears/installationCalendar.ts';
import type { WorkCalendar } from '../calendar/workCalendar.ts';
import type { Db } from '../db/open.ts';
import { agencies, applications, events } from '../db/schema.ts';
import { OPEN_STATES, WORKFLOW_STATE_LABELS, WORKFLOW_STATES } from '../law/transitions.ts';
import type { WorkflowState } from '../law/transitions.ts';
import { provisionalYearsOfClock } from './clock.ts';
import { todayInChina } from './today.ts';

/** How far ahead "due soon" looks, in working days. */
export const DUE_SOON_WORKDAYS = 3;

/** The states in which the answer clock stands still, and the event that stopped it. */
export const STOPPED_BY = {
  awaiting_supplement: 'supplement-requested',
  third_party_consultation: 'third-party-sent',
  agency_consultation: 'agency-consultation-sent',
  awaiting_fee: 'fee-notice-sent',
} as const satisfies Partial<Record<WorkflowState, string>>;
type StoppedState = keyof typeof STOPPED_BY;

function isStopped(state: string): state is StoppedState {
  return Object.hasOwn(STOPPED_BY, state);
}

export interface WorkbenchCase {
  id: string;
  agencyCode: string;
  agencyName: string;
  receiptCode: string;
  state: string;
  stateLabel: string;
  applicant: string;
  description: string;
  receivedOn: string | null;
  dueOn: string | null;
  /** The years the due date was counted Monday to Friday in (not loaded yet): the due date is 暂定. Empty: final. */
  provisionalYears: number[];
  extension: string;
  /** Working days left until the due date (negative: overdue); null when no period runs. */
  workdaysLeft: number | null;
  /** For a stopped clock: the day it stopped, and how long it has stood (working and calendar days). */
  stoppedSince: string | null;
  stoodWorkdays: number | null;
  stoodDays: number | null;
}

export interface Workbench {
  today: CivilDate;
  dueSoonHorizon: CivilDate;
  dueSoon: WorkbenchCase[];
  overdue: WorkbenchCase[];
  stopped: WorkbenchCase[];
  /** Online submissions whose receipt the office has not confirmed (Art. 31(三)). */
  unconfirmed: WorkbenchCase[];
  /** Extension requests waiting for the head's approval (Art. 33 ¶2). */
  extensionRequests: WorkbenchCase[];
  counts: { state: string; label: string; count: number }[];
}

/** Working days from `today` to `due` (0 on the due day; negative after it). */
function workdaysLeft(cal: WorkCalendar, today: CivilDate, due: CivilDate): number {
  return cal.workdaysBetween(today, due);
}

export async function workbench(db: Db, actor: StaffActor, opts: { today?: CivilDate | undefined; calendar?: WorkCalendar } = {}): Promise<Workbench> {
  const today = opts.today ?? todayInChina();
  // the installation's calendar: built-in years plus the years loaded from the State Council's notice
  const cal = opts.calendar ?? (await installationCalendar(db));
  const horizon = cal.addWorkdays(today, DUE_SOON_WORKDAYS);
  const scope = like(agencies.path, `${actor.agencyPath}%`);

  const rows = await db
    .select({
      id: applications.id,
      agencyCode: agencies.code,
      agencyName: agencies.name,
      receiptCode: applications.receiptCode,
      state: applications.state,
      applicant: applications.applicantMasked,
      description: applications.description,
      receivedOn: applications.receivedOn,
      dueOn: applications.dueOn,
      extension: applications.extension,
      clock: applications.clock,
    })
    .from(applications)
    .innerJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(and(scope, inArray(applications.state, [...OPEN_STATES])));

  const stoppedIds = rows.filter((r) => isStopped(r.state)).map((r) => r.id);
  const stopEvents = stoppedIds.length === 0
    ? []
    : await db
        .select({ applicationId: events.applicationId, kind: events.kind, payload: events.payload, id: events.id })
        .from(events)
        .where(and(inArray(events.applicationId, stoppedIds), inArray(events.kind, Object.values(STOPPED_BY))));
  const stoppedOn = new Map<string, string>();
  for (const e of [...stopEvents].sort((a, b) => a.id.localeCompare(b.id))) {
    const row = rows.find((r) => r.id === e.applicationId);
    const date = e.payload['date'];
    if (row !== undefined && isStopped(row.state) && STOPPED_BY[row.state] === e.kind && typeof date === 'string' && e.applicationId !== null) stoppedOn.set(e.applicationId, date);
  }

  const cases: WorkbenchCase[] = rows.map(({ clock, ...r }) => {
    const since = stoppedOn.get(r.id) ?? null;
    return {
      ...r,
      provisionalYears: provisionalYearsOfClock(clock),
      stateLabel: WORKFLOW_STATE_LABELS[r.state as WorkflowState] ?? r.state,
      workdaysLeft: r.dueOn === null ? null : workdaysLeft(cal, today, r.dueOn),
      stoppedSince: since,
      stoodWorkdays: since === null || since > today ? (since === null ? null : 0) : cal.workdaysBetween(since, today),
      stoodDays: since === null ? null : Math.max(0, daysBetween(since, today)),
    };
  });
  const byDue = (a: WorkbenchCase, b: WorkbenchCase) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.receiptCode.localeCompare(b.receiptCode);
  const bySince = (a: WorkbenchCase, b: WorkbenchCase) => (a.stoppedSince ?? '').localeCompare(b.stoppedSince ?? '');

  const countRows = await db
    .select({ state: applications.state, n: sql<number>`count(*)::int` })
    .from(applications)
    .innerJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(scope)
    .groupBy(applications.state);
  const counts = WORKFLOW_STATES.map((s) => ({ state: s, label: WORKFLOW_STATE_LABELS[s], count: countRows.find((c) => c.state === s)?.n ?? 0 }));

  return {
    today,
    dueSoonHorizon: horizon,
    dueSoon: cases.filter((c) => c.dueOn !== null && c.dueOn >= today && c.dueOn <= horizon).sort(byDue),
    overdue: cases.filter((c) => c.dueOn !== null && c.dueOn < today).sort(byDue),
    stopped: cases.filter((c) => isStopped(c.state)).sort(bySince),
    unconfirmed: cases.filter((c) => c.state === 'submitted').sort((a, b) => a.receiptCode.localeCompare(b.receiptCode)),
    extensionRequests: cases.filter((c) => c.extension === 'requested').sort(byDue),
    counts,
  };
}
