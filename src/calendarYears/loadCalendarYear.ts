/**
 * Loads one calendar year into the installation (decisions.md #23): from the State Council's notice
 * (already parsed by calendar/holidayNotice.ts) or from JSON. In one transaction: the year is stored
 * (append-only, a later notice replaces an earlier one, as in 2020), and every open case whose clock
 * touches that year is recomputed on the new calendar, and where its due date or its 暂定 mark changes
 * the change is written as a `calendar-recomputed` event in its timeline; cases whose due date moved earlier are returned (and listed to their clerks by
 * casesWithDueMovedEarlier). A dry run computes all of it and writes nothing, for the confirmation step.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorId, requireRole } from '../accounts/actor.ts';
import type { Actor } from '../accounts/actor.ts';
import { compareDates, yearOf } from '../calendar/civilDate.ts';
import type { CivilDate } from '../calendar/civilDate.ts';
import { formatYearGrid } from '../calendar/yearGrid.ts';
import { HORIZON_START, parseCalendarOverrides } from '../calendar/workCalendar.ts';
import type { SpecialDay, YearOverride } from '../calendar/workCalendar.ts';
import type { Db, Tx } from '../db/open.ts';
import { loadAgencySettings } from '../agencies/settings.ts';
import type { DeadlineSettings } from '../law/deadline/index.ts';
import { agencies, applications, calendarLoads, events } from '../db/schema.ts';
import { OPEN_STATES, PERMISSIONS } from '../law/transitions.ts';
import { computeCaseClock, isProvisionalClock, provisionalYearsOfClock } from '../requests/clock.ts';
import type { CaseClock } from '../requests/clock.ts';
import { toCaseEvents } from '../requests/queries.ts';
import type { EventRow } from '../requests/queries.ts';
import { ValidationError } from '../shared/domainError.ts';
import { calendarWith, loadedYears } from './installationCalendar.ts';

export interface LoadCalendarYearProps {
  readonly actor: Actor;
  /** The year's data as the calendar takes it (unknown: validated here). */
  readonly year: number;
  readonly data: unknown;
  /** The notice's document number or title. */
  readonly source: string;
  /** The notice's text, when the year comes from it. */
  readonly noticeText?: string | undefined;
  /** Today in China: the date the recomputed clocks are read for. */
  readonly today: CivilDate;
  /** Compute everything, write nothing. */
  readonly dryRun?: boolean;
}

export interface RecomputedCase {
  readonly applicationId: string;
  readonly agencyCode: string;
  readonly receiptCode: string;
  readonly dueBefore: CivilDate | null;
  readonly dueAfter: CivilDate | null;
  readonly provisionalBefore: boolean;
  readonly provisionalAfter: boolean;
  readonly movedEarlier: boolean;
}

export interface LoadCalendarYearResult {
  readonly year: number;
  readonly source: string;
  /** True when the year was held before (by the package or an earlier load) and is now replaced. */
  readonly replaces: 'package' | 'installation' | null;
  readonly specialDays: readonly SpecialDay[];
  /** The year as month grids in text, for confirmation. */
  readonly grid: string;
  readonly recomputed: readonly RecomputedCase[];
  readonly movedEarlier: readonly RecomputedCase[];
  readonly dryRun: boolean;
  /** The load's id (null on a dry run). */
  readonly loadId: string | null;
}

/**
 * Whether a case's clock can involve the year: it was provisional for it, or the year lies between its
 * receipt and a year after the later of its due date and today (a clock reaches at most 40 working days
 * and its pauses past its last start). Over-inclusive on purpose: an unchanged recomputation writes nothing.
 */
function mayTouch(year: number, receivedOn: CivilDate, dueOn: CivilDate | null, clock: unknown, today: CivilDate): boolean {
  if (provisionalYearsOfClock(clock).includes(year)) return true;
  const upper = Math.max(yearOf(receivedOn), dueOn === null ? 0 : yearOf(dueOn), yearOf(today)) + 1;
  return year >= yearOf(receivedOn) && year <= upper;
}

export async function loadCalendarYear(db: Db, props: LoadCalendarYearProps): Promise<LoadCalendarYearResult> {
  requireRole(props.actor, PERMISSIONS.loadCalendar, '载入工作日历');
  const { year } = props;
  const maxYear = yearOf(props.today) + 1;
  if (!Number.isSafeInteger(year) || year < HORIZON_START || year > maxYear) {
    throw new ValidationError('工作日历年份', [
      { path: 'year', rule: 'range', message: `应为${HORIZON_START}年至${maxYear}年（次年的通知最早于当年秋季公布）` },
    ]);
  }
  const [parsed] = parseCalendarOverrides({ years: { [String(year)]: props.data } });
  if (parsed === undefined) throw new ValidationError('工作日历', [{ path: 'data', rule: 'required', message: '缺少年份数据' }]);
  const data = props.data as YearOverride;
  const source = props.source.trim() === '' ? `${year}年节假日安排` : props.source.trim();

  const run = async (tx: Tx | Db): Promise<LoadCalendarYearResult> => {
    const held = await loadedYears(tx as Db);
    const before = calendarWith(held);
    const replaces = before.yearSource(year) ?? null;
    const after = calendarWith(new Map<number, { data: YearOverride }>([...held, [year, { data: { ...data, source } }]]));

    // Open cases with a running clock; locked for the rest of the transaction so no step slips in between.
    const open = await tx
      .select({ id: applications.id, agencyId: applications.agencyId, agencyCode: agencies.code, receiptCode: applications.receiptCode, receivedOn: applications.receivedOn, dueOn: applications.dueOn, clock: applications.clock, version: applications.version })
      .from(applications)
      .innerJoin(agencies, eq(agencies.id, applications.agencyId))
      .where(and(inArray(applications.state, [...OPEN_STATES]), isNotNull(applications.receivedOn)))
      .for('update', { of: applications });
    const candidates = open.filter((c) => mayTouch(year, c.receivedOn as CivilDate, c.dueOn, c.clock, props.today));
    const eventRows: EventRow[] =
      candidates.length === 0 ? [] : await tx.select().from(events).where(inArray(events.applicationId, candidates.map((c) => c.id))).orderBy(events.createdAt, events.id);
    const byCase = new Map<string, EventRow[]>();
    for (const e of eventRows) byCase.set(e.applicationId as string, [...(byCase.get(e.applicationId as string) ?? []), e]);

    // Each case counts with its agency's deadline settings, as its steps do.
    const agencyIds = [...new Set(candidates.map((c) => c.agencyId))];
    const agencyRows = agencyIds.length === 0 ? [] : await tx.select().from(agencies).where(inArray(agencies.id, agencyIds));
    const settingsOf = new Map<string, DeadlineSettings>();
    for (const a of agencyRows) settingsOf.set(a.id, (await loadAgencySettings(tx, a)).deadline);

    const recomputed: (RecomputedCase & { clock: CaseClock; agencyId: string; version: number })[] = [];
    for (const c of candidates) {
      const caseEvents = toCaseEvents(byCase.get(c.id) ?? []);
      const clock = computeCaseClock(caseEvents, after, settingsOf.get(c.agencyId), props.today);
      const wasProvisional = isProvisionalClock(c.clock);
      if (clock.dueOn === c.dueOn && clock.provisional === wasProvisional) continue;
      recomputed.push({
        applicationId: c.id,
        agencyId: c.agencyId,
        agencyCode: c.agencyCode,
        receiptCode: c.receiptCode,
        version: c.version,
        dueBefore: c.dueOn,
        dueAfter: clock.dueOn,
        provisionalBefore: wasProvisional,
        provisionalAfter: clock.provisional,
        movedEarlier: c.dueOn !== null && clock.dueOn !== null && compareDates(clock.dueOn, c.dueOn) < 0,
        clock,
      });
    }

    const loadId = props.dryRun === true ? null : uuidv7();
    if (loadId !== null) {
      await tx.insert(calendarLoads).values({
        id: loadId,
        year,
        data: { ...data, source },
        source,
        noticeText: props.noticeText ?? null,
        loadedBy: actorId(props.actor),
        recomputed: recomputed.length,
      });
      for (const r of recomputed) {
        await tx
          .update(applications)
          .set({ dueOn: r.dueAfter, clock: r.clock, version: r.version + 1, updatedAt: sql`now()` })
          .where(eq(applications.id, r.applicationId));
        await tx.insert(events).values({
          id: uuidv7(),
          agencyId: r.agencyId,
          applicationId: r.applicationId,
          actor: actorId(props.actor),
          kind: 'calendar-recomputed',
          payload: {
            year,
            source,
            loadId,
            loadedOn: props.today,
            dueBefore: r.dueBefore,
            dueAfter: r.dueAfter,
            provisionalBefore: r.provisionalBefore,
            provisionalAfter: r.provisionalAfter,
            movedEarlier: r.movedEarlier,
            version: r.version + 1,
            dueOn: r.dueAfter,
            reasoning: r.clock.reasoning,
          },
        });
      }
    }
    const cases = recomputed.map(({ clock: _clock, agencyId: _agency, version: _version, ...rest }) => rest);
    const specialDays = after.specialDaysOfYear(year);
    return {
      year,
      source,
      replaces,
      specialDays,
      grid: formatYearGrid(year, specialDays),
      recomputed: cases,
      movedEarlier: cases.filter((c) => c.movedEarlier),
      dryRun: loadId === null,
      loadId,
    };
  };

  // A dry run reads in a transaction too, so that its view of cases is consistent, and then rolls back.
  if (props.dryRun === true) {
    let result: LoadCalendarYearResult | undefined;
    await db
      .transaction(async (tx) => {
        result = await run(tx);
        throw new DryRunRollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof DryRunRollback)) throw err;
      });
    return result as LoadCalendarYearResult;
  }
  return db.transaction((tx) => run(tx));
}

class DryRunRollback extends Error {}
