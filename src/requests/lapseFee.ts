/** The fee was not paid within 20 working days → outcome other.unpaid_fee (decisions.md). */
import type { CaseContext } from './context.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export type LapseFeeProps = StepProps;

export function lapseFee(ctx: CaseContext, props: LapseFeeProps): Promise<StepResult> {
  return runStep(ctx, props, { transition: 'lapseFee', eventKind: 'fee-lapsed' });
}
