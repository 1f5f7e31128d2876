/** 告知补正 (Art. 30): once, all at once, within 7 working days of receipt; the answer period restarts when the corrected application arrives. */
import { ValidationError } from '../shared/domainError.ts';
import type { CaseContext } from './context.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface RequestSupplementProps extends StepProps {
  /** What the applicant must correct (told all at once). */
  items: string;
  /** The last day of the reasonable correction period. */
  periodEnd?: string | undefined;
}

export function requestSupplement(ctx: CaseContext, props: RequestSupplementProps): Promise<StepResult> {
  return runStep(ctx, props, {
    transition: 'requestSupplement',
    eventKind: 'supplement-requested',
    payload: { items: props.items, ...(props.periodEnd !== undefined ? { periodEnd: props.periodEnd } : {}) },
    check: (_c, events, date) => {
      if (props.items.trim().length < 2) throw new ValidationError('补正通知', [{ path: 'items', rule: 'length', message: '请写明需要补正的事项' }]);
      if (props.periodEnd !== undefined && props.periodEnd <= date) {
        throw new ValidationError('补正通知', [{ path: 'periodEnd', rule: 'after_date', message: '补正期限应晚于通知日期' }]);
      }
      if (events.some((e) => e.kind === 'supplement-requested')) {
        throw new ValidationError('补正通知', [{ path: 'state', rule: 'supplement.once', message: '补正应一次性告知（《条例》第三十条），本申请已告知过补正' }]);
      }
    },
  });
}
