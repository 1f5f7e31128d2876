/** The other agency replied, or its 15 working days lapsed (silence = consent, Art. 34); the clock resumes. */
import type { CaseContext } from './context.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface ReceiveAgencyReplyProps extends StepProps {
  lapsed?: boolean | undefined;
}

export function receiveAgencyReply(ctx: CaseContext, props: ReceiveAgencyReplyProps): Promise<StepResult> {
  return runStep(ctx, props, {
    transition: 'receiveAgencyReply',
    eventKind: props.lapsed === true ? 'agency-consultation-lapsed' : 'agency-consultation-replied',
  });
}
