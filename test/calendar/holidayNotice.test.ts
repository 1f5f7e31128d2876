import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ValidationError } from '../../src/shared/domainError.ts';
import { addDays, compareDates } from '../../src/calendar/civilDate.ts';
import { parseHolidayNotice } from '../../src/calendar/holidayNotice.ts';
import { WorkCalendar } from '../../src/calendar/workCalendar.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/holiday-notices/${name}`, import.meta.url), 'utf8');

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The facts of spec/holiday-notices.md, written out as days. */
const FACTS = {
  2017: {
    source: '国办发明电〔2016〕5号',
    holidays: [...range('2017-01-01', '2017-01-02'), ...range('2017-01-27', '2017-02-02'), ...range('2017-04-02', '2017-04-04'), '2017-05-01', ...range('2017-05-28', '2017-05-30'), ...range('2017-10-01', '2017-10-08')],
    workdays: ['2017-01-22', '2017-02-04', '2017-04-01', '2017-05-27', '2017-09-30'],
  },
  2025: {
    source: '国办发明电〔2024〕12号',
    holidays: ['2025-01-01', ...range('2025-01-28', '2025-02-04'), ...range('2025-04-04', '2025-04-06'), ...range('2025-05-01', '2025-05-05'), ...range('2025-05-31', '2025-06-02'), ...range('2025-10-01', '2025-10-08')],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    source: '《国务院办公厅关于2026年部分节假日安排的通知》',
    holidays: [...range('2026-01-01', '2026-01-03'), ...range('2026-02-15', '2026-02-23'), ...range('2026-04-04', '2026-04-06'), ...range('2026-05-01', '2026-05-05'), ...range('2026-06-19', '2026-06-21'), ...range('2026-09-25', '2026-09-27'), ...range('2026-10-01', '2026-10-07')],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
} as const;

function days(override: { holidays: Readonly<Record<string, readonly string[]>>; workdays: Readonly<Record<string, readonly string[]>> }) {
  return {
    holidays: Object.values(override.holidays).flat().sort(),
    workdays: Object.values(override.workdays).flat().sort(),
  };
}

describe('parseHolidayNotice: the three notices of the spec round-trip', () => {
  for (const [year, facts] of Object.entries(FACTS)) {
    test(`${year}`, () => {
      const n = parseHolidayNotice(fixture(`${year}.txt`));
      assert.equal(n.year, Number(year));
      assert.equal(n.source, facts.source);
      assert.deepEqual(days(n.override), { holidays: [...facts.holidays].sort(), workdays: [...facts.workdays].sort() });
    });
  }

  test('2025 and 2026 read from their notices equal the package data for those years', () => {
    const pkg = WorkCalendar.create();
    for (const year of [2025, 2026]) {
      const n = parseHolidayNotice(fixture(`${year}.txt`));
      const fromNotice = WorkCalendar.create({ years: { [year]: n.override } });
      const kinds = (c: WorkCalendar) => c.specialDaysOfYear(year).map((d) => `${d.date}:${d.kind}`);
      assert.deepEqual(kinds(fromNotice), kinds(pkg));
    }
  });

  test('items keep their lines, names and stated counts', () => {
    const n = parseHolidayNotice(fixture('2025.txt'));
    assert.deepEqual(
      n.items.map((i) => [i.line, i.name, i.statedDays]),
      [
        [5, '元旦', 1],
        [6, '春节', 8],
        [7, '清明节', 3],
        [8, '劳动节', 5],
        [9, '端午节', 3],
        [10, '国庆节、中秋节', 8],
      ],
    );
  });

  test('a constructed 2027 notice gives a year the package does not have', () => {
    const n = parseHolidayNotice(fixture('2027-constructed.txt'));
    assert.equal(n.year, 2027);
    const c = WorkCalendar.create({ years: { 2027: n.override } });
    assert.equal(c.isProvisional('2027-02-08'), false);
    assert.equal(c.isWorkday('2027-02-08'), false); // 春节
    assert.equal(c.isWorkday('2027-02-20'), true); // 调休上班 (Saturday)
    assert.equal(c.isWorkday('2027-06-09'), false); // 端午, 1 day
  });
});

describe('parseHolidayNotice: malformed notices are refused with the line and the reason', () => {
  const base = fixture('2026.txt');
  const cases: [string, string, string, string][] = [
    ['a 共N天 that does not match', '至23日（农历正月初七、周一）放假调休，共9天', '至23日（农历正月初七、周一）放假调休，共8天', 'notice.count_mismatch'],
    ['a 上班 day on a weekday', '5月9日（周六）上班', '5月8日（周五）上班', 'notice.workday_not_weekend'],
    ['a wrong weekday next to a date', '6月19日（周五）', '6月19日（周四）', 'notice.weekday_mismatch'],
    ['a range outside the year', '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。', '一、元旦：12月31日（周三）至1月1日（周四）放假调休，共2天。', 'notice.range_reversed'],
    ['a day both off and on', '2月28日（周六）上班', '2月21日（周六）上班', 'notice.day_conflict'],
    ['an invalid date', '6月19日（周五）至21日（周日）', '6月19日（周五）至31日（周日）', 'notice.date_invalid'],
  ];
  for (const [what, from, to, rule] of cases) {
    test(what, () => {
      assert.ok(base.includes(from), from);
      const text = base.replace(from, to);
      const line = text.split('\n').findIndex((l) => l.includes(to.split('\n')[0] as string)) + 1;
      assert.throws(
        () => parseHolidayNotice(text),
        (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.rule === rule && i.path === `第${line}行`),
      );
    });
  }

  test('no year, no items, empty text', () => {
    for (const [text, rule] of [
      ['', 'required'],
      ['一、元旦：1月1日放假，共1天。', 'notice.year_missing'],
      ['国务院办公厅关于2027年部分节假日安排的通知\n各地区要妥善安排。', 'notice.no_items'],
    ] as const) {
      assert.throws(() => parseHolidayNotice(text), (e: unknown) => e instanceof ValidationError && e.issues[0]?.rule === rule, text);
    }
  });
});
