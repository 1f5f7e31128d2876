/**
 * The installation's working calendar over the API (decisions.md #22, #23): the years held and the
 * warning while next year is missing (any staff member), a year's days, loading a year from the State
 * Council's notice text or as JSON (administrator; `dryRun` shows the year and the cases it would move
 * without writing), and the cases whose due date a load moved earlier (clerks).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { parseHolidayNotice } from '../../calendar/holidayNotice.ts';
import { nextYearWarning } from '../../calendar/nextYearWarning.ts';
import { HORIZON_START } from '../../calendar/workCalendar.ts';
import { formatYearGrid } from '../../calendar/yearGrid.ts';
import { installationCalendar, loadedYears } from '../../calendarYears/installationCalendar.ts';
import { loadCalendarYear } from '../../calendarYears/loadCalendarYear.ts';
import { casesWithDueMovedEarlier } from '../../calendarYears/movedEarlier.ts';
import type { Db } from '../../db/open.ts';
import { PERMISSIONS } from '../../law/transitions.ts';
import { todayInChina } from '../../requests/today.ts';
import { authorize } from '../auth.ts';

export interface CalendarRoutesOptions {
  db: Db;
  today?: (() => string | undefined) | undefined;
}

const YearParams = Type.Object({ year: Type.Integer({ minimum: HORIZON_START, maximum: 2100, description: '年份' }) });
const NoticeBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 20_000, description: '《国务院办公厅关于YYYY年部分节假日安排的通知》全文' }),
  dryRun: Type.Optional(Type.Boolean({ description: 'true：只解析、校验并列出将受影响的案件，不保存（供确认）' })),
});
const DatesByFestival = Type.Record(Type.String({ minLength: 1, maxLength: 20 }), Type.Array(Type.String({ maxLength: 21 }), { maxItems: 40 }), {
  description: '节日名称 → 日期（YYYY-MM-DD 或 YYYY-MM-DD/YYYY-MM-DD）',
});
const YearBody = Type.Object({
  source: Type.String({ minLength: 1, maxLength: 100, description: '通知文号，如 国办发明电〔2026〕X号' }),
  holidays: DatesByFestival,
  workdays: DatesByFestival,
  dryRun: Type.Optional(Type.Boolean()),
});

export const calendarRoutes: FastifyPluginAsync<CalendarRoutesOptions> = async (api, opts) => {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = opts;
  const today = (): string => opts.today?.() ?? todayInChina();

  r.get('/calendar', { schema: { tags: ['calendar'], summary: '工作日历：已载入的年份及提醒（次年未载入时）' } }, async (req) => {
    authorize(req);
    const calendar = await installationCalendar(db);
    const loaded = await loadedYears(db);
    const t = today();
    return {
      today: t,
      years: calendar.knownYears().map((year) => {
        const l = loaded.get(year);
        return l === undefined
          ? { year, source: 'package', notice: null, loadedAt: null, loadedBy: null }
          : { year, source: 'installation', notice: l.source, loadedAt: l.loadedAt, loadedBy: l.loadedBy };
      }),
      warning: nextYearWarning(calendar, t),
    };
  });

  r.get('/calendar/years/:year', { schema: { tags: ['calendar'], summary: '某年的放假日和调休上班日', params: YearParams } }, async (req) => {
    authorize(req);
    const calendar = await installationCalendar(db);
    const { year } = req.params;
    const days = calendar.specialDaysOfYear(year);
    return { year, known: calendar.isKnownYear(year), source: calendar.yearSource(year) ?? null, days, grid: formatYearGrid(year, days) };
  });

  r.post('/calendar/notices', { schema: { tags: ['calendar'], summary: '载入国务院办公厅节假日安排通知（先 dryRun 确认）', body: NoticeBody } }, async (req) => {
    const s = authorize(req, PERMISSIONS.loadCalendar, '载入工作日历');
    const notice = parseHolidayNotice(req.body.text);
    return loadCalendarYear(db, { actor: s, year: notice.year, data: notice.override, source: notice.source, noticeText: req.body.text, today: today(), dryRun: req.body.dryRun === true });
  });

  r.put('/calendar/years/:year', { schema: { tags: ['calendar'], summary: '以 JSON 载入某年的工作日历', params: YearParams, body: YearBody } }, async (req) => {
    const s = authorize(req, PERMISSIONS.loadCalendar, '载入工作日历');
    const { dryRun, ...data } = req.body;
    return loadCalendarYear(db, { actor: s, year: req.params.year, data, source: data.source, today: today(), dryRun: dryRun === true });
  });

  r.get('/calendar/due-moved-earlier', { schema: { tags: ['calendar'], summary: '因载入节假日安排而答复期限提前的在办案件' } }, async (req) => {
    const s = authorize(req, PERMISSIONS.readCases, '查看申请');
    return { items: await casesWithDueMovedEarlier(db, s) };
  });
};
