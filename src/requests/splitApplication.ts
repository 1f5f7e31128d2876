/**
 * 一事一申请 (decisions.md #1): an application asking for several unrelated items is split into several
 * applications, each then counted in table 3. The first part stays this case (its description becomes the
 * first part's); every other part becomes a new case of the same applicant, received the same day by the
 * same channel, with its own receipt code and query password (given to the applicant) and its own clock.
 * All in one transaction with the step's event.
 */
import { randomCode, receiptCodeOf } from './receiptCode.ts';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorId } from '../accounts/actor.ts';
import { applications, events } from '../db/schema.ts';
import { assertRowChangeAllowed } from '../report/build/db.ts';
import { ValidationError } from '../shared/domainError.ts';
import type { Issue } from '../shared/domainError.ts';
import { computeCaseClock } from './clock.ts';
import type { CaseContext } from './context.ts';
import { hashQueryPassword, QUERY_PASSWORD_LENGTH } from './queryPassword.ts';
import { installationCalendar } from '../calendarYears/installationCalendar.ts';
import type { WorkCalendar } from '../calendar/workCalendar.ts';
import { caseSettings, runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface SplitApplicationProps extends StepProps {
  /** The parts, 2–20; the first stays this case. */
  parts: readonly string[];
}

export interface SplitResult extends StepResult {
  created: { id: string; receiptCode: string; queryPassword: string; description: string }[];
}


export async function splitApplication(ctx: CaseContext, props: SplitApplicationProps): Promise<SplitResult> {
  const issues: Issue[] = [];
  if (!Array.isArray(props.parts) || props.parts.length < 2 || props.parts.length > 20) issues.push({ path: 'parts', rule: 'count', message: '应拆分为2–20件申请' });
  (Array.isArray(props.parts) ? props.parts : []).forEach((p, i) => {
    if (typeof p !== 'string' || [...p.trim()].length < 5 || [...p].length > 2000) issues.push({ path: `parts.${i}`, rule: 'length', message: '每件申请的内容应为5–2000个字符' });
  });
  if (issues.length > 0) throw new ValidationError('拆分申请', issues);
  const parts = props.parts.map((p) => p.trim());
  const created: SplitResult['created'] = [];
  let settingsDeadline: Awaited<ReturnType<typeof caseSettings>>['deadline'] | undefined;
  let calendar: WorkCalendar | undefined;
  const hashes = new Map<string, string>();
  const step = await runStep(ctx, props, {
    transition: 'split',
    eventKind: 'split',
    check: (c) => {
      if (c.row.receivedOn === null) throw new ValidationError('拆分申请', [{ path: 'state', rule: 'received', message: '尚未确认收到的申请不能拆分' }]);
    },
    prepare: async (c) => {
      settingsDeadline = (await caseSettings(ctx.db, c.row.agencyId)).deadline;
      calendar = ctx.calendar ?? (await installationCalendar(ctx.db));
      for (const description of parts.slice(1)) {
        const x = { id: uuidv7(), receiptCode: receiptCodeOf(c.row.receivedOn ?? ''), queryPassword: randomCode(QUERY_PASSWORD_LENGTH), description };
        created.push(x);
        hashes.set(x.id, await hashQueryPassword(ctx.key, x.queryPassword));
      }
    },
    payload: (c) => ({ parts, originalDescription: c.row.description, created: created.map((x) => ({ id: x.id, receiptCode: x.receiptCode, description: x.description })) }),
    alsoWrite: async (tx, c, date) => {
      await tx.update(applications).set({ description: parts[0] as string }).where(eq(applications.id, c.row.id));
      const receivedOn = c.row.receivedOn as string;
      for (const x of created) {
        const first = [
          { kind: 'submitted', payload: { date: receivedOn, channel: c.row.channel, splitFrom: c.row.id } },
          { kind: 'received', payload: { date: receivedOn, channel: c.row.channel } },
        ];
        const clock = computeCaseClock(first, calendar, settingsDeadline, ctx.today);
        const counted = { id: x.id, receivedOn, applicantKind: c.row.applicantKind, outcome: null, closedOn: null, firstOutcome: null, firstConcludedOn: null };
        await assertRowChangeAllowed(tx, c.row.agencyId, null, counted);
        await tx.insert(applications).values({
          id: x.id,
          agencyId: c.row.agencyId,
          receiptCode: x.receiptCode,
          queryPasswordHash: hashes.get(x.id) as string,
          channel: c.row.channel,
          state: 'processing',
          applicantKind: c.row.applicantKind,
          applicantMasked: c.row.applicantMasked,
          personalData: c.row.personalData,
          applicantKey: c.row.applicantKey,
          description: x.description,
          documentNumber: null,
          purpose: c.row.purpose,
          form: c.row.form,
          delivery: c.row.delivery,
          submittedAt: c.row.submittedAt,
          receivedOn,
          dueOn: clock.dueOn,
          clock,
        });
        for (const [i, e] of first.entries()) {
          await tx.insert(events).values({
            id: uuidv7(),
            agencyId: c.row.agencyId,
            applicationId: x.id,
            actor: actorId(ctx.actor),
            kind: e.kind,
            payload: { ...e.payload, version: 1, ...(i === first.length - 1 ? { dueOn: clock.dueOn, reasoning: clock.reasoning, note: `由申请${c.row.receiptCode}按一事一申请拆分（${date}）` } : {}) },
          });
        }
      }
    },
  });
  return { ...step, created };
}
