/** The third party's reply arrived, or its 15 working days lapsed (Art. 32); the clock resumes. */
import type { CaseContext } from './context.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface ReceiveThirdPartyReplyProps extends StepProps {
  /** True when no reply came within the period (the step's date is the period's last day). */
  lapsed?: boolean | undefined;
  /** agrees, objects, none. */
  opinion?: 'agrees' | 'objects' | 'none' | undefined;
}

export function receiveThirdPartyReply(ctx: CaseContext, props: ReceiveThirdPartyReplyProps): Promise<StepResult> {
  return runStep(ctx, props, {
    transition: 'receiveThirdPartyReply',
    eventKind: props.lapsed === true ? 'third-party-lapsed' : 'third-party-replied',
    payload: { opinion: props.opinion ?? (props.lapsed === true ? 'none' : 'agrees') },
  });
}
