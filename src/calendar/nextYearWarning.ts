/**
 * The warning shown from 1 October while next year's holiday arrangement is not loaded (decisions.md #23),
 * and at once when a year already begun is not loaded. Pure: the caller says what today is.
 */
import { yearOf } from './civilDate.ts';
import type { CivilDate } from './civilDate.ts';
import type { WorkCalendar } from './workCalendar.ts';

/** The month from which the missing next year is announced (the notice comes out late Oct – mid Nov). */
export const WARN_FROM_MONTH = 10;

export const LOAD_COMMAND = 'gongkai calendar load-notice 通知.txt';

export interface CalendarWarning {
  readonly year: number;
  readonly message: string;
}

export function nextYearWarning(calendar: WorkCalendar, today: CivilDate): CalendarWarning | null {
  const year = yearOf(today);
  if (!calendar.isKnownYear(year)) {
    return {
      year,
      message:
        `${year}年节假日安排尚未载入：本年的答复期限暂按周一至周五计算（暂定）。` +
        `请将《国务院办公厅关于${year}年部分节假日安排的通知》全文载入：${LOAD_COMMAND}，或在管理后台“工作日历”中载入。`,
    };
  }
  const month = Number(today.slice(5, 7));
  if (month >= WARN_FROM_MONTH && !calendar.isKnownYear(year + 1)) {
    return {
      year: year + 1,
      message:
        `${year + 1}年节假日安排尚未载入：期限跨入${year + 1}年的申请，其${year + 1}年的日期暂按周一至周五计算（暂定）。` +
        `国务院办公厅公布《国务院办公厅关于${year + 1}年部分节假日安排的通知》后，请载入：${LOAD_COMMAND}，或在管理后台“工作日历”中载入。`,
    };
  }
  return null;
}
