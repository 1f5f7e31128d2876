/**
 * The State Council's yearly notice, 《国务院办公厅关于YYYY年部分节假日安排的通知》, read from its published
 * text into one calendar year (spec/holiday-notices.md). Every form seen in copies since 2017 is read:
 * either punctuation width, 周X or 星期X, lunar annotations in the date's parenthesis, `放假调休，共N天`,
 * `放假，共N天`, `放假1天，不调休`, `放假，与周末连休`, `M月D日放假，M月D日（星期一）补休`, and make-up working
 * days (`…上班`) listed with `、`. The notice is checked before anything is returned: each 共N天 against its
 * range, every range inside the notice's year, every 上班 day a Saturday or Sunday, no day both off and on,
 * and each written weekday against the calendar (a mismatch means a misread date). Errors name the line.
 *
 * Pure: text in, data out.
 */
import { ValidationError } from '../shared/domainError.ts';
import type { Issue } from '../shared/domainError.ts';
import { addDays, compareDates, daysBetween, isCivilDate, isWeekend, isoWeekday, weekdayLabel } from './civilDate.ts';
import type { CivilDate } from './civilDate.ts';
import type { YearOverride } from './workCalendar.ts';

/** One numbered item of the notice: a festival (or two sharing a rest period) and its days. */
export interface NoticeItem {
  /** 1-based line of the text where the item starts. */
  readonly line: number;
  /** `春节`, or `国庆节、中秋节` when two festivals share the item. */
  readonly name: string;
  readonly holidays: readonly CivilDate[];
  readonly workdays: readonly CivilDate[];
  /** The `共N天` the item states, when it states one. */
  readonly statedDays: number | null;
}

export interface HolidayNotice {
  readonly year: number;
  /** The document number (国办发明电〔2025〕7号) when the text carries it, else the notice's title. */
  readonly source: string;
  readonly items: readonly NoticeItem[];
  /** The year as the calendar stores it (festival → days off / weekend days worked). */
  readonly override: YearOverride;
}

const WHAT = '节假日安排通知';

const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const WEEKDAY_NUMBERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/** Full-width forms → ASCII, so that either punctuation width reads the same. Lengths are kept (lines stay). */
function normalise(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\r\n?/g, '\n');
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text[i] === '\n') line += 1;
  return line;
}

/** A Chinese numeral of an item (一 … 十二). */
function itemNumber(numeral: string): number | undefined {
  if (numeral.length === 1) return CN_DIGITS[numeral];
  if (numeral.startsWith('十')) return 10 + (CN_DIGITS[numeral.slice(1)] ?? Number.NaN);
  return undefined;
}

function findYear(text: string): { year: number; title: string } | undefined {
  const title = /国务院办公厅关于\s*(\d{4})\s*年部分节假日安排的通知/.exec(text);
  if (title !== null) return { year: Number(title[1]), title: `《国务院办公厅关于${title[1]}年部分节假日安排的通知》` };
  const loose = /(\d{4})\s*年\s*(?:部分)?节假日安排/.exec(text);
  if (loose !== null) return { year: Number(loose[1]), title: `《国务院办公厅关于${loose[1]}年部分节假日安排的通知》` };
  return undefined;
}

/** A date as written: `2月4日`, `6日`, `2024年12月29日`, with what its parenthesis says. */
interface WrittenDate {
  readonly index: number;
  readonly text: string;
  readonly year: number | undefined;
  readonly month: number | undefined;
  readonly day: number;
  /** 1 = Monday … 7 = Sunday, when the parenthesis names a weekday. */
  readonly weekday: number | undefined;
  readonly weekdayText: string | undefined;
}

const DATE_RE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*\(([^()]*)\))?/g;

function writtenDates(sentence: string): WrittenDate[] {
  const out: WrittenDate[] = [];
  for (const m of sentence.matchAll(DATE_RE)) {
    const paren = m[4] ?? '';
    const wd = /(?:周|星期)([一二三四五六日天])/.exec(paren);
    out.push({
      index: m.index,
      text: m[0],
      year: m[1] === undefined ? undefined : Number(m[1]),
      month: m[2] === undefined ? undefined : Number(m[2]),
      day: Number(m[3]),
      weekday: wd === null ? undefined : WEEKDAY_NUMBERS[wd[1] as string],
      weekdayText: wd === null ? undefined : wd[0],
    });
  }
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * An item's text: its first line and the lines after it that still speak of days (a copy may wrap an
 * item); the item ends at the first line that does not (the duty paragraph, the signature).
 */
function itemBody(rest: string): string {
  const lines = rest.split('\n');
  const kept = [lines[0] ?? ''];
  for (const l of lines.slice(1)) {
    if (!/\d\s*日|上班|放假|补休/.test(l) || /国务院办公厅|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/.test(l.trim())) break;
    kept.push(l);
  }
  return kept.join('\n');
}

/** Reads a notice's text; ValidationError lists every problem with its line and rule. */
export function parseHolidayNotice(input: string): HolidayNotice {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new ValidationError(WHAT, [{ path: 'text', rule: 'required', message: '通知正文为空' }]);
  }
  const text = normalise(input);
  const issues: Issue[] = [];
  const found = findYear(text);
  if (found === undefined) {
    throw new ValidationError(WHAT, [
      { path: 'text', rule: 'notice.year_missing', message: '未找到通知所属年份：应含标题《国务院办公厅关于YYYY年部分节假日安排的通知》' },
    ]);
  }
  const { year } = found;
  const docNo = /国办发明电\s*[〔[(]\s*(\d{4})\s*[〕\])]\s*(\d+)\s*号/.exec(text);
  const source = docNo !== null ? `国办发明电〔${docNo[1]}〕${docNo[2]}号` : found.title;

  // Items: `一、元旦:` … at a line start or after a sentence end (copies that run items together).
  const itemRe = /(?:^|\n|(?<=[。;]))[ \t]*([一二三四五六七八九十]{1,2})、\s*([^:\n。]{1,20}?)\s*:/g;
  const starts = [...text.matchAll(itemRe)].map((m) => ({ index: m.index, numeral: m[1] as string, names: (m[2] as string).trim(), headerEnd: m.index + m[0].length }));
  if (starts.length === 0) {
    throw new ValidationError(WHAT, [{ path: 'text', rule: 'notice.no_items', message: '未找到「一、元旦：……」形式的放假安排条目' }]);
  }

  const items: NoticeItem[] = [];
  const dayOwner = new Map<CivilDate, { kind: 'holiday' | 'workday'; line: number; name: string }>();
  starts.forEach((start, k) => {
    const line = lineAt(text, start.headerEnd);
    const at = (rule: string, message: string): void => {
      issues.push({ path: `第${line}行`, rule, message });
    };
    const expected = k + 1;
    if (itemNumber(start.numeral) !== expected) at('notice.item_order', `条目序号「${start.numeral}、」应为第${expected}项`);
    const name = start.names.replace(/\s+/g, '').replace(/,/g, '、');
    const next = starts[k + 1];
    const body = itemBody(text.slice(start.headerEnd, next === undefined ? text.length : next.index));

    const holidays: CivilDate[] = [];
    const workdays: CivilDate[] = [];
    let statedDays: number | null = null;
    let month: number | undefined;

    const resolve = (w: WrittenDate): CivilDate | undefined => {
      const m = w.month ?? month;
      if (m === undefined) {
        at('notice.date_month_missing', `「${w.text}」没有月份`);
        return undefined;
      }
      month = m;
      const y = w.year ?? year;
      const date = `${y}-${pad(m)}-${pad(w.day)}`;
      if (!isCivilDate(date)) {
        at('notice.date_invalid', `「${w.text}」不是有效日期`);
        return undefined;
      }
      if (w.weekday !== undefined && isoWeekday(date) !== w.weekday) {
        at('notice.weekday_mismatch', `「${w.text}」写作${w.weekdayText}，但${date}是${weekdayLabel(date)}（日期或星期有误）`);
      }
      return date;
    };

    for (const sentence of body.split(/[。;]/)) {
      if (sentence.trim() === '') continue;
      const dates = writtenDates(sentence);
      const isWork = /上班/.test(sentence);
      if (isWork) {
        for (const w of dates) {
          const date = resolve(w);
          if (date === undefined) continue;
          if (!isWeekend(date)) {
            at('notice.workday_not_weekend', `${date}（${weekdayLabel(date)}）被列为调休上班日，但调休上班日应为周六或周日`);
            continue;
          }
          workdays.push(date);
        }
        continue;
      }
      if (!/放假|补休/.test(sentence)) {
        if (dates.length > 0) at('notice.sentence_unknown', `无法识别的安排：「${sentence.trim()}」`);
        continue;
      }
      const stated = /共\s*(\d+)\s*天/.exec(sentence);
      let sentenceDays = 0;
      for (let i = 0; i < dates.length; i += 1) {
        const w = dates[i] as WrittenDate;
        const from = resolve(w);
        const following = dates[i + 1];
        const between = following === undefined ? '' : sentence.slice(w.index + w.text.length, following.index);
        if (following !== undefined && /^\s*(?:至|-|—|~)\s*$/.test(between)) {
          const to = resolve(following);
          i += 1;
          if (from === undefined || to === undefined) continue;
          if (compareDates(from, to) > 0) {
            at('notice.range_reversed', `${from}至${to}：起日晚于止日`);
            continue;
          }
          for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) holidays.push(d);
          sentenceDays += daysBetween(from, to) + 1;
        } else if (from !== undefined) {
          holidays.push(from);
          sentenceDays += 1;
        }
      }
      if (stated !== null) {
        statedDays = Number(stated[1]);
        if (statedDays !== sentenceDays) at('notice.count_mismatch', `写明「共${statedDays}天」，但所列日期共${sentenceDays}天`);
      } else {
        // `放假1天，不调休`: the count comes before the comma.
        const single = /放假\s*(\d+)\s*天/.exec(sentence);
        if (single !== null) {
          statedDays = Number(single[1]);
          if (statedDays !== sentenceDays) at('notice.count_mismatch', `写明「放假${statedDays}天」，但所列日期共${sentenceDays}天`);
        }
      }
    }

    if (holidays.length === 0) at('notice.item_empty', `「${name}」条目中没有找到放假日期`);
    for (const d of holidays) {
      if (Number(d.slice(0, 4)) !== year) at('notice.other_year', `${d}不在${year}年内（跨年的假期属于各自年份的通知）`);
    }
    for (const d of workdays) {
      if (Number(d.slice(0, 4)) !== year) at('notice.other_year', `调休上班日${d}不在${year}年内，无法载入${year}年日历`);
    }
    for (const [kind, list] of [
      ['holiday', holidays],
      ['workday', workdays],
    ] as const) {
      for (const d of list) {
        const owner = dayOwner.get(d);
        if (owner !== undefined && owner.kind !== kind) {
          at('notice.day_conflict', `${d}同时被列为放假日（${owner.kind === 'holiday' ? `第${owner.line}行` : `第${line}行`}）和上班日`);
        } else if (owner !== undefined && owner.name !== name) {
          at('notice.day_repeated', `${d}已在第${owner.line}行「${owner.name}」中列出`);
        } else {
          dayOwner.set(d, { kind, line, name });
        }
      }
    }
    items.push({ line, name, holidays: [...new Set(holidays)], workdays: [...new Set(workdays)], statedDays });
  });

  if (issues.length > 0) throw new ValidationError(WHAT, issues);
  const holidaysByName: Record<string, string[]> = {};
  const workdaysByName: Record<string, string[]> = {};
  for (const item of items) {
    holidaysByName[item.name] = [...(holidaysByName[item.name] ?? []), ...item.holidays];
    if (item.workdays.length > 0) workdaysByName[item.name] = [...(workdaysByName[item.name] ?? []), ...item.workdays];
  }
  return { year, source, items, override: { source, holidays: holidaysByName, workdays: workdaysByName } };
}
