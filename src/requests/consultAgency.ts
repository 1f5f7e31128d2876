/** Consultation of another agency that made the information jointly (Art. 34); not counted (Art. 33 ¶3). */
import type { CaseContext } from './context.ts';
import { requireText } from './stepChecks.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface ConsultAgencyProps extends StepProps {
  /** The agency consulted. */
  agencyName: string;
}

export function consultAgency(ctx: CaseContext, props: ConsultAgencyProps): Promise<StepResult> {
  return runStep(ctx, props, {
    transition: 'consultAgency',
    eventKind: 'agency-consultation-sent',
    payload: { agencyName: props.agencyName },
    check: () => requireText('征求意见', 'agencyName', props.agencyName, 2, 200),
  });
}
