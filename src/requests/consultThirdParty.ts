/** A written consultation of a third party (Art. 32); the time it takes is not counted (Art. 33 ¶3). */
import type { CaseContext } from './context.ts';
import { requireText } from './stepChecks.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface ConsultThirdPartyProps extends StepProps {
  /** Who is consulted (kept in the case, not shown publicly). */
  party: string;
}

export function consultThirdParty(ctx: CaseContext, props: ConsultThirdPartyProps): Promise<StepResult> {
  return runStep(ctx, props, {
    transition: 'consultThirdParty',
    eventKind: 'third-party-sent',
    payload: { party: props.party },
    check: () => requireText('征求意见', 'party', props.party, 2, 200),
  });
}
