/**
 * A written consultation of a third party (Art. 32); the time it takes is not counted (Art. 33 ¶3).
 * Issues the 征求第三方意见书 (15 working days; silence is not consent; an objection must give reasons).
 */
import type { CaseContext } from './context.ts';
import { thirdPartyConsultation } from './noticeDraft.ts';
import { withNotice } from './notices.ts';
import { requireText } from './stepChecks.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface ConsultThirdPartyProps extends StepProps {
  /** Who is consulted (kept in the case, not shown publicly). */
  party: string;
  /** The information concerned; default: the application's description. */
  information?: string | undefined;
}

export function consultThirdParty(ctx: CaseContext, props: ConsultThirdPartyProps): Promise<StepResult> {
  return runStep(
    ctx,
    props,
    withNotice(
      ctx,
      {
        transition: 'consultThirdParty',
        eventKind: 'third-party-sent',
        payload: { party: props.party, ...(props.information !== undefined ? { information: props.information } : {}) },
        check: () => {
          requireText('征求意见', 'party', props.party, 2, 200);
          if (props.information !== undefined) requireText('征求意见', 'information', props.information, 2, 2000);
        },
      },
      (n) => thirdPartyConsultation(n.notice, props.party.trim(), props.information ?? n.c.row.description),
    ),
  );
}
