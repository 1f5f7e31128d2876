/**
 * The fee was not paid within 20 working days → outcome other.unpaid_fee (decisions.md #4). Issues the
 * 不再处理告知书 with the remedies.
 */
import { installationCalendar } from '../calendarYears/installationCalendar.ts';
import type { CaseContext } from './context.ts';
import { lapseNotice } from './noticeDraft.ts';
import { withNotice } from './notices.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export type LapseFeeProps = StepProps;

export function lapseFee(ctx: CaseContext, props: LapseFeeProps): Promise<StepResult> {
  return runStep(
    ctx,
    props,
    withNotice(ctx, { transition: 'lapseFee', eventKind: 'fee-lapsed' }, async (n) => {
      const sent = [...n.events].reverse().find((e) => e.kind === 'fee-notice-sent');
      const date = sent?.payload['date'];
      const end = typeof date === 'string' ? (ctx.calendar ?? (await installationCalendar(ctx.db))).addWorkdays(date, n.settings.deadline.feePaymentDays) : null;
      return lapseNotice(n.notice, 'fee-lapsed', end);
    }),
  );
}
