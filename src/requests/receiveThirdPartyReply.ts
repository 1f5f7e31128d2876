/** The third party's reply arrived, or its 15 working days lapsed (Art. 32); the clock resumes. */
import { ValidationError } from '../shared/domainError.ts';
import type { CaseContext } from './context.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface ReceiveThirdPartyReplyProps extends StepProps {
  /** True when no reply came within the period (the step's date is the period's last day). */
  lapsed?: boolean | undefined;
  /** agrees or objects; required for a reply (an Art. 15 refusal depends on it). */
  opinion?: 'agrees' | 'objects' | 'none' | undefined;
  /** The third party's reasons, as it gave them. */
  reasons?: string | undefined;
}

export function receiveThirdPartyReply(ctx: CaseContext, props: ReceiveThirdPartyReplyProps): Promise<StepResult> {
  const lapsed = props.lapsed === true;
  if (!lapsed && props.opinion !== 'agrees' && props.opinion !== 'objects') {
    throw new ValidationError('第三方意见', [{ path: 'opinion', rule: 'required', message: '请登记第三方的意见：agrees（同意公开）或 objects（不同意公开）；逾期未答复的，登记 lapsed' }]);
  }
  return runStep(ctx, props, {
    transition: 'receiveThirdPartyReply',
    eventKind: lapsed ? 'third-party-lapsed' : 'third-party-replied',
    payload: { opinion: lapsed ? 'none' : props.opinion, ...(props.reasons !== undefined ? { reasons: props.reasons } : {}) },
  });
}
