/**
 * Consultation of another agency (Arts. 33 ¶3, 34): not counted in the answer period. Issues the
 * 征求意见函 (15 working days; silence = deemed consent, Art. 34).
 */
import type { CaseContext } from './context.ts';
import { agencyConsultation } from './noticeDraft.ts';
import { withNotice } from './notices.ts';
import { requireText } from './stepChecks.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface ConsultAgencyProps extends StepProps {
  /** The agency consulted. */
  agencyName: string;
  information?: string | undefined;
}

export function consultAgency(ctx: CaseContext, props: ConsultAgencyProps): Promise<StepResult> {
  return runStep(
    ctx,
    props,
    withNotice(
      ctx,
      {
        transition: 'consultAgency',
        eventKind: 'agency-consultation-sent',
        payload: { agencyName: props.agencyName, ...(props.information !== undefined ? { information: props.information } : {}) },
        check: () => {
          requireText('征求意见', 'agencyName', props.agencyName, 2, 200);
          if (props.information !== undefined) requireText('征求意见', 'information', props.information, 2, 2000);
        },
      },
      (n) => agencyConsultation(n.notice, props.agencyName.trim(), props.information ?? n.c.row.description),
    ),
  );
}
