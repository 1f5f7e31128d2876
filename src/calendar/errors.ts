import { DomainError } from '../shared/domainError.ts';

/** A string that is not a real `YYYY-MM-DD` civil date (wrong shape, 2023-02-29, 2024-13-01 …). */
export class InvalidDateError extends DomainError {
  readonly code = 'date.invalid';
  readonly kind = 'invalid-input';
  readonly value: string;

  constructor(value: string, field = 'date', reason = '应为有效的公历日期 YYYY-MM-DD') {
    super(`${field}: 「${value}」不是有效日期（${reason}）`, [{ path: field, rule: 'date.invalid', message: reason }]);
    this.value = value;
  }
}

/**
 * A date before the calendar's horizon (the 2019 条例): no period of this system runs there. (A year after
 * the held ones is not refused: it is counted Monday to Friday and marked provisional, decisions.md #22.)
 */
export class CalendarYearUnknownError extends DomainError {
  readonly code = 'calendar.year_unknown';
  readonly kind = 'invalid-input';
  readonly year: number;
  readonly knownYears: readonly number[];

  constructor(year: number, knownYears: readonly number[], date?: string) {
    const range = describeYears(knownYears);
    const what = date === undefined ? `${year}年` : `${date}（${year}年）`;
    super(
      `工作日历不包含${what}的节假日安排（已知年份：${range}）。` +
        `本系统按2019年修订的《条例》计算期限，不受理更早年份的日期。`,
      [{ path: date === undefined ? 'year' : 'date', rule: 'calendar.year_unknown', message: `unknown year ${year}; known: ${range}` }],
    );
    this.year = year;
    this.knownYears = knownYears;
  }
}

function describeYears(years: readonly number[]): string {
  if (years.length === 0) return '无';
  const parts: string[] = [];
  let start = years[0] as number;
  let prev = start;
  for (const y of years.slice(1)) {
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    parts.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  parts.push(start === prev ? `${start}` : `${start}–${prev}`);
  return parts.join('、');
}
