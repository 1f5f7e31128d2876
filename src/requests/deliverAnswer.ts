/** The answer letter reached the applicant (送达). */
import { ValidationError } from '../shared/domainError.ts';
import type { CaseContext } from './context.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export const DELIVERY_METHODS = ['post', 'email', 'in-person', 'online'] as const;
export const DELIVERY_METHOD_LABELS = { post: '邮寄', email: '电子邮件', 'in-person': '当面送达', online: '网上送达' } as const satisfies Record<(typeof DELIVERY_METHODS)[number], string>;

export interface DeliverAnswerProps extends StepProps {
  method: (typeof DELIVERY_METHODS)[number];
  /** Tracking number, e-mail address used … */
  reference?: string | undefined;
}

export function deliverAnswer(ctx: CaseContext, props: DeliverAnswerProps): Promise<StepResult> {
  return runStep(ctx, props, {
    transition: 'deliver',
    eventKind: 'delivered',
    payload: { method: props.method, ...(props.reference !== undefined ? { reference: props.reference } : {}) },
    check: () => {
      if (!(DELIVERY_METHODS as readonly string[]).includes(props.method)) {
        throw new ValidationError('送达', [{ path: 'method', rule: 'enum', message: `应为：${DELIVERY_METHODS.join('、')}` }]);
      }
    },
  });
}
