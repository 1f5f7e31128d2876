/**
 * 告知补正 (Art. 30): once, all items at once, with a reasonable period (decisions.md #12: the agency's
 * setting, default 15 working days from the day after the notice, never under 5); the answer period
 * restarts when the corrected application arrives. A notice after the 7th working day is recorded with
 * its real date and flagged 逾期告知补正 (#21). Issues the 补正告知书.
 */
import { MIN_SUPPLEMENT_PERIOD_DAYS } from '../law/deadline/settings.ts';
import type { WorkCalendar } from '../calendar/workCalendar.ts';
import { installationCalendar } from '../calendarYears/installationCalendar.ts';
import { ValidationError } from '../shared/domainError.ts';
import { computeCaseClock } from './clock.ts';
import type { CaseContext } from './context.ts';
import { supplementNotice } from './noticeDraft.ts';
import { withNotice } from './notices.ts';
import { toCaseEvents } from './queries.ts';
import { caseSettings, runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface RequestSupplementProps extends StepProps {
  /** What the applicant must correct, all at once: one item per line. */
  items: string;
  /** The last day of the correction period; default: the agency's period after the notice. */
  periodEnd?: string | undefined;
}

export function supplementItems(items: string): string[] {
  return items
    .split(/\n+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function requestSupplement(ctx: CaseContext, props: RequestSupplementProps): Promise<StepResult> {
  let calendar: WorkCalendar | undefined = ctx.calendar;
  let periodEnd = props.periodEnd;
  let periodDays = 0;
  let late = false;
  let provisional = false;
  return runStep(
    ctx,
    props,
    withNotice(
      ctx,
      {
        transition: 'requestSupplement',
        eventKind: 'supplement-requested',
        payload: () => ({ items: props.items, periodEnd, periodDays, ...(late ? { lateNotice: true } : {}), ...(provisional ? { provisional: true } : {}) }),
        check: (_c, events) => {
          if (typeof props.items !== 'string' || supplementItems(props.items).every((i) => [...i].length < 2)) {
            throw new ValidationError('补正通知', [{ path: 'items', rule: 'length', message: '请逐项写明需要补正的事项（每行一项）' }]);
          }
          if (events.some((e) => e.kind === 'supplement-requested')) {
            throw new ValidationError('补正通知', [{ path: 'state', rule: 'supplement.once', message: '补正应一次性告知（《条例》第三十条），本申请已告知过补正' }]);
          }
        },
        prepare: async (c, events, date) => {
          const settings = await caseSettings(ctx.db, c.row.agencyId);
          calendar ??= await installationCalendar(ctx.db);
          const earliest = calendar.addWorkdays(date, MIN_SUPPLEMENT_PERIOD_DAYS);
          if (periodEnd === undefined) periodEnd = calendar.addWorkdays(date, settings.supplementPeriodDays);
          else if (periodEnd < earliest) {
            throw new ValidationError('补正通知', [
              { path: 'periodEnd', rule: 'supplement.period_min', message: `补正期限应为合理期限，不少于${MIN_SUPPLEMENT_PERIOD_DAYS}个工作日（自通知次日起算，最早为${earliest}）（《条例》第三十条）` },
            ]);
          }
          periodDays = calendar.workdaysBetween(date, periodEnd);
          provisional = calendar.provisionalYearsBetween(date, periodEnd).length > 0;
          const clock = computeCaseClock(toCaseEvents(events), calendar, settings.deadline);
          late = clock.supplementNoticeDue !== null && date > clock.supplementNoticeDue;
        },
      },
      (n) => supplementNotice(n.notice, supplementItems(props.items), periodEnd as string, periodDays, late, provisional),
    ),
  );
}
