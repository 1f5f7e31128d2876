/** Shared by submitApplication (online) and registerApplication (clerk): writes a new case and its first events. */
import { randomCode, receiptCodeOf } from './receiptCode.ts';
import { hashQueryPassword, QUERY_PASSWORD_LENGTH } from './queryPassword.ts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorId } from '../accounts/actor.ts';
import type { Actor } from '../accounts/actor.ts';
import { isUniqueViolation } from '../agencies/agencies.ts';
import { loadAgencyForIntake } from '../agencies/settings.ts';
import type { CivilDate } from '../calendar/civilDate.ts';
import type { Db } from '../db/open.ts';
import { agencies, agencySettings, applications, calendarLoads, events } from '../db/schema.ts';
import { databaseErrorOf } from '../db/databaseError.ts';
import { assertRowChangeAllowed } from '../report/build/db.ts';
import type { WorkflowState } from '../law/transitions.ts';
import { validateApplicationInput } from './applicationInput.ts';
import type { ApplicationInput, Channel } from './applicationInput.ts';
import { calendarAsOfLoad } from '../calendarYears/installationCalendar.ts';
import { computeCaseClock } from './clock.ts';
import type { CaseContext } from './context.ts';
import { applicantKeyOf } from './applicantKey.ts';
import { maskName } from './identity.ts';
import { toView } from './queries.ts';
import type { ApplicationRow, ApplicationView } from './queries.ts';

export interface Created {
  application: ApplicationView;
  /** Given to the applicant once; stored only as a hash. */
  receiptCode: string;
  queryPassword: string;
}

export { checkQueryPassword, hashQueryPassword } from './queryPassword.ts';

export interface CreateProps {
  agencyCode: string;
  channel: Channel;
  input: ApplicationInput;
  state: WorkflowState;
  submittedOn: CivilDate;
  /** Set when the receipt is confirmed at once (registered by a clerk). */
  receivedOn?: CivilDate | undefined;
  actor: Actor;
}

/**
 * The online intake's write, prepared once per database (a named statement: PostgreSQL plans it once per
 * connection, and drizzle does not rebuild its SQL for every submission). It is ONE statement — the case
 * and its `submitted` event in a data-modifying CTE — atomic without a transaction block, and the case
 * comes back from RETURNING instead of being read again.
 *
 * The agency, its deadline settings and the calendar's version come from this process's cache
 * (`intakeContext`), checked in the same statement: the case's agency_id is taken from a subquery that finds
 * the agency only while its name, path and settings version and the newest calendar load are still those
 * the clock was computed with. Otherwise the subquery is empty, the NOT NULL on agency_id refuses the whole
 * statement (`isStaleIntakeContext`), and the submission is computed again from a fresh read. So a calendar
 * loaded or settings changed through another app server count at once, and a submission costs one round trip.
 */
function prepareIntake(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  const first = db.$with('first_events').as(
    db.insert(events).values({ id: p('eventId'), agencyId: p('agencyId'), applicationId: p('id'), actor: p('actor'), kind: p('kind'), payload: p('payload') }).returning({ id: events.id }),
  );
  const columns = ['id', 'receiptCode', 'queryPasswordHash', 'channel', 'state', 'applicantKind', 'applicantMasked', 'personalData', 'applicantKey', 'description', 'documentNumber', 'purpose', 'form', 'delivery', 'submittedAt', 'receivedOn', 'dueOn', 'clock'] as const;
  const checkedAgencyId = sql`(select a.id from ${agencies} a left join ${agencySettings} s on s.agency_id = a.id
    where a.id = ${p('agencyId')} and a.name = ${p('agencyName')} and a.path = ${p('agencyPath')}
      and coalesce(s.version, 0) = ${p('settingsVersion')}::int
      and (select l.id from ${calendarLoads} l order by l.id desc limit 1) is not distinct from ${p('calendarLoad')}::text)`;
  const write = db
    .with(first)
    .insert(applications)
    .values({ ...Object.fromEntries(columns.map((c) => [c, p(c)])), agencyId: checkedAgencyId } as unknown as typeof applications.$inferInsert)
    .returning()
    .prepare('gongkai_intake_write');
  return { write };
}

const prepared = new WeakMap<object, ReturnType<typeof prepareIntake>>();

function preparedIntake(db: Db): ReturnType<typeof prepareIntake> {
  let p = prepared.get(db);
  if (p === undefined) {
    p = prepareIntake(db);
    prepared.set(db, p);
  }
  return p;
}

type IntakeContext = Awaited<ReturnType<typeof loadAgencyForIntake>>;

/** Per database, by agency code: what the last intake read (checked by every write, see prepareIntake). */
const intakeContexts = new WeakMap<object, Map<string, IntakeContext>>();

async function intakeContext(db: Db, agencyCode: string, fresh: boolean): Promise<IntakeContext> {
  let cache = intakeContexts.get(db);
  if (cache === undefined) {
    cache = new Map();
    intakeContexts.set(db, cache);
  }
  const cached = fresh ? undefined : cache.get(agencyCode);
  if (cached !== undefined) return cached;
  const read = await loadAgencyForIntake(db, agencyCode, 'agencyCode');
  cache.set(agencyCode, read);
  return read;
}

/** The write's check found the agency, its settings or the calendar changed since they were read. */
function isStaleIntakeContext(err: unknown): boolean {
  const e = databaseErrorOf(err);
  return e?.code === '23502' && e.column === 'agency_id';
}

export async function createApplication(ctx: CaseContext, props: CreateProps): Promise<Created> {
  const input = validateApplicationInput(props.input);
  const queryPassword = randomCode(QUERY_PASSWORD_LENGTH);
  const online = props.receivedOn === undefined;
  // The hash (scrypt, on the thread pool) runs while the agency is looked up.
  const hashing = hashQueryPassword(ctx.key, queryPassword);
  const a = input.applicant;
  const personalData = ctx.key.encryptJson(a);
  const applicantKey = applicantKeyOf(ctx.key, a);
  const id = uuidv7();
  const firstEvents: { kind: string; payload: Record<string, unknown> }[] = [
    { kind: 'submitted', payload: { date: props.submittedOn, channel: props.channel } },
  ];
  if (props.receivedOn !== undefined) firstEvents.push({ kind: 'received', payload: { date: props.receivedOn, channel: props.channel } });
  for (let attempt = 0, fresh = !online; ; attempt++) {
    const [{ agency, settings, latestCalendarLoad }, queryPasswordHash] = await Promise.all([intakeContext(ctx.db, props.agencyCode, fresh), hashing]);
    const calendar = ctx.calendar ?? (await calendarAsOfLoad(ctx.db, latestCalendarLoad));
    const clock = computeCaseClock(firstEvents, calendar, settings.deadline, ctx.today);
    const eventRows = firstEvents.map((e, i) => ({
      id: uuidv7(),
      agencyId: agency.id,
      applicationId: id,
      actor: actorId(props.actor),
      kind: e.kind,
      payload: { ...e.payload, version: 1, ...(i === firstEvents.length - 1 ? { dueOn: clock.dueOn, reasoning: clock.reasoning } : {}) },
    }));
    const receiptCode = receiptCodeOf(props.submittedOn);
    const values = {
      id,
      agencyId: agency.id,
      receiptCode,
      queryPasswordHash,
      channel: props.channel,
      state: props.state,
      applicantKind: a.kind,
      applicantMasked: a.kind === 'natural_person' ? maskName(a.name) : a.name,
      personalData,
      applicantKey,
      description: input.description,
      documentNumber: input.documentNumber ?? null,
      purpose: input.purpose ?? null,
      form: input.form,
      delivery: input.delivery,
      submittedAt: new Date().toISOString(),
      receivedOn: props.receivedOn ?? null,
      dueOn: clock.dueOn,
      clock,
    };
    try {
      let row: ApplicationRow;
      if (props.receivedOn === undefined) {
        const e = eventRows[0]!;
        const checked = { agencyName: agency.name, agencyPath: agency.path, settingsVersion: settings.version, calendarLoad: latestCalendarLoad };
        [row] = (await preparedIntake(ctx.db).write.execute({ ...values, ...checked, eventId: e.id, actor: e.actor, kind: e.kind, payload: e.payload })) as [ApplicationRow];
      } else {
        // A case received at once counts in its year's figures: serialised with the year's lock.
        const receivedOn = props.receivedOn;
        row = await ctx.db.transaction(async (tx) => {
          const counted = { id, receivedOn, applicantKind: a.kind, outcome: null, closedOn: null, firstOutcome: null, firstConcludedOn: null };
          await assertRowChangeAllowed(tx, agency.id, null, counted);
          // The case and its events in one statement (the events in a data-modifying CTE).
          const first = tx.$with('first_events').as(tx.insert(events).values(eventRows).returning({ id: events.id }));
          const [written] = await tx.with(first).insert(applications).values(values).returning();
          return written!;
        });
      }
      // The applicant was just encrypted from `a`: the view takes it as it is instead of decrypting it again.
      const view = toView(ctx.key, { row, agencyCode: agency.code, agencyName: agency.name, agencyPath: agency.path }, false, a);
      return { application: view, receiptCode, queryPassword };
    } catch (err) {
      if (attempt < 3 && isUniqueViolation(err)) continue;
      if (attempt < 3 && online && isStaleIntakeContext(err)) {
        fresh = true;
        continue;
      }
      throw err;
    }
  }
}
