/**
 * The office confirms an online application: the day both sides confirm is the receipt date (Art. 31(三));
 * the answer period starts. Never before the day it was submitted (decisions.md #15).
 */
import type { CaseContext } from './context.ts';
import { TransitionNotAllowedError } from './errors.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export type ConfirmReceiptProps = StepProps;

export function confirmReceipt(ctx: CaseContext, props: ConfirmReceiptProps): Promise<StepResult> {
  return runStep(ctx, props, {
    transition: 'confirmReceipt',
    eventKind: 'received',
    payload: { channel: 'online' },
    check: (_c, events, date) => {
      const submitted = events.find((e) => e.kind === 'submitted')?.payload['date'];
      if (typeof submitted === 'string' && date < submitted) {
        throw new TransitionNotAllowedError(`收到申请之日不能早于申请人提交之日（${submitted}）（《条例》第三十一条第（三）项）`, 'receipt.before_submission', 'date');
      }
    },
    patch: (_c, date) => ({ receivedOn: date }),
  });
}
