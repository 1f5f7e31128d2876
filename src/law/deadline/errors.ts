import { DomainError } from '../../shared/domainError.ts';

/** An event the law does not allow in the application's current state (a second extension …). */
export class DeadlineEventRejectedError extends DomainError {
  readonly code = 'deadline.event_rejected';
  readonly kind = 'rule-violation';
  readonly eventIndex: number;
  readonly eventKind: string;
  readonly reason: string;

  constructor(eventIndex: number, eventKind: string, date: string, reason: string, article?: string) {
    const cite = article === undefined ? '' : `（${article}）`;
    super(`第${eventIndex + 1}个事件 ${eventKind}@${date} 不被允许：${reason}${cite}`, [
      { path: `events[${eventIndex}]`, rule: 'deadline.event_rejected', message: reason },
    ]);
    this.eventIndex = eventIndex;
    this.eventKind = eventKind;
    this.reason = reason;
  }
}

/** Events must be given in date order (same-day events in the order they happened). */
export class EventsOutOfOrderError extends DomainError {
  readonly code = 'deadline.events_out_of_order';
  readonly kind = 'invalid-input';

  constructor(eventIndex: number, date: string, previous: string) {
    super(`事件顺序错误：第${eventIndex + 1}个事件的日期 ${date} 早于前一个事件的日期 ${previous}`, [
      { path: `events[${eventIndex}].date`, rule: 'deadline.events_out_of_order', message: `${date}早于前一个事件的日期${previous}` },
    ]);
  }
}

/** An event kind or channel the engine does not know. */
export class UnknownEventKindError extends DomainError {
  readonly code = 'deadline.event_unknown';
  readonly kind = 'invalid-input';

  constructor(what: string, known: readonly string[], path = 'event') {
    super(`未知的${path === 'channel' ? '提交渠道' : '事件类型'}「${what}」；可用：${known.join('、')}`, [
      { path, rule: 'deadline.event_unknown', message: `unknown: ${what}` },
    ]);
  }
}
