/**
 * Expected values are written by hand from the State Council notices (国务院办公厅关于YYYY年部分节假日安排
 * 的通知), never produced by the code under test:
 *   2019 国办发明电〔2018〕15号, Labour Day as changed by 国办发明电〔2019〕2号 (5月1日至4日, 4/28 and 5/5 worked)
 *   2020 国办发明电〔2019〕16号, Spring Festival extended to 2月2日 by 国办发明电〔2020〕1号 (2/1 no longer worked)
 *   2021 国办发明电〔2020〕27号 · 2022 国办发明电〔2021〕11号 · 2023 国办发明电〔2022〕16号
 *   2024 国办发明电〔2023〕7号 · 2025 国办发明电〔2024〕12号 · 2026 国办发明电〔2025〕7号 (law.md §5)
 * Each period: the whole rest block (holidays plus the weekend days joined to them, 与周末连休), the last
 * working day before it and the first after it (a 调休 weekend day where the notice makes one), and the
 * weekend days worked for it, with their weekday as the notice prints it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../shared/domainError.ts';
import { addDays, compareDates, isoWeekday, weekdayLabel } from './civilDate.ts';
import { CalendarYearUnknownError, InvalidDateError } from './errors.ts';
import { WorkCalendar, defaultWorkCalendar } from './workCalendar.ts';

interface Period {
  name: string;
  off: [string, string];
  /** null when that day lies before 2019, outside the calendar's horizon. */
  before: string | null;
  after: string;
  /** 调休 working days: date and the weekday the notice names. */
  makeup: [string, '星期六' | '星期日'][];
}

const NOTICES: Record<number, Period[]> = {
  2019: [
    { name: '元旦', off: ['2019-01-01', '2019-01-01'], before: null, after: '2019-01-02', makeup: [] },
    { name: '春节', off: ['2019-02-04', '2019-02-10'], before: '2019-02-03', after: '2019-02-11', makeup: [['2019-02-02', '星期六'], ['2019-02-03', '星期日']] },
    { name: '清明节', off: ['2019-04-05', '2019-04-07'], before: '2019-04-04', after: '2019-04-08', makeup: [] },
    { name: '劳动节', off: ['2019-05-01', '2019-05-04'], before: '2019-04-30', after: '2019-05-05', makeup: [['2019-04-28', '星期日'], ['2019-05-05', '星期日']] },
    { name: '端午节', off: ['2019-06-07', '2019-06-09'], before: '2019-06-06', after: '2019-06-10', makeup: [] },
    { name: '中秋节', off: ['2019-09-13', '2019-09-15'], before: '2019-09-12', after: '2019-09-16', makeup: [] },
    { name: '国庆节', off: ['2019-10-01', '2019-10-07'], before: '2019-09-30', after: '2019-10-08', makeup: [['2019-09-29', '星期日'], ['2019-10-12', '星期六']] },
  ],
  2020: [
    { name: '元旦', off: ['2020-01-01', '2020-01-01'], before: '2019-12-31', after: '2020-01-02', makeup: [] },
    { name: '春节（延长至2月2日）', off: ['2020-01-24', '2020-02-02'], before: '2020-01-23', after: '2020-02-03', makeup: [['2020-01-19', '星期日']] },
    { name: '清明节', off: ['2020-04-04', '2020-04-06'], before: '2020-04-03', after: '2020-04-07', makeup: [] },
    { name: '劳动节', off: ['2020-05-01', '2020-05-05'], before: '2020-04-30', after: '2020-05-06', makeup: [['2020-04-26', '星期日'], ['2020-05-09', '星期六']] },
    { name: '端午节', off: ['2020-06-25', '2020-06-27'], before: '2020-06-24', after: '2020-06-28', makeup: [['2020-06-28', '星期日']] },
    { name: '国庆节、中秋节', off: ['2020-10-01', '2020-10-08'], before: '2020-09-30', after: '2020-10-09', makeup: [['2020-09-27', '星期日'], ['2020-10-10', '星期六']] },
  ],
  2021: [
    { name: '元旦', off: ['2021-01-01', '2021-01-03'], before: '2020-12-31', after: '2021-01-04', makeup: [] },
    { name: '春节', off: ['2021-02-11', '2021-02-17'], before: '2021-02-10', after: '2021-02-18', makeup: [['2021-02-07', '星期日'], ['2021-02-20', '星期六']] },
    { name: '清明节', off: ['2021-04-03', '2021-04-05'], before: '2021-04-02', after: '2021-04-06', makeup: [] },
    { name: '劳动节', off: ['2021-05-01', '2021-05-05'], before: '2021-04-30', after: '2021-05-06', makeup: [['2021-04-25', '星期日'], ['2021-05-08', '星期六']] },
    { name: '端午节', off: ['2021-06-12', '2021-06-14'], before: '2021-06-11', after: '2021-06-15', makeup: [] },
    { name: '中秋节', off: ['2021-09-19', '2021-09-21'], before: '2021-09-18', after: '2021-09-22', makeup: [['2021-09-18', '星期六']] },
    { name: '国庆节', off: ['2021-10-01', '2021-10-07'], before: '2021-09-30', after: '2021-10-08', makeup: [['2021-09-26', '星期日'], ['2021-10-09', '星期六']] },
  ],
  2022: [
    { name: '元旦', off: ['2022-01-01', '2022-01-03'], before: '2021-12-31', after: '2022-01-04', makeup: [] },
    { name: '春节', off: ['2022-01-31', '2022-02-06'], before: '2022-01-30', after: '2022-02-07', makeup: [['2022-01-29', '星期六'], ['2022-01-30', '星期日']] },
    { name: '清明节', off: ['2022-04-03', '2022-04-05'], before: '2022-04-02', after: '2022-04-06', makeup: [['2022-04-02', '星期六']] },
    { name: '劳动节', off: ['2022-04-30', '2022-05-04'], before: '2022-04-29', after: '2022-05-05', makeup: [['2022-04-24', '星期日'], ['2022-05-07', '星期六']] },
    { name: '端午节', off: ['2022-06-03', '2022-06-05'], before: '2022-06-02', after: '2022-06-06', makeup: [] },
    { name: '中秋节', off: ['2022-09-10', '2022-09-12'], before: '2022-09-09', after: '2022-09-13', makeup: [] },
    { name: '国庆节', off: ['2022-10-01', '2022-10-07'], before: '2022-09-30', after: '2022-10-08', makeup: [['2022-10-08', '星期六'], ['2022-10-09', '星期日']] },
  ],
  2023: [
    { name: '元旦（2022-12-31 起）', off: ['2022-12-31', '2023-01-02'], before: '2022-12-30', after: '2023-01-03', makeup: [] },
    { name: '春节', off: ['2023-01-21', '2023-01-27'], before: '2023-01-20', after: '2023-01-28', makeup: [['2023-01-28', '星期六'], ['2023-01-29', '星期日']] },
    { name: '清明节', off: ['2023-04-05', '2023-04-05'], before: '2023-04-04', after: '2023-04-06', makeup: [] },
    { name: '劳动节', off: ['2023-04-29', '2023-05-03'], before: '2023-04-28', after: '2023-05-04', makeup: [['2023-04-23', '星期日'], ['2023-05-06', '星期六']] },
    { name: '端午节', off: ['2023-06-22', '2023-06-24'], before: '2023-06-21', after: '2023-06-25', makeup: [['2023-06-25', '星期日']] },
    { name: '中秋节、国庆节', off: ['2023-09-29', '2023-10-06'], before: '2023-09-28', after: '2023-10-07', makeup: [['2023-10-07', '星期六'], ['2023-10-08', '星期日']] },
  ],
  2024: [
    { name: '元旦', off: ['2023-12-30', '2024-01-01'], before: '2023-12-29', after: '2024-01-02', makeup: [] },
    // 2月9日（除夕） is only "encouraged" rest: still a working day.
    { name: '春节', off: ['2024-02-10', '2024-02-17'], before: '2024-02-09', after: '2024-02-18', makeup: [['2024-02-04', '星期日'], ['2024-02-18', '星期日']] },
    { name: '清明节', off: ['2024-04-04', '2024-04-06'], before: '2024-04-03', after: '2024-04-07', makeup: [['2024-04-07', '星期日']] },
    { name: '劳动节', off: ['2024-05-01', '2024-05-05'], before: '2024-04-30', after: '2024-05-06', makeup: [['2024-04-28', '星期日'], ['2024-05-11', '星期六']] },
    { name: '端午节', off: ['2024-06-08', '2024-06-10'], before: '2024-06-07', after: '2024-06-11', makeup: [] },
    { name: '中秋节', off: ['2024-09-15', '2024-09-17'], before: '2024-09-14', after: '2024-09-18', makeup: [['2024-09-14', '星期六']] },
    { name: '国庆节', off: ['2024-10-01', '2024-10-07'], before: '2024-09-30', after: '2024-10-08', makeup: [['2024-09-29', '星期日'], ['2024-10-12', '星期六']] },
  ],
  2025: [
    { name: '元旦', off: ['2025-01-01', '2025-01-01'], before: '2024-12-31', after: '2025-01-02', makeup: [] },
    { name: '春节', off: ['2025-01-28', '2025-02-04'], before: '2025-01-27', after: '2025-02-05', makeup: [['2025-01-26', '星期日'], ['2025-02-08', '星期六']] },
    { name: '清明节', off: ['2025-04-04', '2025-04-06'], before: '2025-04-03', after: '2025-04-07', makeup: [] },
    { name: '劳动节', off: ['2025-05-01', '2025-05-05'], before: '2025-04-30', after: '2025-05-06', makeup: [['2025-04-27', '星期日']] },
    { name: '端午节', off: ['2025-05-31', '2025-06-02'], before: '2025-05-30', after: '2025-06-03', makeup: [] },
    { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], before: '2025-09-30', after: '2025-10-09', makeup: [['2025-09-28', '星期日'], ['2025-10-11', '星期六']] },
  ],
  2026: [
    { name: '元旦', off: ['2026-01-01', '2026-01-03'], before: '2025-12-31', after: '2026-01-04', makeup: [['2026-01-04', '星期日']] },
    { name: '春节', off: ['2026-02-15', '2026-02-23'], before: '2026-02-14', after: '2026-02-24', makeup: [['2026-02-14', '星期六'], ['2026-02-28', '星期六']] },
    { name: '清明节', off: ['2026-04-04', '2026-04-06'], before: '2026-04-03', after: '2026-04-07', makeup: [] },
    { name: '劳动节', off: ['2026-05-01', '2026-05-05'], before: '2026-04-30', after: '2026-05-06', makeup: [['2026-05-09', '星期六']] },
    { name: '端午节', off: ['2026-06-19', '2026-06-21'], before: '2026-06-18', after: '2026-06-22', makeup: [] },
    { name: '中秋节', off: ['2026-09-25', '2026-09-27'], before: '2026-09-24', after: '2026-09-28', makeup: [] },
    { name: '国庆节', off: ['2026-10-01', '2026-10-07'], before: '2026-09-30', after: '2026-10-08', makeup: [['2026-09-20', '星期日'], ['2026-10-10', '星期六']] },
  ],
};

function daysIn(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) out.push(d);
  return out;
}

const cal = defaultWorkCalendar();

describe('the official calendar, period by period (2019–2026)', () => {
  for (const [year, periods] of Object.entries(NOTICES)) {
    describe(year, () => {
      for (const p of periods) {
        it(`${p.name}: ${p.off[0]}…${p.off[1]} off; edges ${p.before ?? '—'} / ${p.after}`, () => {
          for (const d of daysIn(p.off[0], p.off[1])) assert.equal(cal.isWorkday(d), false, `${d} should be off`);
          if (p.before !== null) {
            assert.equal(cal.isWorkday(p.before), true, `${p.before} (last before) should be worked`);
            for (const d of daysIn(addDays(p.before, 1), addDays(p.off[0], -1))) assert.equal(cal.isWorkday(d), false, `${d} is a weekend between`);
            assert.equal(cal.addWorkdays(p.before, 1), p.after, 'one working day after the last day before is the first day after');
            assert.equal(cal.workdaysBetween(p.before, p.after), 1);
          }
          assert.equal(cal.isWorkday(p.after), true, `${p.after} (first after) should be worked`);
          for (const [d, wd] of p.makeup) {
            assert.equal(weekdayLabel(d), wd, `${d} weekday as printed in the notice`);
            assert.equal(cal.isWorkday(d), true, `${d} is a 调休 working day`);
          }
        });
      }
      it(`every day of ${year}: weekday holidays and weekend working days are exactly the notice's`, () => {
        const offWeekdays = new Set<string>();
        const workedWeekends = new Set<string>();
        for (const p of periods) {
          for (const d of daysIn(p.off[0], p.off[1])) if (isoWeekday(d) <= 5) offWeekdays.add(d);
          for (const [d] of p.makeup) workedWeekends.add(d);
        }
        for (const d of daysIn(`${year}-01-01`, `${year}-12-31`)) {
          const weekend = isoWeekday(d) >= 6;
          const expected = weekend ? workedWeekends.has(d) : !offWeekdays.has(d);
          assert.equal(cal.isWorkday(d), expected, d);
        }
      });
    });
  }
  it('the 2020 Spring Festival extension: 2020-02-01 (a Saturday once to be worked) is a rest day', () => {
    assert.equal(cal.isWorkday('2020-02-01'), false);
    assert.equal(cal.isWorkday('2020-01-31'), false);
    // Mon 2020-01-20 + 5: 21, 22, 23, then 2/3, 2/4 (would be 2/3 had 2/1 stayed a working Saturday).
    assert.equal(cal.addWorkdays('2020-01-20', 5), '2020-02-04');
  });
});

describe('counting working days', () => {
  it('the reference case: received Mon 2020-09-28', () => {
    // 9/29 1, 9/30 2, (10/1–10/8 off), 10/9 3, 10/10 Sat 4, 10/12 5 … 10/14 7 … 10/30 19, 11/2 20
    assert.equal(cal.addWorkdays('2020-09-28', 7), '2020-10-14');
    assert.equal(cal.addWorkdays('2020-09-28', 20), '2020-11-02');
    assert.equal(cal.workdaysBetween('2020-09-28', '2020-11-02'), 20);
    assert.equal(cal.workdaysBetween('2020-11-02', '2020-09-28'), -20);
    assert.equal(cal.addWorkdays('2020-11-02', -20), '2020-09-28');
  });
  it('n = 0 is the day itself, a weekend start counts from the next working day', () => {
    assert.equal(cal.addWorkdays('2021-05-01', 0), '2021-05-01');
    assert.equal(cal.addWorkdays('2021-05-01', 1), '2021-05-06');
    assert.equal(cal.workdaysBetween('2021-05-01', '2021-05-05'), 0);
    assert.equal(cal.workdaysBetween('2021-05-03', '2021-05-03'), 0);
  });
  it('crosses year boundaries', () => {
    assert.equal(cal.addWorkdays('2020-12-31', 1), '2021-01-04');
    assert.equal(cal.addWorkdays('2022-12-30', 1), '2023-01-03');
    assert.equal(cal.addWorkdays('2023-12-29', 1), '2024-01-02');
    assert.equal(cal.addWorkdays('2025-12-31', 1), '2026-01-04');
    // 2019-12-31 Tue → 1/2 Thu 1, 1/3 Fri 2, 1/6 Mon 3
    assert.equal(cal.addWorkdays('2019-12-31', 3), '2020-01-06');
    assert.equal(cal.workdaysBetween('2021-12-31', '2022-01-07'), 4);
  });
  it('refuses dates before the 2019 条例', () => {
    for (const f of [() => cal.isWorkday('2018-12-31'), () => cal.addWorkdays('2019-01-02', -2), () => cal.workdaysBetween('2018-12-01', '2019-01-15')]) {
      assert.throws(f, (e: unknown) => e instanceof CalendarYearUnknownError && e.code === 'calendar.year_unknown' && e.kind === 'invalid-input');
    }
  });
  it('counts a year it does not hold Monday to Friday, and says so (decisions.md #22)', () => {
    assert.deepEqual(cal.knownYears(), [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    assert.equal(cal.isKnownYear(2027), false);
    assert.equal(cal.isProvisional('2027-01-04'), true);
    assert.equal(cal.isProvisional('2026-12-31'), false);
    assert.equal(cal.isWorkday('2027-01-01'), true); // a Friday: no notice loaded, so not known as 元旦
    assert.equal(cal.isWorkday('2027-01-02'), false); // Saturday
    assert.equal(cal.addWorkdays('2026-12-31', 1), '2027-01-01');
    assert.equal(cal.workdaysBetween('2026-12-01', '2027-01-15'), 33); // 22 in December + 11 in January
    assert.deepEqual(cal.dayInfo('2027-01-04'), { date: '2027-01-04', weekday: '星期一', workday: true, provisional: true });
    assert.deepEqual(cal.provisionalYearsBetween('2026-12-01', '2028-03-01'), [2027, 2028]);
    assert.deepEqual(cal.provisionalYearsBetween('2026-12-01', '2026-12-31'), []);
  });
  it('rejects impossible dates and non-integer counts', () => {
    assert.throws(() => cal.isWorkday('2023-02-29'), InvalidDateError);
    assert.throws(() => cal.addWorkdays('2023-02-28', 1.5), ValidationError);
  });
  it('names the special days in a range', () => {
    const s = cal.specialDaysBetween('2020-09-26', '2020-10-11');
    assert.deepEqual(s.map((d) => [d.date, d.kind]), [
      ['2020-09-27', 'workday'],
      ['2020-10-01', 'holiday'], ['2020-10-02', 'holiday'], ['2020-10-03', 'holiday'], ['2020-10-04', 'holiday'],
      ['2020-10-05', 'holiday'], ['2020-10-06', 'holiday'], ['2020-10-07', 'holiday'], ['2020-10-08', 'holiday'],
      ['2020-10-10', 'workday'],
    ]);
    assert.equal(cal.dayInfo('2020-10-10').special?.name, '国庆节');
    assert.equal(cal.dayInfo('2020-10-12').special, undefined);
  });
});

describe('overrides', () => {
  // A made-up 2027 arrangement, only to exercise the format.
  const y2027 = {
    years: {
      '2027': {
        source: '国办发明电〔2026〕X号（测试数据）',
        holidays: { 元旦: ['2027-01-01/2027-01-03'], 春节: ['2027-02-06/2027-02-14'] },
        workdays: { 春节: ['2027-02-20'] },
      },
    },
  };
  it('a whole declared year extends the horizon', () => {
    const c = WorkCalendar.create(y2027);
    assert.deepEqual(c.knownYears(), [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    assert.equal(c.isWorkday('2027-01-01'), false); // Fri
    assert.equal(c.isWorkday('2027-01-04'), true); // Mon
    assert.equal(c.isWorkday('2027-02-08'), false); // Mon in the range
    assert.equal(c.isWorkday('2027-02-20'), true); // Sat worked
    // Thu 2026-12-31 → 1/4 Mon
    assert.equal(c.addWorkdays('2026-12-31', 1), '2027-01-04');
    assert.equal(c.dayInfo('2027-02-20').special?.source, '国办发明电〔2026〕X号（测试数据）');
    assert.equal(c.yearSource(2027), 'installation');
    assert.equal(c.yearSource(2026), 'package');
    assert.equal(c.isProvisional('2028-01-03'), true);
  });
  it('a declared year replaces the package data for that year', () => {
    const c = WorkCalendar.create({ years: { '2026': { holidays: { 元旦: ['2026-01-01'] }, workdays: {} } } });
    assert.equal(c.isWorkday('2026-01-02'), true);
    assert.equal(c.isWorkday('2026-02-16'), true);
    assert.equal(c.isWorkday('2026-01-04'), false);
    // the shared default is untouched
    assert.equal(defaultWorkCalendar().isWorkday('2026-01-02'), false);
  });
  const bad: [string, unknown, RegExp][] = [
    ['not an object', 42, /years/],
    ['no years', { year: {} }, /years/],
    ['bad year key', { years: { '27': { holidays: { a: ['2027-01-01'] }, workdays: {} } } }, /years\.27/],
    ['impossible date', { years: { '2027': { holidays: { 元旦: ['2027-02-29'] }, workdays: {} } } }, /2027-02-29/],
    ['date of another year', { years: { '2027': { holidays: { 元旦: ['2026-12-31/2027-01-01'] }, workdays: {} } } }, /不在2027年内/],
    ['reversed range', { years: { '2027': { holidays: { 元旦: ['2027-01-03/2027-01-01'] }, workdays: {} } } }, /起日晚于止日/],
    ['weekday as 调休', { years: { '2027': { holidays: { 元旦: ['2027-01-01'] }, workdays: { 春节: ['2027-02-17'] } } } }, /星期三/],
    ['both off and worked', { years: { '2027': { holidays: { 春节: ['2027-02-06/2027-02-14'] }, workdays: { 春节: ['2027-02-13'] } } } }, /同时/],
    ['missing workdays', { years: { '2027': { holidays: { 元旦: ['2027-01-01'] } } } }, /workdays/],
    ['no holidays at all', { years: { '2027': { holidays: {}, workdays: {} } } }, /holidays/],
    ['unknown key', { years: { '2027': { holiday: {}, holidays: { 元旦: ['2027-01-01'] }, workdays: {} } } }, /holiday:/],
    ['not a list', { years: { '2027': { holidays: { 元旦: '2027-01-01' }, workdays: {} } } }, /数组/],
  ];
  for (const [name, value, pattern] of bad) {
    it(`rejects: ${name}`, () => {
      assert.throws(() => WorkCalendar.create(value), (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.equal(e.kind, 'invalid-input');
        assert.match(e.message, pattern);
        return true;
      });
    });
  }
});
