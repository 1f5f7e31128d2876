/** Shared by submitApplication (online) and registerApplication (clerk): writes a new case and its first events. */
import { randomBytes } from 'node:crypto';
import { hashQueryPassword } from './queryPassword.ts';
import { v7 as uuidv7 } from 'uuid';
import { actorId } from '../accounts/actor.ts';
import type { Actor } from '../accounts/actor.ts';
import { getAgencyByCode, isUniqueViolation } from '../agencies/agencies.ts';
import { loadAgencySettings } from '../agencies/settings.ts';
import type { CivilDate } from '../calendar/civilDate.ts';
import { applications, events } from '../db/schema.ts';
import { assertRowChangeAllowed } from '../report/build/db.ts';
import type { WorkflowState } from '../law/transitions.ts';
import { validateApplicationInput } from './applicationInput.ts';
import type { ApplicationInput, Channel } from './applicationInput.ts';
import { installationCalendar } from '../calendarYears/installationCalendar.ts';
import { computeCaseClock } from './clock.ts';
import type { CaseContext } from './context.ts';
import { applicantKeyOf } from './applicantKey.ts';
import { maskName } from './identity.ts';
import { loadCase, toView } from './queries.ts';
import type { ApplicationView } from './queries.ts';

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

export async function createApplication(ctx: CaseContext, props: CreateProps): Promise<Created> {
  const input = validateApplicationInput(props.input);
  const agency = await getAgencyByCode(ctx.db, props.agencyCode, 'agencyCode');
  const id = uuidv7();
  const queryPassword = randomCode(8);
  const firstEvents: { kind: string; payload: Record<string, unknown> }[] = [
    { kind: 'submitted', payload: { date: props.submittedOn, channel: props.channel } },
  ];
  if (props.receivedOn !== undefined) firstEvents.push({ kind: 'received', payload: { date: props.receivedOn, channel: props.channel } });
  const calendar = ctx.calendar ?? (await installationCalendar(ctx.db));
  const settings = await loadAgencySettings(ctx.db, agency);
  const clock = computeCaseClock(firstEvents, calendar, settings.deadline, ctx.today);
  const a = input.applicant;
  const queryPasswordHash = await hashQueryPassword(queryPassword);
  for (let attempt = 0; ; attempt++) {
    const receiptCode = `${props.submittedOn.replaceAll('-', '')}-${randomCode(6)}`;
    try {
      await ctx.db.transaction(async (tx) => {
        if (props.receivedOn !== undefined) {
          const counted = { id, receivedOn: props.receivedOn, applicantKind: a.kind, outcome: null, closedOn: null, firstOutcome: null, firstConcludedOn: null };
          await assertRowChangeAllowed(tx, agency.id, null, counted);
        }
        await tx.insert(applications).values({
          id,
          agencyId: agency.id,
          receiptCode,
          queryPasswordHash,
          channel: props.channel,
          state: props.state,
          applicantKind: a.kind,
          applicantMasked: a.kind === 'natural_person' ? maskName(a.name) : a.name,
          personalData: ctx.key.encryptJson(a),
          applicantKey: applicantKeyOf(ctx.key, a),
          description: input.description,
          documentNumber: input.documentNumber ?? null,
          purpose: input.purpose ?? null,
          form: input.form,
          delivery: input.delivery,
          submittedAt: new Date().toISOString(),
          receivedOn: props.receivedOn ?? null,
          dueOn: clock.dueOn,
          clock,
        });
        let n = 0;
        for (const e of firstEvents) {
          n += 1;
          const last = n === firstEvents.length;
          await tx.insert(events).values({
            id: uuidv7(),
            agencyId: agency.id,
            applicationId: id,
            actor: actorId(props.actor),
            kind: e.kind,
            payload: { ...e.payload, version: 1, ...(last ? { dueOn: clock.dueOn, reasoning: clock.reasoning } : {}) },
          });
        }
      });
      const c = await loadCase(ctx.db, { kind: 'system', name: 'create' }, id);
      return { application: toView(ctx.key, c, false), receiptCode, queryPassword };
    } catch (err) {
      if (attempt < 3 && isUniqueViolation(err)) continue;
      throw err;
    }
  }
}
