/**
 * An online submission that is not an application (spam, empty, a test) is rejected with a reason
 * (decisions.md #15). It never had a receipt date, so it is not in table 3.
 */
import type { CaseContext } from './context.ts';
import { requireText } from './stepChecks.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface RejectSubmissionProps extends StepProps {
  reason: string;
}

export function rejectSubmission(ctx: CaseContext, props: RejectSubmissionProps): Promise<StepResult> {
  return runStep(ctx, props, {
    transition: 'rejectSubmission',
    eventKind: 'submission-rejected',
    payload: { reason: props.reason },
    check: () => requireText('不予登记', 'reason', props.reason, 2, 500),
    patch: (_c, date) => ({ closedOn: date }),
  });
}
