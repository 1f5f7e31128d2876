/**
 * The working-day calendar: Monday to Friday, minus the official holidays, plus the weekend days that the
 * State Council's yearly notice (《国务院办公厅关于YYYY年部分节假日安排的通知》) declares working days (调休).
 *
 * Data, in order of precedence (a later layer wins):
 *   1. the `chinese-days` package data, from 2019 (the first year of the 2019 条例) to its last year;
 *   2. BUILT_IN_CORRECTIONS below, for any day where the package disagrees with a notice;
 *   3. installation years (parsed JSON, see parseCalendarOverrides — loaded from the yearly notice into the
 *      database, or given to the CLI as a file): each declares a whole year and replaces what the layers
 *      above say about that year.
 * A year from HORIZON_START on that no layer holds (next year, before its notice is loaded) is counted
 * Monday to Friday and every answer that touches it is *provisional* (暂定, decisions.md #22): intake must
 * never stop because the State Council has not yet published, or nobody has yet loaded, a year's notice.
 * Callers ask `isProvisional` / `provisionalYearsBetween` and say so wherever such a date is shown.
 * A date before HORIZON_START is refused (CalendarYearUnknownError).
 *
 * Pure: it reads no files. The CLI (or the database layer) loads the JSON and passes the parsed value.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { ValidationError } from '../shared/domainError.ts';
import type { Issue } from '../shared/domainError.ts';
import { addDays, compareDates, isCivilDate, isWeekend, parseCivilDate, weekdayLabel, yearOf } from './civilDate.ts';
import type { CivilDate } from './civilDate.ts';
import { CalendarYearUnknownError } from './errors.ts';

/** The first year the calendar answers for: the 2019 条例 took effect on 2019-05-15. */
export const HORIZON_START = 2019;

export type SpecialDayKind = 'holiday' | 'workday';

/** A day that differs from the plain weekday rule, or a holiday on a weekend. */
export interface SpecialDay {
  readonly date: CivilDate;
  /** `holiday`: not a working day (放假); `workday`: a weekend day that is a working day (调休上班). */
  readonly kind: SpecialDayKind;
  /** The festival it belongs to: `春节`, `国庆节` … */
  readonly name: string;
  /** The notice or data layer it comes from. */
  readonly source: string;
}

export interface DayInfo {
  readonly date: CivilDate;
  readonly weekday: string;
  readonly workday: boolean;
  /** Present when the day is an official holiday or a 调休 working day. */
  readonly special?: SpecialDay;
  /** Present (true) when the day's year is not loaded: `workday` is the Monday-to-Friday guess. */
  readonly provisional?: true;
}

/** Where a year's data comes from: the package (with built-in corrections) or the installation. */
export type YearSource = 'package' | 'installation';

/**
 * Corrections to the package data, each naming the notice it follows. Checked for 2019–2026 against the
 * notices (see workCalendar.test.ts): chinese-days 1.5.7 agrees with all of them. The 2020 Spring
 * Festival extension is pinned here anyway, because it was a later notice overriding the first one
 * (the 2020-02-01 working Saturday of 国办发明电〔2019〕16号 was cancelled) and a data regression there
 * would silently move due dates of early-2020 cases.
 */
export const BUILT_IN_CORRECTIONS: readonly SpecialDay[] = [
  { date: '2020-01-31', kind: 'holiday', name: '春节', source: '国办发明电〔2020〕1号（春节假期延长至2月2日）' },
  { date: '2020-02-01', kind: 'holiday', name: '春节', source: '国办发明电〔2020〕1号（春节假期延长至2月2日，取消2月1日调休上班）' },
  { date: '2020-02-02', kind: 'holiday', name: '春节', source: '国办发明电〔2020〕1号（春节假期延长至2月2日）' },
];

// ---------------------------------------------------------------------------------------------------
// Overrides

/** One year as an installation declares it; dates are `YYYY-MM-DD` or ranges `YYYY-MM-DD/YYYY-MM-DD`. */
export interface YearOverride {
  readonly source?: string;
  /** Festival name → its days off. */
  readonly holidays: Readonly<Record<string, readonly string[]>>;
  /** Festival name → the weekend days worked for it. */
  readonly workdays: Readonly<Record<string, readonly string[]>>;
}

/** The override JSON: `{ "years": { "2027": { "source": "…", "holidays": {…}, "workdays": {…} } } }`. */
export interface CalendarOverridesJson {
  readonly years: Readonly<Record<string, YearOverride>>;
}

/** One validated override year: every special day of that year, ranges expanded. */
export interface OverrideYear {
  readonly year: number;
  readonly days: readonly SpecialDay[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expandEntry(entry: string, year: number, path: string, issues: Issue[]): CivilDate[] {
  const parts = entry.split('/');
  const [from, to = from] = parts;
  if (parts.length > 2 || from === undefined || !isCivilDate(from) || !isCivilDate(to)) {
    issues.push({ path, rule: 'date.invalid', message: `「${entry}」应为 YYYY-MM-DD 或 YYYY-MM-DD/YYYY-MM-DD` });
    return [];
  }
  if (compareDates(from, to) > 0) {
    issues.push({ path, rule: 'range.reversed', message: `「${entry}」的起日晚于止日` });
    return [];
  }
  if (yearOf(from) !== year || yearOf(to) !== year) {
    issues.push({ path, rule: 'date.other_year', message: `「${entry}」不在${year}年内（跨年的假期请分别写入各自年份）` });
    return [];
  }
  const out: CivilDate[] = [];
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) out.push(d);
  return out;
}

function parseYear(key: string, value: unknown, issues: Issue[]): OverrideYear | undefined {
  const base = `years.${key}`;
  if (!/^\d{4}$/.test(key)) {
    issues.push({ path: base, rule: 'year.invalid', message: '年份键应为四位数字，如 "2027"' });
    return undefined;
  }
  const year = Number(key);
  if (!isRecord(value)) {
    issues.push({ path: base, rule: 'type', message: '应为对象 { holidays, workdays, source? }' });
    return undefined;
  }
  for (const k of Object.keys(value)) {
    if (k !== 'holidays' && k !== 'workdays' && k !== 'source') {
      issues.push({ path: `${base}.${k}`, rule: 'key.unknown', message: '未知字段（允许 holidays、workdays、source）' });
    }
  }
  const source = value['source'];
  if (source !== undefined && typeof source !== 'string') {
    issues.push({ path: `${base}.source`, rule: 'type', message: '应为字符串（通知文号）' });
  }
  const sourceText = typeof source === 'string' && source !== '' ? source : `覆盖数据（${year}年）`;
  const byDate = new Map<CivilDate, SpecialDay>();
  for (const kind of ['holidays', 'workdays'] as const) {
    const group = value[kind];
    if (!isRecord(group)) {
      issues.push({ path: `${base}.${kind}`, rule: 'required', message: '必填，应为对象：节日名称 → 日期列表（可为空对象）' });
      continue;
    }
    for (const [name, list] of Object.entries(group)) {
      const path = `${base}.${kind}.${name}`;
      if (!Array.isArray(list) || !list.every((e): e is string => typeof e === 'string')) {
        issues.push({ path, rule: 'type', message: '应为日期字符串数组' });
        continue;
      }
      for (const entry of list) {
        for (const date of expandEntry(entry, year, path, issues)) {
          if (kind === 'workdays' && !isWeekend(date)) {
            issues.push({ path, rule: 'workday.not_weekend', message: `${date} 是${weekdayLabel(date)}，调休上班日应为周六或周日` });
            continue;
          }
          const previous = byDate.get(date);
          if (previous !== undefined && previous.kind !== (kind === 'holidays' ? 'holiday' : 'workday')) {
            issues.push({ path, rule: 'date.conflict', message: `${date} 同时被列为放假日和上班日` });
            continue;
          }
          byDate.set(date, { date, kind: kind === 'holidays' ? 'holiday' : 'workday', name, source: sourceText });
        }
      }
    }
  }
  if (isRecord(value['holidays']) && [...byDate.values()].every((d) => d.kind !== 'holiday')) {
    issues.push({ path: `${base}.holidays`, rule: 'year.incomplete', message: '一个完整年份至少应有元旦等放假日' });
  }
  return { year, days: [...byDate.values()] };
}

/** Validates an already-parsed JSON value; ValidationError lists every problem with its path. */
export function parseCalendarOverrides(value: unknown): readonly OverrideYear[] {
  const issues: Issue[] = [];
  const parsed: OverrideYear[] = [];
  if (!isRecord(value) || !isRecord(value['years'])) {
    throw new ValidationError('工作日历覆盖数据', [
      { path: 'years', rule: 'required', message: '应为 { "years": { "2027": { "holidays": {…}, "workdays": {…} } } }' },
    ]);
  }
  for (const k of Object.keys(value)) {
    if (k !== 'years') issues.push({ path: k, rule: 'key.unknown', message: '未知字段（只允许 years）' });
  }
  for (const [key, year] of Object.entries(value['years'])) {
    const p = parseYear(key, year, issues);
    if (p !== undefined) parsed.push(p);
  }
  if (issues.length > 0) throw new ValidationError('工作日历覆盖数据', issues);
  return parsed;
}

// ---------------------------------------------------------------------------------------------------
// The package data

function packageLayer(): Map<number, Map<CivilDate, SpecialDay>> {
  const data: unknown = chineseDaysData;
  const years = new Map<number, Map<CivilDate, SpecialDay>>();
  if (!isRecord(data)) throw new Error('chinese-days data has an unexpected shape');
  for (const [group, kind] of [
    ['holidays', 'holiday'],
    ['workdays', 'workday'],
  ] as const) {
    const table = data[group];
    if (!isRecord(table)) throw new Error(`chinese-days data has no ${group} table`);
    for (const [date, label] of Object.entries(table)) {
      if (!isCivilDate(date) || typeof label !== 'string') throw new Error(`chinese-days data: bad entry ${date}`);
      const year = yearOf(date);
      if (year < HORIZON_START) continue;
      // Labels are "Spring Festival,春节,4": English name, Chinese name, length in days.
      const name = label.split(',')[1] ?? label;
      let days = years.get(year);
      if (days === undefined) years.set(year, (days = new Map()));
      days.set(date, { date, kind, name, source: 'chinese-days' });
    }
  }
  // Only an unbroken run of years from HORIZON_START counts as known.
  const known = new Map<number, Map<CivilDate, SpecialDay>>();
  for (let y = HORIZON_START; years.has(y); y += 1) known.set(y, years.get(y) as Map<CivilDate, SpecialDay>);
  return known;
}

// ---------------------------------------------------------------------------------------------------
// The calendar

export class WorkCalendar {
  readonly #years: ReadonlyMap<number, ReadonlyMap<CivilDate, SpecialDay>>;
  readonly #sources: ReadonlyMap<number, YearSource>;
  readonly #known: readonly number[];

  private constructor(years: Map<number, Map<CivilDate, SpecialDay>>, sources: Map<number, YearSource>) {
    this.#years = years;
    this.#sources = sources;
    this.#known = [...years.keys()].sort((a, b) => a - b);
  }

  /**
   * The package data with the built-in corrections and, if given, installation years: an unknown JSON
   * value (`{ "years": { … } }`, validated here) or years already validated by parseCalendarOverrides.
   */
  static create(overrides?: unknown): WorkCalendar {
    const installed = overrides === undefined ? [] : Array.isArray(overrides) ? (overrides as readonly OverrideYear[]) : parseCalendarOverrides(overrides);
    const years = packageLayer();
    const sources = new Map<number, YearSource>([...years.keys()].map((y) => [y, 'package' as const]));
    for (const c of BUILT_IN_CORRECTIONS) years.get(yearOf(c.date))?.set(c.date, c);
    for (const y of installed) {
      if (y.year < HORIZON_START) continue;
      years.set(y.year, new Map(y.days.map((d) => [d.date, d])));
      sources.set(y.year, 'installation');
    }
    return new WorkCalendar(years, sources);
  }

  /** The years this calendar holds, ascending. */
  knownYears(): readonly number[] {
    return this.#known;
  }

  /** Whether the year's holiday arrangement is held (package or installation). */
  isKnownYear(year: number): boolean {
    return this.#years.has(year);
  }

  /** Where a held year's data comes from; undefined for a year not held. */
  yearSource(year: number): YearSource | undefined {
    return this.#sources.get(year);
  }

  /** The special days of a held year, ascending (empty for a year not held). */
  specialDaysOfYear(year: number): readonly SpecialDay[] {
    const data = this.#years.get(year);
    return data === undefined ? [] : [...data.values()].sort((a, b) => compareDates(a.date, b.date));
  }

  /** True when the date's year is not held: what is said about it is the Monday-to-Friday guess. */
  isProvisional(date: CivilDate): boolean {
    return !this.#years.has(yearOf(parseCivilDate(date, 'date')));
  }

  /** The years in [from, to] (either order) that are not held, ascending. */
  provisionalYearsBetween(from: CivilDate, to: CivilDate): readonly number[] {
    const a = yearOf(parseCivilDate(from, 'from'));
    const b = yearOf(parseCivilDate(to, 'to'));
    const out: number[] = [];
    for (let y = Math.min(a, b); y <= Math.max(a, b); y += 1) if (!this.#years.has(y)) out.push(y);
    return out;
  }

  /** The year's special days, or none (weekday rule) for a year not held; refused before HORIZON_START. */
  #yearData(date: CivilDate, field: string): ReadonlyMap<CivilDate, SpecialDay> {
    parseCivilDate(date, field);
    const year = yearOf(date);
    const data = this.#years.get(year);
    if (data !== undefined) return data;
    if (year < HORIZON_START) throw new CalendarYearUnknownError(year, this.#known, date);
    return NO_SPECIAL_DAYS;
  }

  isWorkday(date: CivilDate): boolean {
    const special = this.#yearData(date, 'date').get(date);
    if (special !== undefined) return special.kind === 'workday';
    return !isWeekend(date);
  }

  dayInfo(date: CivilDate): DayInfo {
    const special = this.#yearData(date, 'date').get(date);
    const workday = special !== undefined ? special.kind === 'workday' : !isWeekend(date);
    const base = special === undefined ? { date, weekday: weekdayLabel(date), workday } : { date, weekday: weekdayLabel(date), workday, special };
    return this.isProvisional(date) ? { ...base, provisional: true } : base;
  }

  /**
   * The date `n` working days after `date` (`date` itself not counted; n = 0 gives `date`). A negative
   * `n` counts backwards.
   */
  addWorkdays(date: CivilDate, n: number): CivilDate {
    if (!Number.isSafeInteger(n)) {
      throw new ValidationError('工作日数', [{ path: 'n', rule: 'integer', message: `应为整数，得到 ${n}` }]);
    }
    this.#yearData(date, 'date');
    const step = n < 0 ? -1 : 1;
    let d = date;
    for (let left = Math.abs(n); left > 0; ) {
      d = addDays(d, step);
      if (this.isWorkday(d)) left -= 1;
    }
    return d;
  }

  /**
   * The working days in (from, to]: `from` not counted, `to` counted, so that
   * `workdaysBetween(d, addWorkdays(d, n)) === n`. Negative when `to` is before `from`.
   */
  workdaysBetween(from: CivilDate, to: CivilDate): number {
    this.#yearData(from, 'from');
    this.#yearData(to, 'to');
    const sign = compareDates(from, to);
    if (sign === 0) return 0;
    const [lo, hi] = sign < 0 ? [from, to] : [to, from];
    let count = 0;
    for (let d = addDays(lo, 1); compareDates(d, hi) <= 0; d = addDays(d, 1)) {
      if (this.isWorkday(d)) count += 1;
    }
    return sign < 0 ? count : -count;
  }

  /** The holidays and 调休 working days in [from, to], ascending: what a reasoning line mentions. */
  specialDaysBetween(from: CivilDate, to: CivilDate): readonly SpecialDay[] {
    this.#yearData(from, 'from');
    this.#yearData(to, 'to');
    const out: SpecialDay[] = [];
    for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) {
      const special = this.#yearData(d, 'date').get(d);
      if (special !== undefined) out.push(special);
    }
    return out;
  }
}

const NO_SPECIAL_DAYS: ReadonlyMap<CivilDate, SpecialDay> = new Map();

let cached: WorkCalendar | undefined;

/** The calendar from the package data and built-in corrections only (built once). */
export function defaultWorkCalendar(): WorkCalendar {
  cached ??= WorkCalendar.create();
  return cached;
}
