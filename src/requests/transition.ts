/**
 * The one way a lifecycle step is written: check it against law/transitions.ts (role, state), check the
 * expected version, compute the clock over the events with the new one, then write the change and its
 * event in one transaction (UPDATE … WHERE id AND version: 0 rows → ConflictError).
 */
import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorId, requireRole } from '../accounts/actor.ts';
import { findAgencyById } from '../agencies/agencies.ts';
import { loadAgencySettings } from '../agencies/settings.ts';
import type { AgencySettings } from '../agencies/settings.ts';
import type { CivilDate } from '../calendar/civilDate.ts';
import { applications, events } from '../db/schema.ts';
import { assertRowChangeAllowed } from '../report/build/db.ts';
import { allowedFrom, stateAfter, TRANSITIONS, WORKFLOW_STATE_LABELS } from '../law/transitions.ts';
import type { TransitionId, WorkflowState } from '../law/transitions.ts';
import { checkStepDate } from './applicationInput.ts';
import { installationCalendar } from '../calendarYears/installationCalendar.ts';
import { computeCaseClock } from './clock.ts';
import type { CaseClock } from './clock.ts';
import type { CaseContext } from './context.ts';
import { testHooks } from './context.ts';
import { ConflictError, TransitionNotAllowedError } from './errors.ts';
import { loadCase, loadEvents, toCaseEvents, toView } from './queries.ts';
import type { ApplicationRow, ApplicationView, EventRow, LoadedCase } from './queries.ts';
import { todayInChina } from './today.ts';

/** What every step takes from its caller. */
export interface StepProps {
  applicationId: string;
  /** The version the caller last read (optimistic concurrency). */
  version: number;
  /** The civil date the step happened (default: today in China). */
  date?: string | undefined;
  /** A free note kept in the event. */
  note?: string | undefined;
}

type Patch = Partial<Pick<ApplicationRow, 'outcome' | 'receivedOn' | 'extension' | 'answeredOn' | 'closedOn' | 'visibility' | 'firstOutcome' | 'firstConcludedOn' | 'answerFacts'>>;

export interface StepSpec {
  transition: TransitionId;
  /** The event kind written (and read by the clock). */
  eventKind: string;
  payload?: Record<string, unknown> | ((c: LoadedCase, events: readonly EventRow[], date: CivilDate) => Record<string, unknown>);
  /** Further rule checks on the current case and its events. */
  check?: (c: LoadedCase, events: readonly EventRow[], date: CivilDate) => void;
  /** Reads needed for `alsoWrite`, done before the transaction (PGlite is one connection: no reads outside the tx while it runs). */
  prepare?: (c: LoadedCase, events: readonly EventRow[], date: CivilDate) => Promise<void>;
  /** Column changes besides the state. */
  patch?: (c: LoadedCase, date: CivilDate) => Patch;
  /** Further writes in the same transaction (e.g. freezing the letter). */
  alsoWrite?: (tx: Parameters<Parameters<CaseContext['db']['transaction']>[0]>[0], c: LoadedCase, date: CivilDate, eventId: string) => Promise<void>;
}

export interface StepResult {
  application: ApplicationView;
  clock: CaseClock;
}

/** Runs one step. */
export async function runStep(ctx: CaseContext, props: StepProps, spec: StepSpec): Promise<StepResult> {
  const { db, actor } = ctx;
  const t = TRANSITIONS[spec.transition];
  requireRole(actor, t.roles, t.label);
  const c = await loadCase(db, actor, props.applicationId);
  if (!Number.isInteger(props.version) || props.version < 1) {
    throw new TransitionNotAllowedError('version 应为正整数', 'version.invalid', 'version');
  }
  if (c.row.version !== props.version) throw new ConflictError(props.version, c.row.version);
  const state = c.row.state as WorkflowState;
  if (!allowedFrom(spec.transition, state)) {
    throw new TransitionNotAllowedError(`当前状态为「${WORKFLOW_STATE_LABELS[state] ?? state}」，不能${t.label}`);
  }
  const stored = await loadEvents(db, c.row.id);
  const today = ctx.today ?? todayInChina();
  const lastDate = lastStepDate(stored);
  const date = checkStepDate(props.date ?? today, 'date', today, lastDate);
  spec.check?.(c, stored, date);
  await spec.prepare?.(c, stored, date);
  const settings = await caseSettings(db, c.row.agencyId);

  const extra = typeof spec.payload === 'function' ? spec.payload(c, stored, date) : (spec.payload ?? {});
  const payload: Record<string, unknown> = { date, ...extra };
  if (props.note !== undefined) payload['note'] = props.note;
  const calendar = ctx.calendar ?? (await installationCalendar(db));
  const clock = computeCaseClock([...toCaseEvents(stored), { kind: spec.eventKind, payload }], calendar, settings.deadline, today);
  const next = stateAfter(spec.transition, state);
  const patch = spec.patch?.(c, date) ?? {};
  const fixedOutcome: string | undefined = 'outcome' in t ? t.outcome : undefined;
  const newVersion = c.row.version + 1;
  const changed = { ...c.row, ...patch, ...(fixedOutcome !== undefined ? { outcome: fixedOutcome, closedOn: date } : {}) };

  await db.transaction(async (tx) => {
    // A published (locked) year's figures may not change: refused (report.locked) until the year is reopened.
    await assertRowChangeAllowed(tx, c.row.agencyId, c.row, changed);
    const updated = await tx
      .update(applications)
      .set({
        state: next,
        ...patch,
        ...(fixedOutcome !== undefined ? { outcome: fixedOutcome, closedOn: date } : {}),
        dueOn: clock.dueOn,
        clock,
        version: newVersion,
        updatedAt: sql`now()`,
      })
      .where(and(eq(applications.id, c.row.id), eq(applications.version, props.version)))
      .returning({ id: applications.id });
    if (updated.length === 0) throw new ConflictError(props.version);
    const eventId = uuidv7();
    await tx.insert(events).values({
      id: eventId,
      agencyId: c.row.agencyId,
      applicationId: c.row.id,
      actor: actorId(actor),
      kind: spec.eventKind,
      payload: { ...payload, transition: spec.transition, fromState: state, toState: next, version: newVersion, dueOn: clock.dueOn, reasoning: clock.reasoning },
    });
    await spec.alsoWrite?.(tx, c, date, eventId);
    if (testHooks.beforeCommit !== undefined) await testHooks.beforeCommit();
  });
  const after = await loadCase(db, actor, c.row.id);
  return { application: toView(ctx.key, after, false), clock };
}

/** The agency's settings the clock uses (its deadline settings; defaults when none are stored). */
export async function caseSettings(db: CaseContext['db'], agencyId: string): Promise<AgencySettings> {
  const agency = await findAgencyById(db, agencyId);
  return loadAgencySettings(db, agency ?? { id: agencyId, remediesTemplate: null });
}

/** The date of the latest dated step (steps may not be dated before it). */
export function lastStepDate(stored: readonly EventRow[]): CivilDate | null {
  let last: CivilDate | null = null;
  for (const e of stored) {
    const d = e.payload['date'];
    if (typeof d === 'string' && e.kind !== 'submitted' && (last === null || d > last)) last = d;
  }
  return last;
}
