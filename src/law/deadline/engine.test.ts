/**
 * Every expected date below was counted by hand on the official calendar (the notices' tables in
 * src/calendar/workCalendar.test.ts), day by day as the comments show; none is produced by the code.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CalendarYearUnknownError, InvalidDateError } from '../../calendar/errors.ts';
import { defaultWorkCalendar } from '../../calendar/workCalendar.ts';
import { ValidationError } from '../../shared/domainError.ts';
import { computeClock } from './engine.ts';
import type { ClockResult } from './engine.ts';
import { DeadlineEventRejectedError, EventsOutOfOrderError, UnknownEventKindError } from './errors.ts';
import { parseChannel, parseEventSpec } from './events.ts';
import type { Channel, ClockEvent } from './events.ts';
import { DEFAULT_DEADLINE_SETTINGS, resolveDeadlineSettings } from './settings.ts';
import type { DeadlineSettings } from './settings.ts';

const cal = defaultWorkCalendar();

function received(date: string, channel: Channel = 'post'): ClockEvent {
  return { kind: 'received', date, channel };
}
function ev(spec: string): ClockEvent {
  return parseEventSpec(spec);
}
function run(events: ClockEvent[], settings: Partial<DeadlineSettings> = {}, asOf?: string): ClockResult {
  return computeClock(events, cal, resolveDeadlineSettings(settings), asOf === undefined ? {} : { asOf });
}

interface Case {
  name: string;
  events: ClockEvent[];
  settings?: Partial<DeadlineSettings>;
  asOf?: string;
  expect: Partial<Pick<ClockResult, 'state' | 'due' | 'supplementNoticeDue' | 'daysUsed' | 'daysRemaining' | 'extended' | 'overdue' | 'closedAs' | 'periodDays'>>;
}

const CASES: Case[] = [
  {
    // 9/29 1, 9/30 2, 10/1–10/8 国庆中秋 off, 10/9 3, 10/10 (Sat, 调休) 4, 10/12 5, 10/13 6, 10/14 7, 10/15 8,
    // 10/16 9, 10/19 10 … 10/23 14, 10/26 15 … 10/30 19, 11/2 20
    name: 'the reference case: post, signed for on Mon 2020-09-28',
    events: [received('2020-09-28')],
    expect: { state: 'running', due: '2020-11-02', supplementNoticeDue: '2020-10-14', daysUsed: 0, daysRemaining: 20, extended: false, overdue: false },
  },
  {
    name: 'receiptDayCounts = true: 9/28 itself is day 1',
    events: [received('2020-09-28')],
    settings: { receiptDayCounts: true },
    // 9/28 1, 9/29 2, 9/30 3, 10/9 4, 10/10 5, 10/12 6, 10/13 7 … 10/30 20
    expect: { due: '2020-10-30', supplementNoticeDue: '2020-10-13' },
  },
  {
    name: 'received on a holiday (Fri 2021-10-01): day 1 is Fri 10/8, the 调休 Saturday 10/9 counts',
    events: [received('2021-10-01', 'in-person')],
    // 10/8 1, 10/9 2, 10/11 3 … 10/15 7, 10/18 8 … 10/22 12, 10/25 13 … 10/29 17, 11/1 18, 11/2 19, 11/3 20
    expect: { due: '2021-11-03', supplementNoticeDue: '2021-10-15' },
  },
  {
    name: 'across the extended 2020 Spring Festival (1/24–2/2 off, 2/1 not worked)',
    events: [received('2020-01-20', 'online')],
    // 1/21 1, 1/22 2, 1/23 3, 2/3 4, 2/4 5, 2/5 6, 2/6 7, 2/7 8, 2/10 9 … 2/14 13, 2/17 14 … 2/21 18, 2/24 19, 2/25 20
    expect: { due: '2020-02-25', supplementNoticeDue: '2020-02-06' },
  },
  {
    name: 'across the 2022/2023 year boundary (12/31–1/2 元旦 off)',
    events: [received('2022-12-20', 'fax')],
    // 12/21 1, 12/22 2, 12/23 3, 12/26 4 … 12/29 7, 12/30 8, 1/3 9, 1/4 10, 1/5 11, 1/6 12, 1/9 13 … 1/13 17, 1/16 18, 1/17 19, 1/18 20
    expect: { due: '2023-01-18', supplementNoticeDue: '2022-12-29' },
  },
  {
    name: 'asOf after the due date: overdue',
    events: [received('2020-09-28')],
    asOf: '2020-11-04',
    // 11/3 21, 11/4 22
    expect: { state: 'running', due: '2020-11-02', daysUsed: 22, daysRemaining: -2, overdue: true },
  },
  {
    name: 'supplement requested on the last allowed day, supplemented application arrives: a fresh period',
    events: [received('2020-09-28'), ev('supplement-requested@2020-10-14'), ev('supplement-received@2020-10-20')],
    // 10/21 1, 10/22 2, 10/23 3, 10/26 4 … 10/30 8, 11/2 9 … 11/6 13, 11/9 14 … 11/13 18, 11/16 19, 11/17 20
    expect: { state: 'running', due: '2020-11-17', daysUsed: 0, daysRemaining: 20, supplementNoticeDue: '2020-10-14' },
  },
  {
    name: 'awaiting the supplement: no due date',
    events: [received('2020-09-28'), ev('supplement-requested:2020-10-23@2020-10-09')],
    expect: { state: 'awaiting-supplement', due: null, daysUsed: 0, daysRemaining: null },
  },
  {
    name: 'supplement period lapses: closed as other.no_supplement',
    events: [received('2020-09-28'), ev('supplement-requested:2020-10-23@2020-10-09'), ev('supplement-lapsed@2020-10-23')],
    expect: { state: 'closed', due: null, closedAs: 'other.no_supplement' },
  },
  {
    name: 'third party consulted, replies; then an extension',
    events: [received('2020-09-28'), ev('third-party-sent@2020-10-12'), ev('third-party-replied@2020-10-27'), ev('extended@2020-11-05')],
    // before: 9/29 1, 9/30 2, 10/9 3, 10/10 4, 10/12 5 (send day counts). After 10/27: 10/28 6, 10/29 7, 10/30 8,
    // 11/2 9 … 11/6 13, 11/9 14 … 11/13 18, 11/16 19, 11/17 20 (the due date before the extension);
    // +20: 11/18 1, 11/19 2, 11/20 3, 11/23 4 … 11/27 8, 11/30 9 … 12/4 13, 12/7 14 … 12/11 18, 12/14 19, 12/15 20
    // days used on 11/5: 5 + (10/28, 10/29, 10/30, 11/2, 11/3, 11/4, 11/5) = 12
    expect: { state: 'running', due: '2020-12-15', extended: true, periodDays: 40, daysUsed: 12, daysRemaining: 28 },
  },
  {
    name: 'third party consulted and still silent: paused',
    events: [received('2020-09-28'), ev('third-party-sent@2020-10-12')],
    expect: { state: 'paused', due: null, daysUsed: 5, daysRemaining: 15 },
  },
  {
    name: 'a pause sent on a rest day does not use that day',
    events: [received('2020-09-28'), ev('third-party-sent@2020-10-03'), ev('third-party-replied@2020-10-09')],
    // used 9/29, 9/30 = 2; from 10/10 (Sat, 调休) 1, 10/12 2 … 10/16 6, 10/19 7 … 10/23 11, 10/26 12 … 10/30 16, 11/2 17, 11/3 18
    expect: { state: 'running', due: '2020-11-03', daysUsed: 2 },
  },
  {
    name: 'another agency consulted, its reply period lapses (Art. 34)',
    events: [received('2021-03-01'), ev('agency-consultation-sent@2021-03-05'), ev('agency-consultation-lapsed@2021-03-29')],
    // used 3/2, 3/3, 3/4, 3/5 = 4; 16 left from 3/30: 3/30 1, 3/31 2, 4/1 3, 4/2 4, (4/3–4/5 清明) 4/6 5 … 4/9 8, 4/12 9 … 4/16 13, 4/19 14, 4/20 15, 4/21 16
    expect: { state: 'running', due: '2021-04-21', daysUsed: 4 },
  },
  {
    name: 'overlapping consultations: the clock stays stopped until both end',
    events: [
      received('2021-03-01'),
      ev('third-party-sent@2021-03-05'),
      ev('agency-consultation-sent@2021-03-10'),
      ev('third-party-replied@2021-03-15'),
      ev('agency-consultation-replied@2021-03-17'),
    ],
    // used 4; 16 left from 3/18: 3/18 1, 3/19 2, 3/22 3 … 3/26 7, 3/29 8 … 4/2 12, 4/6 13, 4/7 14, 4/8 15, 4/9 16
    expect: { state: 'running', due: '2021-04-09', daysUsed: 4 },
  },
  {
    name: 'overlapping consultations, one still open',
    events: [received('2021-03-01'), ev('third-party-sent@2021-03-05'), ev('agency-consultation-sent@2021-03-10'), ev('third-party-replied@2021-03-15')],
    expect: { state: 'paused', due: null, daysUsed: 4 },
  },
  {
    name: 'fee notice stops the clock until payment (default setting)',
    events: [received('2021-03-01'), ev('fee-notice-sent@2021-03-05'), ev('fee-paid@2021-03-12')],
    // used 4; 16 left from 3/15: 3/15 1 … 3/19 5, 3/22 6 … 3/26 10, 3/29 11 … 4/2 15, 4/6 16
    expect: { state: 'running', due: '2021-04-06', daysUsed: 4 },
  },
  {
    name: 'fee notice does not stop the clock when the agency so sets',
    events: [received('2021-03-01'), ev('fee-notice-sent@2021-03-05'), ev('fee-paid@2021-03-12')],
    settings: { feeNoticePausesClock: false },
    // 3/2 1 … 3/5 4, 3/8 5 … 3/12 9, 3/15 10 … 3/19 14, 3/22 15 … 3/26 19, 3/29 20; used on 3/12: 9
    expect: { state: 'running', due: '2021-03-29', daysUsed: 9 },
  },
  {
    name: 'fee unpaid: closed as other.unpaid_fee',
    // earliest end of the payment period: 20 working days after 3/5 = 4/2
    events: [received('2021-03-01'), ev('fee-notice-sent@2021-03-05'), ev('fee-lapsed@2021-04-06')],
    expect: { state: 'closed', closedAs: 'other.unpaid_fee', due: null },
  },
  {
    name: 'extension approved on the due date itself',
    events: [received('2020-09-28'), ev('extended@2020-11-02')],
    // 11/3 1 … 11/6 4, 11/9 5 … 11/13 9, 11/16 10 … 11/20 14, 11/23 15 … 11/27 19, 11/30 20
    expect: { state: 'running', due: '2020-11-30', extended: true, periodDays: 40 },
  },
  {
    name: 'a shorter extension',
    events: [received('2020-09-28'), ev('extended:10@2020-10-15')],
    // 11/3 1 … 11/6 4, 11/9 5 … 11/13 9, 11/16 10
    expect: { due: '2020-11-16', periodDays: 30 },
  },
  {
    name: 'a pause started on the due date: the day counts, the answer is due the day the reply arrives',
    events: [received('2020-09-28'), ev('third-party-sent@2020-11-02'), ev('third-party-replied@2020-11-10')],
    expect: { state: 'running', due: '2020-11-10', daysUsed: 20, daysRemaining: 0 },
  },
  {
    name: 'answered in time',
    events: [received('2020-09-28'), ev('answered@2020-10-30')],
    expect: { state: 'answered', due: null, daysUsed: 19, overdue: false },
  },
  {
    name: 'answered late',
    events: [received('2020-09-28'), ev('answered@2020-11-04')],
    expect: { state: 'answered', daysUsed: 22, overdue: true },
  },
  {
    name: 'answered on the spot',
    events: [received('2021-03-01', 'in-person'), { kind: 'answered', date: '2021-03-01', onTheSpot: true }],
    expect: { state: 'answered', daysUsed: 0, overdue: false },
  },
];

describe('computeClock: hand-computed cases', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = run(c.events, c.settings, c.asOf);
      const actual = Object.fromEntries(Object.keys(c.expect).map((k) => [k, r[k as keyof ClockResult]]));
      assert.deepEqual(actual, c.expect);
    });
  }
});

describe('computeClock: rejected events', () => {
  const rejected: [string, ClockEvent[], RegExp][] = [
    ['a second 补正 notice', [received('2020-09-28'), ev('supplement-requested@2020-10-09'), ev('supplement-received@2020-10-12'), ev('supplement-requested@2020-10-13')], /一次性/],
    ['a supplement that nobody asked for', [received('2020-09-28'), ev('supplement-received@2020-10-12')], /没有待补正/],
    ['a lapse before the correction period ends', [received('2020-09-28'), ev('supplement-requested:2020-10-23@2020-10-09'), ev('supplement-lapsed@2020-10-22')], /尚未届满/],
    ['a 补正 period under 5 working days (decisions.md #12)', [received('2020-09-28'), ev('supplement-requested:2020-10-12@2020-09-29')], /自通知次日起不少于5个工作日，即不早于2020年10月13日/],
    ['a lapse before the default 15 working days when the notice stated no period', [received('2020-09-01'), ev('supplement-requested@2020-09-02'), ev('supplement-lapsed@2020-09-22')], /补正期限至2020年9月23日（星期三），尚未届满；通知未写明期限的，按15个工作日计算/],
    ['an extension after the due date', [received('2020-09-28'), ev('extended@2020-11-03')], /届满/],
    ['a second extension', [received('2020-09-28'), ev('extended:10@2020-10-15'), ev('extended:10@2020-10-16')], /只能延长一次/],
    ['an extension of more than 20 working days', [received('2020-09-28'), ev('extended:25@2020-10-15')], /1至20/],
    ['an extension while awaiting the 补正', [received('2020-09-28'), ev('supplement-requested@2020-10-09'), ev('extended@2020-10-12')], /补正/],
    ['a consultation after the due date', [received('2020-09-28'), ev('third-party-sent@2020-11-03')], /届满/],
    ['a second open third-party consultation', [received('2020-09-28'), ev('third-party-sent@2020-10-12'), ev('third-party-sent@2020-10-13')], /尚未结束/],
    ['a reply with no consultation open', [received('2020-09-28'), ev('agency-consultation-replied@2020-10-12')], /没有尚未结束/],
    ['a consultation lapse before 15 working days', [received('2021-03-01'), ev('agency-consultation-sent@2021-03-05'), ev('agency-consultation-lapsed@2021-03-25')], /2021年3月26日/],
    ['a fee lapse before 20 working days', [received('2021-03-01'), ev('fee-notice-sent@2021-03-05'), ev('fee-lapsed@2021-04-01')], /2021年4月2日/],
    ['a second fee notice', [received('2021-03-01'), ev('fee-notice-sent@2021-03-05'), ev('fee-paid@2021-03-08'), ev('fee-notice-sent@2021-03-09')], /已发出过收费通知/],
    ['a fee notice after the due date', [received('2020-09-28'), ev('fee-notice-sent@2020-11-03')], /答复期限内/],
    ['anything after the answer', [received('2020-09-28'), ev('answered@2020-10-09'), ev('extended@2020-10-12')], /已于2020年10月9日/],
    ['anything after the case closed', [received('2021-03-01'), ev('fee-notice-sent@2021-03-05'), ev('fee-lapsed@2021-04-06'), ev('fee-paid@2021-04-07')], /终止/],
    ['an on-the-spot answer to a posted application', [received('2021-03-01'), { kind: 'answered', date: '2021-03-01', onTheSpot: true }], /当场/],
    ['a second receipt', [received('2021-03-01'), received('2021-03-02')], /只能收到一次/],
    ['events that do not start with the receipt', [ev('answered@2021-03-01')], /第一个事件/],
  ];
  for (const [name, events, pattern] of rejected) {
    it(name, () => {
      assert.throws(() => run(events), (e: unknown) => {
        assert.ok(e instanceof DeadlineEventRejectedError, String(e));
        assert.equal(e.code, 'deadline.event_rejected');
        assert.equal(e.kind, 'rule-violation');
        assert.match(e.message, pattern);
        return true;
      });
    });
  }
});

describe('computeClock: bad input', () => {
  it('events out of order', () => {
    assert.throws(() => run([received('2020-09-28'), ev('third-party-sent@2020-10-12'), ev('third-party-replied@2020-10-09')]), (e: unknown) => {
      assert.ok(e instanceof EventsOutOfOrderError);
      assert.equal(e.kind, 'invalid-input');
      assert.match(e.message, /2020-10-09.*2020-10-12/);
      return true;
    });
  });
  it('an impossible date', () => {
    assert.throws(() => run([received('2023-02-29')]), InvalidDateError);
    assert.throws(() => ev('answered@2023-02-29'), InvalidDateError);
  });
  it('an unknown event kind', () => {
    assert.throws(() => ev('withdrawn@2021-03-01'), UnknownEventKindError);
    assert.throws(() => ev('answered'), UnknownEventKindError);
    assert.throws(() => run([received('2021-03-01'), { kind: 'withdrawn', date: '2021-03-02' } as unknown as ClockEvent]), UnknownEventKindError);
  });
  it('a date before the 2019 条例', () => {
    assert.throws(() => run([received('2018-12-15')]), CalendarYearUnknownError);
  });
  it('asOf before the last event', () => {
    assert.throws(() => run([received('2020-09-28'), ev('answered@2020-10-09')], {}, '2020-10-01'), ValidationError);
  });
  it('bad settings', () => {
    assert.throws(() => resolveDeadlineSettings({ answerDays: 0 }), ValidationError);
  });
});

describe('receipt rule and reasoning', () => {
  const article = (channel: Channel, settings: Partial<DeadlineSettings> = {}): string => run([received('2021-03-01', channel)], settings).steps[0]?.article ?? '';
  it('cites Art. 31 by channel', () => {
    assert.equal(article('in-person'), '《条例》第三十一条第（一）项');
    assert.equal(article('post'), '《条例》第三十一条第（二）项');
    assert.equal(article('ordinary-letter'), '《条例》第三十一条第（二）项');
    assert.equal(article('online'), '《条例》第三十一条第（三）项');
    assert.equal(article('fax'), '《条例》第三十一条第（三）项');
    assert.match(article('email'), /第三十一条第（三）项/);
    assert.match(article('email', { emailReceipt: 'mail-system' }), /207号/);
  });
  it('parses channels by Chinese label', () => {
    assert.equal(parseChannel('邮寄'), 'post');
    assert.equal(parseChannel('平常信函'), 'ordinary-letter');
    assert.equal(parseChannel('fax'), 'fax');
    assert.throws(() => parseChannel('信鸽'), UnknownEventKindError);
  });
  it('the 2020-09-28 post case reads day by day on a paper calendar', () => {
    const r = run([received('2020-09-28')]);
    const texts = r.steps.map((s) => `${s.date} ${s.article} ${s.text}`);
    assert.equal(texts.length, 5);
    assert.match(texts[0] ?? '', /邮寄.*签收之日.*2020年9月28日（星期一）/);
    assert.match(texts[1] ?? '', /当日不计入/);
    assert.match(texts[2] ?? '', /第1个工作日为2020年9月29日（星期二）/);
    assert.match(texts[3] ?? '', /^2020-10-14 《条例》第三十条 .*7个工作日.*2020年10月14日（星期三）/);
    assert.match(texts[4] ?? '', /^2020-11-02 .*2020年11月2日（星期一）：9月29日至11月2日计20个工作日/);
    assert.match(texts[4] ?? '', /10月1日至10月8日/);
    assert.match(texts[4] ?? '', /10月10日（星期六）.*调休上班计入/);
    assert.deepEqual(r.segments, [{ first: '2020-09-29', last: '2020-11-02', days: 20 }]);
  });
  it('shows the segments of a paused clock', () => {
    const r = run([received('2020-09-28'), ev('third-party-sent@2020-10-12'), ev('third-party-replied@2020-10-27')]);
    assert.deepEqual(r.segments, [
      { first: '2020-09-29', last: '2020-10-12', days: 5 },
      { first: '2020-10-28', last: '2020-11-17', days: 15 },
    ]);
    assert.match(r.steps.at(-1)?.text ?? '', /合计20个工作日/);
  });
  it('defaults are the decisions.md values', () => {
    assert.deepEqual(DEFAULT_DEADLINE_SETTINGS, {
      receiptDayCounts: false,
      feeNoticePausesClock: true,
      emailReceipt: 'mutual-confirmation',
      answerDays: 20,
      extensionDays: 20,
      supplementNoticeDays: 7,
      consultationReplyDays: 15,
      feePaymentDays: 20,
    });
  });
});

describe('computeClock: issue 11 (decisions.md #21, Art. 35)', () => {
  it('a timely notice is not flagged', () => {
    assert.equal(computeClock([received('2020-09-28'), ev('supplement-requested@2020-10-09')], cal).supplementNoticeLate, false);
  });
});
describe('computeClock: late 补正 notice (decisions.md #21)', () => {
  it('records a 补正 notice after the 7th working day with its real date and flags it 逾期告知补正', () => {
    const r = computeClock([received('2020-09-28'), ev('supplement-requested:2020-11-05@2020-10-15'), ev('supplement-received@2020-10-20')], cal);
    assert.equal(r.supplementNoticeLate, true);
    assert.ok(r.steps.some((s) => s.date === '2020-10-15' && s.text.startsWith('逾期告知补正') && s.text.includes('最迟2020年10月14日')));
    assert.equal(r.due, '2020-11-17');
  });
});
describe('computeClock: Art. 35 later due date', () => {
  it('a later due date fixed under Art. 35 replaces the Art. 33 due date; never earlier', () => {
    const r = computeClock([received('2020-09-28'), ev('deadline-set:2020-12-31@2020-10-12')], cal);
    assert.equal(r.due, '2020-12-31');
    assert.ok(r.steps.some((s) => s.article === '《条例》第三十五条'));
    assert.throws(() => computeClock([received('2020-09-28'), ev('deadline-set:2020-10-20@2020-10-12')], cal), DeadlineEventRejectedError);
  });
});

describe('a period that runs into a year whose calendar is not loaded (decisions.md #22)', () => {
  // 2027 is not in the package: its days count Monday to Friday and the result is provisional.
  it('registration is never refused; the due date is marked 暂定', () => {
    // Received Sun 2026-12-20: 12/21–25 1–5, 12/28–31 6–9, 2027: 1/1 (Fri) 10, 1/4–8 11–15, 1/11–15 16–20.
    const r = run([received('2026-12-20')]);
    assert.equal(r.due, '2027-01-15');
    assert.equal(r.provisional, true);
    assert.deepEqual(r.provisionalYears, [2027]);
    const dueStep = r.steps.find((s) => s.text.startsWith('答复期限届满日'));
    assert.match(dueStep?.text ?? '', /^答复期限届满日为2027年1月15日（星期五）（暂定）/);
    assert.match(r.steps.at(-1)?.text ?? '', /^暂定：2027年的节假日安排尚未载入本系统/);
  });
  it('an extension into the unknown year is approved, provisionally', () => {
    // Received Thu 2026-12-03: due 12/31 (12/4 1, 12/7–11 6, 14–18 11, 21–25 16, 28–31 20).
    // +20 after 12/31: 1/1 1, 1/4–8 6, 1/11–15 11, 1/18–22 16, 1/25–28 20.
    const before = run([received('2026-12-03')]);
    assert.equal(before.due, '2026-12-31');
    assert.equal(before.provisional, false);
    const r = run([received('2026-12-03'), ev('extended@2026-12-10')]);
    assert.equal(r.due, '2027-01-28');
    assert.equal(r.provisional, true);
  });
  it('overdue by a provisional date is not final', () => {
    const r = run([received('2026-12-20')], {}, '2027-01-20');
    assert.equal(r.overdue, false);
    assert.equal(r.provisionallyOverdue, true);
    assert.match(r.steps.find((s) => s.text.includes('已超过答复期限'))?.text ?? '', /按暂定届满日已超过答复期限3个工作日/);
  });
  it('a lapse whose period runs into the unknown year cannot be recorded', () => {
    // Third party asked Mon 2026-12-21; 15 working days: 12/22–25 4, 28–31 8, 1/1 9, 1/4–8 14, 1/11 15.
    const events = [received('2026-12-20'), ev('third-party-sent@2026-12-21')];
    assert.equal(run(events).openPauses[0]?.periodEndsNoEarlierThan, '2027-01-11');
    assert.throws(
      () => run([...events, ev('third-party-lapsed@2027-01-12')]),
      (e: unknown) => e instanceof DeadlineEventRejectedError && /2027年.*尚未载入.*载入该年日历后才能登记期限届满/.test(e.message),
    );
    // A reply is a fact, not a computed date: it is recorded.
    assert.equal(run([...events, ev('third-party-replied@2027-01-12')]).state, 'running');
  });
  it('a period inside loaded years is not provisional', () => {
    const r = run([received('2026-11-02')]);
    assert.equal(r.due, '2026-11-30');
    assert.equal(r.provisional, false);
    assert.deepEqual(r.provisionalYears, []);
  });
});
