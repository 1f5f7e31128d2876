/**
 * The head of the disclosure office approves the extension (Art. 33 ¶2: consent of the 工作机构负责人,
 * before the due date; at most 20 working days, once). The applicant is told: the 延期答复告知书 is issued
 * with the step, with the reason asked for and the new due date.
 */
import { installationCalendar } from '../calendarYears/installationCalendar.ts';
import { computeCaseClock } from './clock.ts';
import type { CaseContext } from './context.ts';
import { extensionNotice } from './noticeDraft.ts';
import { withNotice } from './notices.ts';
import { toCaseEvents } from './queries.ts';
import { TransitionNotAllowedError } from './errors.ts';
import { caseSettings, runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface ApproveExtensionProps extends StepProps {
  /** Working days granted (1–20); default: as requested. */
  days?: number | undefined;
}

export function approveExtension(ctx: CaseContext, props: ApproveExtensionProps): Promise<StepResult> {
  let days = props.days;
  let reason = '';
  return runStep(
    ctx,
    props,
    withNotice(
      ctx,
      {
        transition: 'approveExtension',
        eventKind: 'extended',
        check: (c, events, date) => {
          if (c.row.extension !== 'requested') throw new TransitionNotAllowedError('没有待批准的延期申请', 'extension.not_requested', 'extension');
          const req = [...events].reverse().find((e) => e.kind === 'extension-requested');
          days ??= typeof req?.payload['days'] === 'number' ? req.payload['days'] : 20;
          reason = typeof req?.payload['reason'] === 'string' ? req.payload['reason'] : '';
          if (!Number.isInteger(days) || days < 1 || days > 20) throw new TransitionNotAllowedError('延长期限最长不超过20个工作日（《条例》第三十三条第二款）', 'extension.days', 'days');
          if (c.row.dueOn !== null && date > c.row.dueOn) throw new TransitionNotAllowedError(`延期须在答复期限（${c.row.dueOn}）届满前批准`, 'extension.too_late', 'date');
        },
        payload: () => ({ days, reason, approvedBy: ctx.actor.kind === 'staff' ? ctx.actor.displayName : 'system' }),
        patch: () => ({ extension: 'approved' }),
      },
      async (n) => {
        const settings = await caseSettings(ctx.db, n.c.row.agencyId);
        const clock = computeCaseClock([...toCaseEvents(n.events), { kind: 'extended', payload: { date: n.date, days } }], ctx.calendar ?? (await installationCalendar(ctx.db)), settings.deadline);
        const provisional = clock.provisional;
        return extensionNotice(n.notice, reason, days ?? 20, clock.dueOn, provisional);
      },
    ),
  );
}
