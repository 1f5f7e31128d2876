/**
 * Civil dates: `YYYY-MM-DD` strings in China time. They never pass through `Date` in the API (a `Date`
 * is an instant, and a time zone can move it to the neighbouring day); `Date.UTC` is used internally
 * only as day arithmetic, where no zone applies.
 */
import { InvalidDateError } from './errors.ts';

/** A `YYYY-MM-DD` string naming a real day of the proleptic Gregorian calendar. */
export type CivilDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const WEEKDAY_LABELS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fields(value: string): { year: number; month: number; day: number } | undefined {
  const m = SHAPE.exec(value);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isCivilDate(value: unknown): value is CivilDate {
  return typeof value === 'string' && fields(value) !== undefined;
}

/** The value itself when it is a valid civil date; otherwise InvalidDateError naming `field`. */
export function parseCivilDate(value: string, field = 'date'): CivilDate {
  const f = fields(value);
  if (f === undefined) {
    const reason = SHAPE.test(value) ? '该日期在公历中不存在' : '格式应为 YYYY-MM-DD';
    throw new InvalidDateError(value, field, reason);
  }
  return value;
}

function toDayNumber(date: CivilDate): number {
  const f = fields(date);
  if (f === undefined) throw new InvalidDateError(date);
  return Date.UTC(f.year, f.month - 1, f.day) / MS_PER_DAY;
}

function fromDayNumber(n: number): CivilDate {
  const d = new Date(n * MS_PER_DAY);
  const y = d.getUTCFullYear();
  if (y < 1 || y > 9999) throw new InvalidDateError(String(y), 'date', '超出可表示的年份范围');
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** The date `n` calendar days after (`n` < 0: before) `date`. */
export function addDays(date: CivilDate, n: number): CivilDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: n must be an integer, got ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** -1, 0 or 1. Valid civil dates compare correctly as strings; this also validates both. */
export function compareDates(a: CivilDate, b: CivilDate): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function isoWeekday(date: CivilDate): IsoWeekday {
  // Day 0 of the epoch, 1970-01-01, was a Thursday (ISO 4).
  const n = toDayNumber(date);
  return ((((((n + 3) % 7) + 7) % 7) + 1) as IsoWeekday);
}

export function isWeekend(date: CivilDate): boolean {
  return isoWeekday(date) >= 6;
}

/** `星期一` … `星期日`. */
export function weekdayLabel(date: CivilDate): (typeof WEEKDAY_LABELS)[number] {
  return WEEKDAY_LABELS[isoWeekday(date) - 1] as (typeof WEEKDAY_LABELS)[number];
}

export function yearOf(date: CivilDate): number {
  const f = fields(date);
  if (f === undefined) throw new InvalidDateError(date);
  return f.year;
}

/** `2020年9月28日（星期一）`: the form a clerk reads against a paper calendar. */
export function formatChineseDate(date: CivilDate, withWeekday = true): string {
  const f = fields(date);
  if (f === undefined) throw new InvalidDateError(date);
  const text = `${f.year}年${f.month}月${f.day}日`;
  return withWeekday ? `${text}（${weekdayLabel(date)}）` : text;
}
