/**
 * The answer clock of 条例 Arts. 30–34 as a ledger: from an application's events, the state of the clock,
 * its due date and each step of the reasoning with its article, in Chinese, so that a clerk can check
 * the due date on a paper calendar. Conventions: spec/decisions.md "Clock conventions".
 *
 * The clock counts working days after an anchor date. `used` holds the days of the current answer
 * period spent before the anchor (closed segments); a pause closes a segment on its start date (that day
 * counts when it is a working day) and a resumption sets the anchor to the day the pause ended. A
 * supplemented application starts a new period: `used` goes back to 0.
 */
import { addDays, compareDates, formatChineseDate, yearOf } from '../../calendar/civilDate.ts';
import type { CivilDate } from '../../calendar/civilDate.ts';
import type { SpecialDay, WorkCalendar } from '../../calendar/workCalendar.ts';
import { ValidationError } from '../../shared/domainError.ts';
import { DeadlineEventRejectedError, EventsOutOfOrderError, UnknownEventKindError } from './errors.ts';
import { CHANNELS, EVENT_KINDS, isClockEventKind, receiptRule } from './events.ts';
import type { Channel, ClockEvent } from './events.ts';
import { DEFAULT_DEADLINE_SETTINGS, DEFAULT_SUPPLEMENT_PERIOD_DAYS, MIN_SUPPLEMENT_PERIOD_DAYS } from './settings.ts';
import type { DeadlineSettings } from './settings.ts';

export type ClockState = 'running' | 'paused' | 'answered' | 'closed' | 'awaiting-supplement';

/** One line of the reasoning: the day it concerns, the rule applied, and what it did, in Chinese. */
export interface ClockStep {
  readonly date: CivilDate;
  readonly article: string;
  readonly text: string;
}

/** A stretch of counted working days: `first` is the 1st counted day, `last` the last, both inclusive. */
export interface ClockSegment {
  readonly first: CivilDate;
  readonly last: CivilDate;
  readonly days: number;
}

export type PauseKind = 'third-party' | 'agency-consultation' | 'fee';

export interface ClockResult {
  readonly state: ClockState;
  readonly receivedOn: CivilDate;
  readonly channel: Channel;
  /** The last day to answer; null while the clock stands still or after the case ended. */
  readonly due: CivilDate | null;
  /** The last day to send a 补正 notice (Art. 30), counted from the receipt date. */
  readonly supplementNoticeDue: CivilDate;
  /** A 补正 notice was sent after the 7th working day (逾期告知补正, decisions.md #21). */
  readonly supplementNoticeLate: boolean;
  /** Working days of the current answer period used, as of `asOf` (or the last event). */
  readonly daysUsed: number;
  /** The period's length less the days used; negative when overdue; null while awaiting a 补正. */
  readonly daysRemaining: number | null;
  /** The current period's length: answerDays plus any extension. */
  readonly periodDays: number;
  readonly extended: boolean;
  /** True when `asOf` (or the answer) lies after the due date. */
  readonly overdue: boolean;
  readonly answeredOn: CivilDate | null;
  /** Set when the case ended without an answer: the table-3 outcome it counts under. */
  readonly closedAs: 'other.no_supplement' | 'other.unpaid_fee' | null;
  /** Open consultations or fee notice, with the earliest day their reply or payment period can end. */
  readonly openPauses: readonly { readonly kind: PauseKind; readonly since: CivilDate; readonly periodEndsNoEarlierThan: CivilDate }[];
  /** The counted stretches of the current period, up to the due date when running. */
  readonly segments: readonly ClockSegment[];
  readonly asOf: CivilDate;
  readonly steps: readonly ClockStep[];
  /**
   * True when a date of this clock was counted in a year whose holiday arrangement is not loaded (its days
   * counted Monday to Friday): the due date and every period end are 暂定 (decisions.md #22), and nothing
   * final (overdue, a lapse) is concluded from them.
   */
  readonly provisional: boolean;
  /** The years counted Monday to Friday, ascending (empty when not provisional). */
  readonly provisionalYears: readonly number[];
  /** Overdue by the provisional due date; `overdue` stays false until the year is loaded. */
  readonly provisionallyOverdue: boolean;
}

export interface ComputeClockOptions {
  /** The day to report days used for (e.g. today); not before the last event. */
  readonly asOf?: CivilDate;
}

const A = {
  receipt: '《条例》第三十一条',
  supplement: '《条例》第三十条',
  onTheSpot: '《条例》第三十三条第一款',
  answer: '《条例》第三十三条第二款',
  extension: '《条例》第三十三条第二款',
  consultationNotCounted: '《条例》第三十三条第三款',
  thirdParty: '《条例》第三十二条、第三十三条第三款',
  agency: '《条例》第三十四条、第三十三条第三款',
  fee: '《条例》第四十二条、国办函〔2020〕109号',
  reopened: '行政复议决定、人民法院裁判（结果纠正）；《条例》第三十三条第二款',
  art35: '《条例》第三十五条',
  civilCode: '《民法典》第二百零一条',
  setting: '本机关设置',
  provisional: '国务院办公厅年度节假日安排通知（尚未载入）',
} as const;

/**
 * The calendar as the clock sees it: every query goes through, and the years it walked over that are
 * not loaded are noted, so the result can say exactly when it is provisional.
 */
class CountingCalendar {
  readonly provisionalYears = new Set<number>();
  readonly #calendar: WorkCalendar;

  constructor(calendar: WorkCalendar) {
    this.#calendar = calendar;
  }

  #note(a: CivilDate, b: CivilDate): void {
    for (const y of this.#calendar.provisionalYearsBetween(a, b)) this.provisionalYears.add(y);
  }

  /** Whether a walk between the two dates touches a year not loaded. */
  touchesProvisional(a: CivilDate, b: CivilDate): boolean {
    return this.#calendar.provisionalYearsBetween(a, b).length > 0;
  }

  addWorkdays(date: CivilDate, n: number): CivilDate {
    const out = this.#calendar.addWorkdays(date, n);
    this.#note(date, out);
    return out;
  }

  workdaysBetween(from: CivilDate, to: CivilDate): number {
    this.#note(from, to);
    return this.#calendar.workdaysBetween(from, to);
  }

  isWorkday(date: CivilDate): boolean {
    this.#note(date, date);
    return this.#calendar.isWorkday(date);
  }

  specialDaysBetween(from: CivilDate, to: CivilDate): readonly SpecialDay[] {
    this.#note(from, to);
    return this.#calendar.specialDaysBetween(from, to);
  }
}

function yearsText(years: Iterable<number>): string {
  return [...years].map((y) => `${y}年`).join('、');
}

const PAUSE_LABELS = {
  'third-party': { name: '第三方征求意见', reply: '第三方意见', article: A.thirdParty },
  'agency-consultation': { name: '征求其他机关意见', reply: '其他机关意见', article: A.agency },
  fee: { name: '收费通知', reply: '缴费', article: A.fee },
} as const satisfies Record<PauseKind, { name: string; reply: string; article: string }>;

interface OpenPause {
  readonly since: CivilDate;
  readonly periodEndsNoEarlierThan: CivilDate;
  /** Whether this open item stops the clock (a fee notice may not, by setting). */
  readonly stops: boolean;
}

function d(date: CivilDate): string {
  return formatChineseDate(date);
}

function md(date: CivilDate, refYear: number): string {
  const [y, m, day] = date.split('-').map(Number);
  return y === refYear ? `${m}月${day}日` : `${y}年${m}月${day}日`;
}

/** `国庆节放假（10月1日至10月8日）不计；10月10日（星期六）调休上班计入` for the days in [first, last]. */
function describeSpecialDays(days: readonly SpecialDay[], refYear: number): string {
  const parts: string[] = [];
  let i = 0;
  while (i < days.length) {
    const start = days[i] as SpecialDay;
    let end = start;
    while (i + 1 < days.length) {
      const next = days[i + 1] as SpecialDay;
      if (next.kind !== start.kind || next.name !== start.name || next.date !== addDays(end.date, 1)) break;
      end = next;
      i += 1;
    }
    if (start.kind === 'holiday') {
      const span = start.date === end.date ? md(start.date, refYear) : `${md(start.date, refYear)}至${md(end.date, refYear)}`;
      parts.push(`${start.name}放假（${span}）不计`);
    } else {
      for (let x = start.date; compareDates(x, end.date) <= 0; x = addDays(x, 1)) {
        parts.push(`${md(x, refYear)}（${formatChineseDate(x).split('（')[1]?.replace('）', '')}）${start.name}调休上班计入`);
      }
    }
    i += 1;
  }
  return parts.join('；');
}

function validateEvent(raw: ClockEvent, index: number): void {
  if (typeof raw !== 'object' || raw === null || typeof raw.kind !== 'string') {
    throw new ValidationError('期限事件', [{ path: `events[${index}]`, rule: 'type', message: '应为 { kind, date } 对象' }]);
  }
  if (!isClockEventKind(raw.kind)) throw new UnknownEventKindError(raw.kind, EVENT_KINDS, `events[${index}].kind`);
  if (typeof raw.date !== 'string') {
    throw new ValidationError('期限事件', [{ path: `events[${index}].date`, rule: 'required', message: '缺少日期' }]);
  }
  compareDates(raw.date, raw.date);
  if (raw.kind === 'received' && !Object.hasOwn(CHANNELS, raw.channel)) {
    throw new UnknownEventKindError(String(raw.channel), Object.keys(CHANNELS), 'channel');
  }
  if (raw.kind === 'supplement-requested' && raw.periodEnd !== undefined) compareDates(raw.periodEnd, raw.periodEnd);
}

/**
 * The state of the answer clock after the given events. Throws EventsOutOfOrderError when a date is
 * earlier than the one before it, and DeadlineEventRejectedError, with the reason and article, when an
 * event is not allowed in the state the events before it produced.
 */
export function computeClock(
  events: readonly ClockEvent[],
  workCalendar: WorkCalendar,
  settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS,
  options: ComputeClockOptions = {},
): ClockResult {
  events.forEach(validateEvent);
  const calendar = new CountingCalendar(workCalendar);
  const first = events[0];
  if (first === undefined || first.kind !== 'received') {
    throw new DeadlineEventRejectedError(0, first?.kind ?? '（无）', first?.date ?? '—', '第一个事件必须是收到申请（received）', A.receipt);
  }
  for (let i = 1; i < events.length; i += 1) {
    const prev = events[i - 1] as ClockEvent;
    const cur = events[i] as ClockEvent;
    if (compareDates(cur.date, prev.date) < 0) throw new EventsOutOfOrderError(i, cur.date, prev.date);
  }

  const steps: ClockStep[] = [];
  const step = (date: CivilDate, article: string, text: string): void => {
    steps.push({ date, article, text });
  };
  const receivedOn = first.date;
  const channel = first.channel;
  const refYear = yearOf(receivedOn);
  const counts = settings.receiptDayCounts;
  // The anchor is the day after which working days count; with receiptDayCounts the start day itself counts.
  const startAnchor = (date: CivilDate): CivilDate => (counts ? addDays(date, -1) : date);

  let state: ClockState = 'running';
  let anchor = startAnchor(receivedOn);
  let used = 0;
  let periodDays = settings.answerDays;
  let extended = false;
  let supplementRequested: { date: CivilDate; periodEnd?: CivilDate } | undefined;
  let supplementCycleDone = false;
  let supplementNoticeLate = false;
  /** Art. 35: a later due date fixed by the agency. */
  let fixedDue: CivilDate | null = null;
  let feeNoticeSent = false;
  let answeredOn: CivilDate | null = null;
  let answerUsed = 0;
  let answerLate = false;
  let closedAs: ClockResult['closedAs'] = null;
  let segments: ClockSegment[] = [];
  const open = new Map<PauseKind, OpenPause>();
  const supplementNoticeDue = calendar.addWorkdays(startAnchor(receivedOn), settings.supplementNoticeDays);

  const dueNow = (): CivilDate => fixedDue ?? calendar.addWorkdays(anchor, Math.max(0, periodDays - used));
  const usedAt = (date: CivilDate): number => used + Math.max(0, calendar.workdaysBetween(anchor, date));
  const stopsClock = (): boolean => [...open.values()].some((p) => p.stops);

  // --- the receipt ---
  const rule = receiptRule(channel, settings.emailReceipt);
  step(receivedOn, rule.article, `收到申请：申请人${CHANNELS[channel].submitted}，以${rule.receiptDateIs}为收到申请之日，即${d(receivedOn)}。`);
  step(
    receivedOn,
    counts ? A.setting : A.civilCode,
    counts
      ? '期限计算：收到申请当日如为工作日即计为第1个工作日（本机关设置）。工作日为周一至周五，不含国务院通知的放假日，含调休上班日。'
      : '期限计算：收到申请当日不计入，期限自其后第一个工作日起算。工作日为周一至周五，不含国务院通知的放假日，含调休上班日。',
  );
  const day1 = calendar.addWorkdays(anchor, 1);
  step(day1, A.answer, `不能当场答复的，答复期限为${settings.answerDays}个工作日，第1个工作日为${d(day1)}。`);
  step(
    supplementNoticeDue,
    A.supplement,
    `申请内容不明确需要补正的，应自收到申请之日起${settings.supplementNoticeDays}个工作日内一次性告知申请人，最迟于${d(supplementNoticeDue)}。`,
  );

  const closeSegment = (until: CivilDate): number => {
    const n = Math.max(0, calendar.workdaysBetween(anchor, until));
    if (n > 0) {
      segments.push({ first: calendar.addWorkdays(anchor, 1), last: calendar.addWorkdays(anchor, n), days: n });
    }
    used += n;
    return n;
  };

  for (let i = 1; i < events.length; i += 1) {
    const e = events[i] as ClockEvent;
    const rejection = (reason: string, article?: string): DeadlineEventRejectedError =>
      new DeadlineEventRejectedError(i, e.kind, e.date, reason, article);
    if (state === 'answered' && e.kind !== 'reopened') throw rejection(`申请已于${d(answeredOn as CivilDate)}答复，其后不再有期限事件`);
    if (state === 'closed' && e.kind !== 'reopened') throw rejection('申请已终止处理，其后不再有期限事件');
    const requireNotOverdue = (what: string, article: string): void => {
      if (state === 'running') {
        const due = dueNow();
        if (compareDates(e.date, due) > 0) throw rejection(`答复期限已于${d(due)}届满，${what}`, article);
      }
    };

    switch (e.kind) {
      case 'received':
        throw rejection('一件申请只能收到一次', A.receipt);

      case 'answered': {
        if (e.onTheSpot === true) {
          if (e.date !== receivedOn || channel !== 'in-person' || i !== 1) {
            throw rejection('当场答复只适用于申请人当面提交、当日即时作出的答复', A.onTheSpot);
          }
          step(e.date, A.onTheSpot, `当场答复：申请人当面提交，于${d(e.date)}当场予以答复。`);
          answeredOn = e.date;
          state = 'answered';
          continue;
        }
        if (state === 'running') {
          const due = dueNow();
          const late = compareDates(e.date, due) > 0;
          const n = usedAt(e.date);
          answerUsed = n;
          answerLate = late;
          step(
            e.date,
            A.answer,
            late
              ? `于${d(e.date)}答复，已超过答复期限（届满日${d(due)}）${n - periodDays}个工作日。`
              : `于${d(e.date)}答复，在答复期限内（届满日${d(due)}，已用${n}个工作日）。`,
          );
        } else if (state === 'paused') {
          answerUsed = used;
          step(e.date, A.answer, `于${d(e.date)}答复（答复期限中止计算期间，已用${used}个工作日），在答复期限内。`);
        } else {
          step(e.date, A.answer, `于${d(e.date)}答复（等待补正期间）。`);
        }
        answeredOn = e.date;
        state = 'answered';
        continue;
      }

      case 'supplement-requested': {
        if (supplementCycleDone || supplementRequested !== undefined) {
          throw rejection('补正应一次性告知，同一申请不能第二次要求补正；补正后仍不明确的，按无法提供答复', A.supplement);
        }
        if (state !== 'running' || extended || open.size > 0 || feeNoticeSent) {
          throw rejection('补正通知只能在收到申请后、其他办理程序开始前发出', A.supplement);
        }
        // decisions.md #21: a late notice is recorded with its real date and flagged, never refused.
        const lateNotice = compareDates(e.date, supplementNoticeDue) > 0;
        if (lateNotice) {
          supplementNoticeLate = true;
          step(e.date, A.supplement, `逾期告知补正：补正通知应于收到申请之日起${settings.supplementNoticeDays}个工作日内（最迟${d(supplementNoticeDue)}）发出，实际于${d(e.date)}发出（程序瑕疵，如实记录）。`);
        }
        if (e.periodEnd !== undefined && compareDates(e.periodEnd, e.date) < 0) {
          throw rejection(`补正期限届满日${e.periodEnd}早于补正通知日期`, A.supplement);
        }
        if (e.periodEnd !== undefined && compareDates(e.periodEnd, calendar.addWorkdays(e.date, MIN_SUPPLEMENT_PERIOD_DAYS)) < 0) {
          throw rejection(`补正期限应为合理期限，自通知次日起不少于${MIN_SUPPLEMENT_PERIOD_DAYS}个工作日，即不早于${d(calendar.addWorkdays(e.date, MIN_SUPPLEMENT_PERIOD_DAYS))}`, A.supplement);
        }
        supplementRequested = e.periodEnd === undefined ? { date: e.date } : { date: e.date, periodEnd: e.periodEnd };
        state = 'awaiting-supplement';
        const until = e.periodEnd === undefined ? '' : `，补正期限至${d(e.periodEnd)}`;
        step(e.date, A.supplement, `于${d(e.date)}一次性告知申请人补正${until}。答复期限待收到补正后的申请之日起重新计算，此前已用的工作日不计。`);
        continue;
      }

      case 'supplement-received': {
        if (state !== 'awaiting-supplement') throw rejection('没有待补正的通知，不能登记收到补正', A.supplement);
        state = 'running';
        supplementCycleDone = true;
        const periodEnd = supplementRequested?.periodEnd;
        supplementRequested = undefined;
        anchor = startAnchor(e.date);
        used = 0;
        segments = [];
        const first1 = calendar.addWorkdays(anchor, 1);
        const lateNote = periodEnd !== undefined && compareDates(e.date, periodEnd) > 0 ? `（晚于补正期限${d(periodEnd)}，已接受）` : '';
        step(
          e.date,
          A.supplement,
          `于${d(e.date)}收到补正后的申请${lateNote}，答复期限自该日起重新计算${settings.answerDays}个工作日，第1个工作日为${d(first1)}。`,
        );
        continue;
      }

      case 'supplement-lapsed': {
        if (state !== 'awaiting-supplement') throw rejection('没有待补正的通知，不能登记补正期限届满', A.supplement);
        // A notice that stated no period (events from before decisions.md #12, the CLI): the default period.
        const stated = supplementRequested?.periodEnd;
        const periodEnd = stated ?? (supplementRequested === undefined ? undefined : calendar.addWorkdays(supplementRequested.date, DEFAULT_SUPPLEMENT_PERIOD_DAYS));
        if (periodEnd !== undefined && compareDates(e.date, periodEnd) < 0) {
          throw rejection(`补正期限至${d(periodEnd)}，尚未届满${stated === undefined ? `；通知未写明期限的，按${DEFAULT_SUPPLEMENT_PERIOD_DAYS}个工作日计算` : ''}`, A.supplement);
        }
        if (supplementRequested !== undefined && calendar.touchesProvisional(supplementRequested.date, e.date)) {
          const years = yearsText(workCalendar.provisionalYearsBetween(supplementRequested.date, e.date));
          throw rejection(`补正期限跨入${years}，该年节假日安排尚未载入，届满日只是暂定的：载入该年日历后才能登记逾期不补正`, A.provisional);
        }
        state = 'closed';
        closedAs = 'other.no_supplement';
        step(e.date, A.supplement, `补正期限于${d(e.date)}届满，申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理该申请。`);
        continue;
      }

      case 'third-party-sent':
      case 'agency-consultation-sent':
      case 'fee-notice-sent': {
        const kind: PauseKind = e.kind === 'third-party-sent' ? 'third-party' : e.kind === 'agency-consultation-sent' ? 'agency-consultation' : 'fee';
        const label = PAUSE_LABELS[kind];
        if (state === 'awaiting-supplement') throw rejection('等待补正期间答复期限尚未重新起算，不能发出', label.article);
        if (open.has(kind)) throw rejection(`已有尚未结束的${label.name}`, label.article);
        if (kind === 'fee' && feeNoticeSent) throw rejection('同一申请已发出过收费通知', A.fee);
        requireNotOverdue(kind === 'fee' ? '收费通知应在答复期限内发出' : '期限届满后征求意见不能再中止计算', label.article);
        const replyDays = kind === 'fee' ? settings.feePaymentDays : settings.consultationReplyDays;
        const stops = kind !== 'fee' || settings.feeNoticePausesClock;
        const wasStopped = state === 'paused';
        let usedText = '';
        if (stops && !wasStopped) {
          const n = closeSegment(e.date);
          state = 'paused';
          usedText = `答复期限自该日起中止计算：截至该日（该日${n > 0 && calendar.isWorkday(e.date) ? '为工作日，计入' : '不是工作日'}）已用${used}个工作日，剩余${periodDays - used}个工作日。`;
        } else if (stops) {
          usedText = `答复期限已在中止计算中（已用${used}个工作日）。`;
        }
        if (kind === 'fee') feeNoticeSent = true;
        const ends = calendar.addWorkdays(e.date, replyDays);
        open.set(kind, { since: e.date, periodEndsNoEarlierThan: ends, stops });
        if (kind === 'fee') {
          step(
            e.date,
            A.fee,
            `于${d(e.date)}发出收费通知。申请人应自收到通知次日起${replyDays}个工作日内缴费（最早于${d(ends)}届满）。` +
              (stops ? `依本机关设置，收费通知发出至缴费到达期间不计入答复期限。${usedText}` : '依本机关设置，收费通知期间答复期限照常计算。'),
          );
        } else {
          const who = kind === 'third-party' ? '第三方' : '其他机关';
          step(
            e.date,
            label.article,
            `于${d(e.date)}书面征求${who}意见，${who}应自收到之日起${replyDays}个工作日内答复（最早于${d(ends)}届满）；征求意见所需时间不计算在答复期限内。${usedText}`,
          );
        }
        continue;
      }

      case 'third-party-replied':
      case 'third-party-lapsed':
      case 'agency-consultation-replied':
      case 'agency-consultation-lapsed':
      case 'fee-paid':
      case 'fee-lapsed': {
        const kind: PauseKind = e.kind.startsWith('third-party') ? 'third-party' : e.kind.startsWith('agency') ? 'agency-consultation' : 'fee';
        const lapsed = e.kind.endsWith('lapsed');
        const label = PAUSE_LABELS[kind];
        const pause = open.get(kind);
        if (pause === undefined) throw rejection(`没有尚未结束的${label.name}`, label.article);
        if (lapsed && compareDates(e.date, pause.periodEndsNoEarlierThan) < 0) {
          throw rejection(`${label.reply}期限自对方收到之日起计算，最早于${d(pause.periodEndsNoEarlierThan)}届满`, label.article);
        }
        if (lapsed && calendar.touchesProvisional(pause.since, e.date)) {
          const years = yearsText(workCalendar.provisionalYearsBetween(pause.since, e.date));
          throw rejection(`${label.reply}期限跨入${years}，该年节假日安排尚未载入，届满日只是暂定的：载入该年日历后才能登记期限届满`, A.provisional);
        }
        open.delete(kind);
        if (kind === 'fee' && lapsed) {
          state = 'closed';
          closedAs = 'other.unpaid_fee';
          step(e.date, A.fee, `缴费期限于${d(e.date)}届满，申请人逾期未缴纳信息处理费，视为放弃申请，行政机关不再处理该申请。`);
          continue;
        }
        const what =
          kind === 'fee'
            ? `于${d(e.date)}收到缴费`
            : lapsed
              ? kind === 'agency-consultation'
                ? `其他机关答复期限于${d(e.date)}届满未答复，视为同意公开`
                : `第三方答复期限于${d(e.date)}届满未答复，由行政机关依照条例规定决定`
              : `于${d(e.date)}收到${label.reply}`;
        if (pause.stops && state === 'paused' && !stopsClock()) {
          state = 'running';
          anchor = e.date;
          const next = calendar.addWorkdays(anchor, 1);
          const left = periodDays - used;
          step(
            e.date,
            label.article,
            left > 0
              ? `${what}。答复期限恢复计算：剩余${left}个工作日自其后第一个工作日${d(next)}起计算。`
              : `${what}。答复期限恢复计算：中止前已用满${used}个工作日，应于当日答复。`,
          );
        } else {
          step(e.date, label.article, `${what}。${pause.stops ? '其他中止事由尚未结束，答复期限继续中止。' : ''}`);
        }
        continue;
      }

      case 'reopened': {
        if (state !== 'answered' && state !== 'closed') throw rejection('只有已答复或已终止处理的申请才能因复议、诉讼结果纠正而重新答复', A.reopened);
        const previous = answeredOn !== null ? `${d(answeredOn)}作出的答复` : '此前的处理';
        state = 'running';
        // The decision day itself is not counted: the new period starts on the first working day after it.
        anchor = e.date;
        used = 0;
        periodDays = e.days ?? settings.answerDays;
        if (!Number.isSafeInteger(periodDays) || periodDays < 1 || periodDays > 366) throw rejection('纠正决定确定的期限应为1至366个工作日', A.reopened);
        extended = false;
        segments = [];
        open.clear();
        answeredOn = null;
        answerUsed = 0;
        answerLate = false;
        closedAs = null;
        fixedDue = null;
        supplementCycleDone = true;
        const first1 = calendar.addWorkdays(anchor, 1);
        step(
          e.date,
          A.reopened,
          `于${d(e.date)}行政复议机关或人民法院对${previous}作出纠正决定，申请重新办理：答复期限自其后第一个工作日${d(first1)}起重新计算${periodDays}个工作日${e.days !== undefined ? '（纠正决定确定的期限）' : ''}。`,
        );
        continue;
      }

      case 'deadline-set': {
        if (state !== 'running') throw rejection('只有答复期限正在计算时才能确定延迟答复的期限', A.art35);
        const before = dueNow();
        if (compareDates(e.due, before) <= 0) throw rejection(`延迟答复的期限应晚于现答复期限${d(before)}`, A.art35);
        requireNotOverdue('不能再确定延迟答复的期限', A.art35);
        fixedDue = e.due;
        step(e.date, A.art35, `于${d(e.date)}认定申请人说明的理由合理，但无法在第三十三条规定的期限内答复，确定延迟答复的合理期限至${d(e.due)}，并告知申请人。`);
        continue;
      }

      case 'extended': {
        const days = e.days ?? settings.extensionDays;
        if (extended) throw rejection('答复期限只能延长一次', A.extension);
        if (state === 'awaiting-supplement') throw rejection('等待补正期间答复期限尚未重新起算，不能延长', A.extension);
        if (!Number.isSafeInteger(days) || days < 1 || days > settings.extensionDays) {
          throw rejection(`延长的期限应为1至${settings.extensionDays}个工作日`, A.extension);
        }
        requireNotOverdue('不能再批准延长', A.extension);
        const before = state === 'running' ? dueNow() : null;
        periodDays += days;
        extended = true;
        const after = state === 'running' ? dueNow() : null;
        step(
          e.date,
          A.extension,
          `于${d(e.date)}经政府信息公开工作机构负责人同意并告知申请人，答复期限延长${days}个工作日（共${periodDays}个工作日）` +
            (before !== null && after !== null ? `，自原届满日${d(before)}之后顺延至${d(after)}。` : '。'),
        );
        continue;
      }

      default: {
        const never: never = e;
        throw new Error(`unhandled event ${JSON.stringify(never)}`);
      }
    }
  }

  const lastDate = (events[events.length - 1] as ClockEvent).date;
  const asOf = options.asOf ?? lastDate;
  if (compareDates(asOf, lastDate) < 0) {
    throw new ValidationError('期限计算', [{ path: 'asOf', rule: 'after_events', message: `计算日 ${asOf} 早于最后一个事件日期 ${lastDate}` }]);
  }

  let due: CivilDate | null = null;
  let daysUsed = used;
  let overdue = false;
  const openPauses = [...open.entries()].map(([kind, p]) => ({ kind, since: p.since, periodEndsNoEarlierThan: p.periodEndsNoEarlierThan }));

  switch (state) {
    case 'running': {
      due = dueNow();
      daysUsed = usedAt(asOf);
      overdue = compareDates(asOf, due) > 0;
      const tentative = calendar.provisionalYears.size > 0 ? '（暂定）' : '';
      if (fixedDue !== null) {
        step(due, A.art35, `答复期限届满日为${d(due)}（本机关依第三十五条确定的延迟答复期限）。`);
        if (overdue) step(asOf, A.art35, `截至${d(asOf)}尚未答复，已超过延迟答复期限。`);
        break;
      }
      const left = periodDays - used;
      if (left > 0) segments.push({ first: calendar.addWorkdays(anchor, 1), last: due, days: left });
      const lines = segments.map(
        (s) => `${md(s.first, refYear)}至${md(s.last, refYear)}计${s.days}个工作日` + (() => {
          const special = describeSpecialDays(calendar.specialDaysBetween(s.first, s.last), refYear);
          return special === '' ? '' : `（${special}）`;
        })(),
      );
      const sum = segments.length > 1 ? `，合计${periodDays}个工作日` : '';
      step(due, extended ? A.extension : A.answer, `答复期限届满日为${d(due)}${tentative}：${lines.join('；')}${sum}。`);
      if (overdue) step(asOf, A.answer, `截至${d(asOf)}尚未答复，${tentative === '' ? '' : '按暂定届满日'}已超过答复期限${daysUsed - periodDays}个工作日。`);
      break;
    }
    case 'paused': {
      const names = openPauses.filter((p) => open.get(p.kind)?.stops === true).map((p) => PAUSE_LABELS[p.kind].name);
      step(asOf, A.consultationNotCounted, `答复期限因${names.join('、')}中止计算：已用${used}个工作日，剩余${periodDays - used}个工作日，待中止事由结束后自其后第一个工作日起继续计算。`);
      break;
    }
    case 'awaiting-supplement':
      daysUsed = 0;
      step(asOf, A.supplement, '等待申请人补正：答复期限待收到补正后的申请之日起重新计算。');
      break;
    case 'answered':
      daysUsed = answerUsed;
      overdue = answerLate;
      break;
    case 'closed':
      break;
    default: {
      const never: never = state;
      throw new Error(`unknown state ${String(never)}`);
    }
  }

  const provisionalYears = [...calendar.provisionalYears].sort((a, b) => a - b);
  const provisional = provisionalYears.length > 0;
  if (provisional) {
    step(
      asOf,
      A.provisional,
      `暂定：${yearsText(provisionalYears)}的节假日安排尚未载入本系统，该年的日期暂按周一至周五为工作日计算，` +
        '由此得出的届满日为暂定日期。国务院办公厅公布该年节假日安排并由管理员载入后，本案期限将自动重新计算并记入办理记录。',
    );
  }

  return {
    state,
    receivedOn,
    channel,
    due,
    supplementNoticeDue,
    supplementNoticeLate,
    daysUsed,
    daysRemaining: state === 'awaiting-supplement' ? null : periodDays - daysUsed,
    periodDays,
    extended,
    overdue: overdue && !provisional,
    provisionallyOverdue: overdue && provisional,
    answeredOn,
    closedAs,
    openPauses,
    segments,
    asOf,
    steps,
    provisional,
    provisionalYears,
  };
}
