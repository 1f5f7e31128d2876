/**
 * Art. 35: the applicant's reasons arrived (judged reasonable or not), or the reply date passed. Reasons
 * not reasonable (or none) open the 不予处理 answer (not_processed.mass_repetitive); reasonable reasons
 * with an Art. 33 period that cannot be met let the agency fix a later due date (`newDueOn`), which the
 * clock then uses.
 */
import { ValidationError } from '../shared/domainError.ts';
import type { Issue } from '../shared/domainError.ts';
import type { CaseContext } from './context.ts';
import { TransitionNotAllowedError } from './errors.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface ReceiveReasonsProps extends StepProps {
  /** No reply by the date set. */
  lapsed?: boolean | undefined;
  reasonable?: boolean | undefined;
  /** The applicant's reasons, and the agency's assessment. */
  reasons?: string | undefined;
  assessment?: string | undefined;
  /** Reasonable, but the Art. 33 period cannot be met: the later due date the agency fixes. */
  newDueOn?: string | undefined;
}

export function receiveReasons(ctx: CaseContext, props: ReceiveReasonsProps): Promise<StepResult> {
  const lapsed = props.lapsed === true;
  const issues: Issue[] = [];
  if (!lapsed && typeof props.reasonable !== 'boolean') issues.push({ path: 'reasonable', rule: 'required', message: '请登记对理由的审查结论：true（合理）或 false（不合理）' });
  if (!lapsed && (typeof props.assessment !== 'string' || [...props.assessment.trim()].length < 2)) issues.push({ path: 'assessment', rule: 'required', message: '请写明审查理由' });
  if (props.newDueOn !== undefined && (lapsed || props.reasonable !== true)) issues.push({ path: 'newDueOn', rule: 'reasonable_only', message: '只有理由合理时才可确定延迟答复的期限（《条例》第三十五条）' });
  if (issues.length > 0) throw new ValidationError('说明理由', issues);
  return runStep(ctx, props, {
    transition: 'receiveReasons',
    eventKind: lapsed ? 'reasons-lapsed' : 'reasons-received',
    payload: {
      ...(lapsed ? {} : { reasonable: props.reasonable, assessment: props.assessment }),
      ...(props.reasons !== undefined ? { reasons: props.reasons } : {}),
      ...(props.newDueOn !== undefined ? { newDueOn: props.newDueOn } : {}),
    },
    check: (c, events, date) => {
      const req = [...events].reverse().find((e) => e.kind.startsWith('reasons-'));
      if (req?.kind !== 'reasons-requested') throw new TransitionNotAllowedError('尚未要求申请人说明理由（《条例》第三十五条）', 'reasons.not_requested', 'state');
      const replyBy = req.payload['replyBy'];
      if (lapsed && typeof replyBy === 'string' && date <= replyBy) throw new TransitionNotAllowedError(`说明理由的期限至${replyBy}，尚未届满`, 'reasons.not_lapsed', 'date');
      if (props.newDueOn !== undefined && (c.row.dueOn === null || props.newDueOn <= c.row.dueOn)) {
        throw new ValidationError('说明理由', [{ path: 'newDueOn', rule: 'later', message: `延迟答复的期限应晚于现答复期限${c.row.dueOn ?? ''}` }]);
      }
    },
  });
}
