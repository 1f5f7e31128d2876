/** Shared by submitApplication (online) and registerApplication (clerk): writes a new case and its first events. */
import { randomBytes } from 'node:crypto';
import { hashQueryPassword } from './queryPassword.ts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorId } from '../accounts/actor.ts';
import type { Actor } from '../accounts/actor.ts';
import { isUniqueViolation } from '../agencies/agencies.ts';
import { loadAgencyForIntake } from '../agencies/settings.ts';
import type { CivilDate } from '../calendar/civilDate.ts';
import type { Db } from '../db/open.ts';
import { applications, events } from '../db/schema.ts';
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

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function randomCode(n: number): string {
  let out = '';
  for (const b of randomBytes(n)) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return out;
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
 * The online intake's two statements, prepared once per database (named statements: PostgreSQL plans
 * them once per connection, and drizzle does not rebuild their SQL for every submission). The write is
 * ONE statement — the case and its `submitted` event in a data-modifying CTE — atomic without a
 * transaction block, and the case comes back from RETURNING instead of being read again.
 */
function prepareIntake(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  const first = db.$with('first_events').as(
    db.insert(events).values({ id: p('eventId'), agencyId: p('agencyId'), applicationId: p('id'), actor: p('actor'), kind: p('kind'), payload: p('payload') }).returning({ id: events.id }),
  );
  const columns = ['id', 'agencyId', 'receiptCode', 'queryPasswordHash', 'channel', 'state', 'applicantKind', 'applicantMasked', 'personalData', 'applicantKey', 'description', 'documentNumber', 'purpose', 'form', 'delivery', 'submittedAt', 'receivedOn', 'dueOn', 'clock'] as const;
  const write = db
    .with(first)
    .insert(applications)
    .values(Object.fromEntries(columns.map((c) => [c, p(c)])) as unknown as typeof applications.$inferInsert)
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

export async function createApplication(ctx: CaseContext, props: CreateProps): Promise<Created> {
  const input = validateApplicationInput(props.input);
  const queryPassword = randomCode(8);
  // The hash (scrypt, on the thread pool) runs while the agency is read: one round trip for the agency,
  // its settings and the calendar's version, one statement for the case and its first events.
  const [{ agency, settings, latestCalendarLoad }, queryPasswordHash] = await Promise.all([
    loadAgencyForIntake(ctx.db, props.agencyCode, 'agencyCode'),
    hashQueryPassword(ctx.key, queryPassword),
  ]);
  const id = uuidv7();
  const firstEvents: { kind: string; payload: Record<string, unknown> }[] = [
    { kind: 'submitted', payload: { date: props.submittedOn, channel: props.channel } },
  ];
  if (props.receivedOn !== undefined) firstEvents.push({ kind: 'received', payload: { date: props.receivedOn, channel: props.channel } });
  const calendar = ctx.calendar ?? (await calendarAsOfLoad(ctx.db, latestCalendarLoad));
  const clock = computeCaseClock(firstEvents, calendar, settings.deadline, ctx.today);
  const a = input.applicant;
  const personalData = ctx.key.encryptJson(a);
  const applicantKey = applicantKeyOf(ctx.key, a);
  const eventRows = firstEvents.map((e, i) => ({
    id: uuidv7(),
    agencyId: agency.id,
    applicationId: id,
    actor: actorId(props.actor),
    kind: e.kind,
    payload: { ...e.payload, version: 1, ...(i === firstEvents.length - 1 ? { dueOn: clock.dueOn, reasoning: clock.reasoning } : {}) },
  }));
  for (let attempt = 0; ; attempt++) {
    const receiptCode = `${props.submittedOn.replaceAll('-', '')}-${randomCode(6)}`;
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
        [row] = (await preparedIntake(ctx.db).write.execute({ ...values, eventId: e.id, actor: e.actor, kind: e.kind, payload: e.payload })) as [ApplicationRow];
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
      const view = toView(ctx.key, { row, agencyCode: agency.code, agencyName: agency.name, agencyPath: agency.path }, false);
      return { application: view, receiptCode, queryPassword };
    } catch (err) {
      if (attempt < 3 && isUniqueViolation(err)) continue;
      throw err;
    }
  }
}
