/**
 * The `reopened` event: a 纠正 by a reconsideration body or a court sends an answered (or closed) application
 * back for a new answer, with a new period of 20 working days counted from the day after the decision.
 * Every expected date was counted by hand on the State Council's notices (2021: 中秋 9/19–9/21 off, 9/18
 * Sat works; 国庆 10/1–10/7 off, 9/26 Sun and 10/9 Sat work).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultWorkCalendar } from '../../calendar/workCalendar.ts';
import { computeClock } from './engine.ts';
import { DeadlineEventRejectedError } from './errors.ts';
import type { ClockEvent } from './events.ts';
import { EVENT_KIND_LABELS, parseEventSpec } from './events.ts';
import { resolveDeadlineSettings } from './settings.ts';

const cal = defaultWorkCalendar();
const received = (date: string): ClockEvent => ({ kind: 'received', date, channel: 'post' });
const run = (events: ClockEvent[], asOf?: string) => computeClock(events, cal, resolveDeadlineSettings({}), asOf === undefined ? {} : { asOf });

describe('computeClock: reopened after a 纠正', () => {
  it('a plain month: decided Mon 2021-03-01 → 3/2–3/5 4, 3/8–3/12 9, 3/15–3/19 14, 3/22–3/26 19, 3/29 20 → due 2021-03-29', () => {
    const r = run([received('2021-01-04'), parseEventSpec('answered@2021-01-20'), parseEventSpec('reopened@2021-03-01')]);
    assert.equal(r.state, 'running');
    assert.equal(r.due, '2021-03-29');
    assert.equal(r.periodDays, 20);
    assert.equal(r.answeredOn, null);
    assert.ok(r.steps.some((s) => s.text.includes('重新计算20个工作日')));
  });

  it('over 国庆: decided Fri 2021-09-24 → 9/26 (Sun, works) 1, 9/27–9/30 5, 10/8 6, 10/9 (Sat, works) 7, 10/11–10/15 12, 10/18–10/22 17, 10/25–10/27 20 → due 2021-10-27', () => {
    const r = run([received('2021-03-01'), parseEventSpec('answered@2021-03-10'), { kind: 'reopened', date: '2021-09-24' }]);
    assert.equal(r.due, '2021-10-27');
  });

  it('a case closed as 逾期未补正 can be reopened too; the earlier extension does not carry over', () => {
    const r = run([
      received('2021-03-01'),
      parseEventSpec('supplement-requested:2021-03-12@2021-03-02'),
      parseEventSpec('supplement-lapsed@2021-03-12'),
      parseEventSpec('reopened@2021-06-01'),
    ]);
    // 2021-06-01 Tue: 6/2–6/4 3, 6/7–6/11 8, 6/15–6/18 12 (6/14 端午 off), 6/21–6/25 17, 6/28–6/30 20 → 2021-06-30
    assert.equal(r.closedAs, null);
    assert.equal(r.due, '2021-06-30');
    assert.equal(r.extended, false);
  });

  it('the new answer ends the clock again, within the new period', () => {
    const r = run([received('2021-01-04'), parseEventSpec('answered@2021-01-20'), parseEventSpec('reopened@2021-03-01'), parseEventSpec('answered@2021-03-29')]);
    assert.equal(r.state, 'answered');
    assert.equal(r.answeredOn, '2021-03-29');
    assert.equal(r.overdue, false);
    assert.equal(r.daysUsed, 20);
  });

  it('is refused while the case is still being handled', () => {
    assert.throws(() => run([received('2021-01-04'), parseEventSpec('reopened@2021-01-10')]), DeadlineEventRejectedError);
  });

  it('has a label', () => {
    assert.equal(EVENT_KIND_LABELS.reopened, '复议、诉讼结果纠正，重新答复');
  });
});
