/**
 * Art. 35: the number or frequency of the applicant's applications clearly exceeds a reasonable range;
 * the agency asks the applicant to state reasons, by a reply date it sets. The facts (count, period,
 * overlap) are stated in the 说明理由告知书; the applicant's other cases at this agency (applicant key,
 * decisions.md #17) are counted into the event so the record shows them.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { applications } from '../db/schema.ts';
import { ValidationError } from '../shared/domainError.ts';
import type { CaseContext } from './context.ts';
import { reasonsRequestNotice } from './noticeDraft.ts';
import { withNotice } from './notices.ts';
import { requireText } from './stepChecks.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface RequestReasonsProps extends StepProps {
  /** The facts: how many applications, over which period, how they overlap. */
  facts: string;
  /** The day by which the applicant is to reply. */
  replyBy: string;
}

export function requestReasons(ctx: CaseContext, props: RequestReasonsProps): Promise<StepResult> {
  let otherCases = 0;
  return runStep(
    ctx,
    props,
    withNotice(
      ctx,
      {
        transition: 'requestReasons',
        eventKind: 'reasons-requested',
        payload: () => ({ facts: props.facts, replyBy: props.replyBy, otherCasesOfApplicant: otherCases }),
        check: (_c, events, date) => {
          requireText('要求说明理由', 'facts', props.facts, 10, 2000);
          if (typeof props.replyBy !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(props.replyBy) || props.replyBy <= date) {
            throw new ValidationError('要求说明理由', [{ path: 'replyBy', rule: 'after_date', message: '说明理由的期限应晚于告知日期（YYYY-MM-DD）' }]);
          }
          const open = [...events].reverse().find((e) => e.kind.startsWith('reasons-'));
          if (open?.kind === 'reasons-requested') throw new ValidationError('要求说明理由', [{ path: 'state', rule: 'reasons.pending', message: '已要求说明理由，尚未收到答复' }]);
        },
        prepare: async (c) => {
          if (c.row.applicantKey === null) return;
          const [row] = await ctx.db
            .select({ n: sql<number>`count(*)::int` })
            .from(applications)
            .where(and(eq(applications.agencyId, c.row.agencyId), eq(applications.applicantKey, c.row.applicantKey), ne(applications.id, c.row.id)));
          otherCases = row?.n ?? 0;
        },
      },
      (n) => reasonsRequestNotice(n.notice, props.facts, props.replyBy),
    ),
  );
}
