/** The office confirms an online application: the day both sides confirm is the receipt date (Art. 31(三)); the answer period starts. */
import type { CaseContext } from './context.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export type ConfirmReceiptProps = StepProps;

export function confirmReceipt(ctx: CaseContext, props: ConfirmReceiptProps): Promise<StepResult> {
  return runStep(ctx, props, {
    transition: 'confirmReceipt',
    eventKind: 'received',
    payload: { channel: 'online' },
    patch: (_c, date) => ({ receivedOn: date }),
  });
}
