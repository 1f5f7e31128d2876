/** A fee notice (Art. 42, 国办函〔2020〕109号): the clock stands still until payment (decisions.md). */
import { ValidationError } from '../shared/domainError.ts';
import type { CaseContext } from './context.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface SendFeeNoticeProps extends StepProps {
  /** The fee in fen (integer). */
  amountFen: number;
}

export function sendFeeNotice(ctx: CaseContext, props: SendFeeNoticeProps): Promise<StepResult> {
  return runStep(ctx, props, {
    transition: 'sendFeeNotice',
    eventKind: 'fee-notice-sent',
    payload: { amountFen: props.amountFen },
    check: () => {
      if (!Number.isSafeInteger(props.amountFen) || props.amountFen <= 0) {
        throw new ValidationError('收费通知', [{ path: 'amountFen', rule: 'positive_integer', message: '收费金额应为正整数（单位：分）' }]);
      }
    },
  });
}
