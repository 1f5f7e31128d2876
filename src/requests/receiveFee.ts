/** The applicant paid the fee: the clock resumes. */
import type { CaseContext } from './context.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export type ReceiveFeeProps = StepProps;

export function receiveFee(ctx: CaseContext, props: ReceiveFeeProps): Promise<StepResult> {
  return runStep(ctx, props, { transition: 'receiveFee', eventKind: 'fee-paid' });
}
