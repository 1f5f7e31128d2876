/** The corrected application arrives: the answer period starts afresh from that date (Art. 30). */
import type { CaseContext } from './context.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export type ReceiveSupplementProps = StepProps;

export function receiveSupplement(ctx: CaseContext, props: ReceiveSupplementProps): Promise<StepResult> {
  return runStep(ctx, props, { transition: 'receiveSupplement', eventKind: 'supplement-received' });
}
