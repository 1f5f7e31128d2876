/**
 * A reconsideration body or a court corrected (纠正) the answer: the case is handled again, with a new
 * 20-working-day period from the day after the decision (law/deadline `reopened`). The first conclusion
 * moves to first_outcome/first_concluded_on — what the report on that year counted — so that the new
 * answer does not change a published year's figures.
 */
import type { CaseContext } from './context.ts';
import { TransitionNotAllowedError } from './errors.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface ReopenApplicationProps extends StepProps {
  /** the decision day (the `date` of the step) */
  date: string;
  appealId: string;
  body: string;
  caseNumber: string;
  /** The period the decision sets (working days), when it sets one. */
  days?: number | undefined;
}

export function reopenApplication(ctx: CaseContext, props: ReopenApplicationProps): Promise<StepResult> {
  return runStep(ctx, props, {
    transition: 'reopen',
    eventKind: 'reopened',
    payload: { appealId: props.appealId, body: props.body, caseNumber: props.caseNumber, ...(props.days !== undefined ? { days: props.days } : {}), reason: `${props.body}${props.caseNumber}结果纠正，重新答复` },
    check: (c, events) => {
      if (c.row.outcome === null) throw new TransitionNotAllowedError('该申请尚未办结，无需重新办理', 'application.not_concluded');
      if (c.row.state === 'closed' && events.some((e) => e.kind === 'withdrawn')) throw new TransitionNotAllowedError('申请人已撤回申请，不能重新办理', 'application.withdrawn');
    },
    patch: (c) => ({
      firstOutcome: c.row.firstOutcome ?? c.row.outcome,
      firstConcludedOn: c.row.firstOutcome !== null ? c.row.firstConcludedOn : c.row.closedOn,
      outcome: null,
      answeredOn: null,
      closedOn: null,
    }),
  });
}
