import type { CivilDate } from '../calendar/civilDate.ts';

/** Today's civil date in China time (UTC+8, no daylight saving). */
export function todayInChina(now: Date = new Date()): CivilDate {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
