/**
 * The one place where the stored events of an application meet the deadline engine (src/law/deadline):
 * map them to the engine's events and call computeClock. The result (due date + reasoning) is cached on
 * the application and stored with each step's event; it is never the source of truth.
 */
import type { CivilDate } from '../calendar/civilDate.ts';
import { defaultWorkCalendar } from '../calendar/workCalendar.ts';
import type { WorkCalendar } from '../calendar/workCalendar.ts';
import { CHANNELS, computeClock, isClockEventKind } from '../law/deadline/index.ts';
import type { Channel, ClockEvent, ClockStep, DeadlineSettings } from '../law/deadline/index.ts';

/** An event as stored (events table). */
export interface CaseEvent {
  readonly kind: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface CaseClock {
  /** The answer due date; null when no period runs (not yet received, awaiting 补正, paused, ended). */
  readonly dueOn: CivilDate | null;
  /** not-received, running, paused, awaiting-supplement, answered, closed. */
  readonly status: string;
  /** The reasoning, one step per line: the day, the rule, what it did (Chinese). */
  readonly reasoning: readonly ClockStep[];
  readonly supplementNoticeDue: CivilDate | null;
  /** 逾期告知补正 (decisions.md #21). */
  readonly supplementNoticeLate?: boolean;
  readonly daysRemaining: number | null;
  readonly extended: boolean;
  /** Overdue by a final due date (never by a provisional one). */
  readonly overdue: boolean;
  /** The due date and period ends are 暂定: a year they run into is not loaded (decisions.md #22). */
  readonly provisional: boolean;
  readonly provisionalYears: readonly number[];
  /** Overdue by the provisional due date: to show, not to act on as final. */
  readonly provisionallyOverdue: boolean;
}

/** Stored event → engine event (or nothing: the event does not move the clock). */
export function toClockEvent(e: CaseEvent): ClockEvent | undefined {
  const date = String(e.payload['date']);
  if (e.kind === 'reasons-received' && typeof e.payload['newDueOn'] === 'string') return { kind: 'deadline-set', date, due: e.payload['newDueOn'] };
  if (!isClockEventKind(e.kind)) return undefined;
  switch (e.kind) {
    case 'received':
      return { kind: 'received', date, channel: e.payload['channel'] as Channel };
    case 'answered':
      return e.payload['onTheSpot'] === true ? { kind: 'answered', date, onTheSpot: true } : { kind: 'answered', date };
    case 'supplement-requested': {
      const periodEnd = e.payload['periodEnd'];
      return typeof periodEnd === 'string' ? { kind: 'supplement-requested', date, periodEnd } : { kind: 'supplement-requested', date };
    }
    case 'extended': {
      const days = e.payload['days'];
      return typeof days === 'number' ? { kind: 'extended', date, days } : { kind: 'extended', date };
    }
    case 'reopened': {
      const days = e.payload['days'];
      return typeof days === 'number' ? { kind: 'reopened', date, days } : { kind: 'reopened', date };
    }
    case 'deadline-set':
      return typeof e.payload['due'] === 'string' ? { kind: 'deadline-set', date, due: e.payload['due'] } : undefined;
    default:
      return { kind: e.kind, date };
  }
}

/**
 * Stored events → engine events. A case imported from a register has one `imported` event (received on
 * its date, concluded on `concludedOn`); it reaches the engine only when a later event (a reopening) needs
 * the clock.
 */
function toClockEvents(events: readonly CaseEvent[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  const hasLater = events.some((e) => e.kind === 'reopened');
  for (const e of events) {
    if (e.kind === 'imported' && hasLater) {
      const date = String(e.payload['date']);
      const channel = e.payload['channel'];
      out.push({ kind: 'received', date, channel: typeof channel === 'string' && Object.hasOwn(CHANNELS, channel) ? (channel as Channel) : 'post' });
      const concludedOn = e.payload['concludedOn'];
      if (typeof concludedOn === 'string') out.push({ kind: 'answered', date: concludedOn });
      continue;
    }
    const c = toClockEvent(e);
    if (c !== undefined) out.push(c);
  }
  return out;
}

/** The clock after the given stored events, as of `asOf` (default: the last event). */
export function computeCaseClock(
  events: readonly CaseEvent[],
  calendar: WorkCalendar = defaultWorkCalendar(),
  settings?: DeadlineSettings,
  asOf?: CivilDate,
): CaseClock {
  const clockEvents = toClockEvents(events);
  // A withdrawal ends the case unless a reopening came after it.
  const lastReopened = events.findLastIndex((e) => e.kind === 'reopened');
  const withdrawn = events.find((e, i) => e.kind === 'withdrawn' && i > lastReopened);
  if (clockEvents.length === 0 || clockEvents[0]?.kind !== 'received') {
    return {
      dueOn: null,
      status: withdrawn ? 'closed' : 'not-received',
      reasoning: [],
      supplementNoticeDue: null,
      daysRemaining: null,
      extended: false,
      overdue: false,
      provisional: false,
      provisionalYears: [],
      provisionallyOverdue: false,
    };
  }
  const last = clockEvents[clockEvents.length - 1]?.date;
  const r = computeClock(clockEvents, calendar, settings, asOf !== undefined && last !== undefined && asOf >= last ? { asOf } : {});
  const reasoning = [...r.steps];
  if (withdrawn !== undefined) {
    reasoning.push({ date: String(withdrawn.payload['date']), article: '', text: '申请人撤回申请，终止办理' });
  }
  return {
    dueOn: withdrawn !== undefined ? null : r.due,
    status: withdrawn !== undefined ? 'closed' : r.state,
    reasoning,
    supplementNoticeDue: r.supplementNoticeDue,
    supplementNoticeLate: r.supplementNoticeLate,
    daysRemaining: r.daysRemaining,
    extended: r.extended,
    overdue: r.overdue,
    provisional: r.provisional,
    provisionalYears: r.provisionalYears,
    provisionallyOverdue: r.provisionallyOverdue,
  };
}

/** Whether a stored clock (applications.clock) says its due date is 暂定. */
export function isProvisionalClock(stored: unknown): boolean {
  return typeof stored === 'object' && stored !== null && (stored as { provisional?: unknown }).provisional === true;
}

/** The years a stored clock (applications.clock) counted Monday to Friday (empty: its due date is final). */
export function provisionalYearsOfClock(stored: unknown): number[] {
  if (!isProvisionalClock(stored)) return [];
  const years = (stored as { provisionalYears?: unknown }).provisionalYears;
  return Array.isArray(years) ? years.filter((y): y is number => typeof y === 'number') : [];
}
