/** The correction period ran out: the application is deemed abandoned (Art. 30) → outcome other.no_supplement. */
import type { CaseContext } from './context.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export type LapseSupplementProps = StepProps;

export function lapseSupplement(ctx: CaseContext, props: LapseSupplementProps): Promise<StepResult> {
  return runStep(ctx, props, { transition: 'lapseSupplement', eventKind: 'supplement-lapsed' });
}
