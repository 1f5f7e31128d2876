/** The applicant withdraws the application → outcome other.other (decisions.md). */
import type { CaseContext } from './context.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface WithdrawApplicationProps extends StepProps {
  reason?: string | undefined;
}

export function withdrawApplication(ctx: CaseContext, props: WithdrawApplicationProps): Promise<StepResult> {
  return runStep(ctx, props, {
    transition: 'withdraw',
    eventKind: 'withdrawn',
    payload: props.reason !== undefined ? { reason: props.reason } : {},
  });
}
