/**
 * The installation's working calendar: the package data with the years loaded into this installation's
 * database on top (the latest load of each year wins). Every app server reads the same table, and a
 * cheap check of the newest load id before each use makes a year loaded through one server count on
 * all of them at once — no restart, no message bus.
 */
import { desc, sql } from 'drizzle-orm';
import { parseCalendarOverrides, WorkCalendar } from '../calendar/workCalendar.ts';
import type { YearOverride } from '../calendar/workCalendar.ts';
import type { Db } from '../db/open.ts';
import { calendarLoads } from '../db/schema.ts';

interface Cached {
  readonly latestId: string | null;
  readonly calendar: WorkCalendar;
}

const cache = new WeakMap<object, Cached>();

/** The years in force: year → its data and where it came from. */
export async function loadedYears(db: Db): Promise<Map<number, { data: YearOverride; source: string; loadedAt: string; loadedBy: string; id: string }>> {
  const rows = await db
    .select()
    .from(calendarLoads)
    .where(sql`${calendarLoads.id} IN (SELECT DISTINCT ON (year) id FROM calendar_loads ORDER BY year, id DESC)`)
    .orderBy(calendarLoads.year);
  return new Map(rows.map((r) => [r.year, { data: r.data, source: r.source, loadedAt: r.createdAt, loadedBy: r.loadedBy, id: r.id }]));
}

/** Builds a calendar from the package data plus the given loaded years. */
export function calendarWith(years: ReadonlyMap<number, { data: YearOverride }>): WorkCalendar {
  if (years.size === 0) return WorkCalendar.create();
  return WorkCalendar.create(parseCalendarOverrides({ years: Object.fromEntries([...years].map(([y, v]) => [String(y), v.data])) }));
}

/** The calendar in force for this installation (cached until a new year is loaded anywhere). */
export async function installationCalendar(db: Db): Promise<WorkCalendar> {
  const [latest] = await db.select({ id: calendarLoads.id }).from(calendarLoads).orderBy(desc(calendarLoads.id)).limit(1);
  return calendarAsOfLoad(db, latest?.id ?? null);
}

/** The calendar in force when the newest load is `latestId` (already read by the caller's own query). */
export async function calendarAsOfLoad(db: Db, latestId: string | null): Promise<WorkCalendar> {
  const hit = cache.get(db);
  if (hit !== undefined && hit.latestId === latestId) return hit.calendar;
  const calendar = latestId === null ? WorkCalendar.create() : calendarWith(await loadedYears(db));
  cache.set(db, { latestId, calendar });
  return calendar;
}
