/** The clerk asks the head of the office to extend the answer period (Art. 33 ¶2). */
import type { CaseContext } from './context.ts';
import { TransitionNotAllowedError } from './errors.ts';
import { requireText } from './stepChecks.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface RequestExtensionProps extends StepProps {
  reason: string;
  /** Working days asked for (1–20). */
  days?: number | undefined;
}

export function requestExtension(ctx: CaseContext, props: RequestExtensionProps): Promise<StepResult> {
  return runStep(ctx, props, {
    transition: 'requestExtension',
    eventKind: 'extension-requested',
    payload: { reason: props.reason, days: props.days ?? 20 },
    check: (c) => {
      requireText('延期申请', 'reason', props.reason, 2, 500);
      if (props.days !== undefined && (!Number.isInteger(props.days) || props.days < 1 || props.days > 20)) {
        throw new TransitionNotAllowedError('延长期限最长不超过20个工作日（《条例》第三十三条第二款）', 'extension.days', 'days');
      }
      if (c.row.extension !== 'none') throw new TransitionNotAllowedError('每件申请只能延期一次，已申请或已批准延期', 'extension.once', 'extension');
    },
    patch: () => ({ extension: 'requested' }),
  });
}
