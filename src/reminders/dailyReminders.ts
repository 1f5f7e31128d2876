/**
 * The working-day morning reminder: each clerk and head gets the cases of their agencies that are overdue
 * or due within 3 working days, as a notification in the console and, when SMTP is configured and the
 * user has an e-mail address, by e-mail. Runs once per day however many servers share the database.
 */
import { eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { StaffActor } from '../accounts/actor.ts';
import type { CivilDate } from '../calendar/civilDate.ts';
import { installationCalendar } from '../calendarYears/installationCalendar.ts';
import type { WorkCalendar } from '../calendar/workCalendar.ts';
import type { Db } from '../db/open.ts';
import { agencies, notifications, users } from '../db/schema.ts';
import { isRole } from '../law/transitions.ts';
import type { Role } from '../law/transitions.ts';
import { workbench } from '../requests/workbench.ts';
import type { WorkbenchCase } from '../requests/workbench.ts';
import { claimRun, finishRun } from './jobRuns.ts';
import type { Mailer } from './mailer.ts';

export const DAILY_REMINDERS_JOB = 'daily-reminders';
const REMINDED_ROLES: readonly Role[] = ['clerk', 'head'];

export interface DailyRemindersResult {
  /** false: not a working day, or another server ran today's reminders already */
  ran: boolean;
  notified: number;
  emailed: number;
  mailErrors: string[];
}

function line(c: WorkbenchCase): string {
  const left = c.workdaysLeft === null ? '' : c.workdaysLeft < 0 ? `，已逾期${-c.workdaysLeft}个工作日` : `，剩余${c.workdaysLeft}个工作日`;
  return `  ${c.receiptCode}  ${c.applicant}  ${c.description.slice(0, 30)}  答复期限 ${c.dueOn ?? '—'}${left}`;
}

export function reminderText(today: CivilDate, overdue: readonly WorkbenchCase[], dueSoon: readonly WorkbenchCase[]): { title: string; body: string } {
  const title = `${today} 办理提醒：已逾期 ${overdue.length} 件，3个工作日内到期 ${dueSoon.length} 件`;
  const parts = [title, ''];
  if (overdue.length > 0) parts.push('已逾期：', ...overdue.map(line), '');
  if (dueSoon.length > 0) parts.push('3个工作日内到期：', ...dueSoon.map(line), '');
  parts.push('请登录政府信息公开工作台（/console）办理。');
  return { title, body: parts.join('\n') };
}

export async function sendDailyReminders(db: Db, opts: { today: CivilDate; mailer?: Mailer | undefined; calendar?: WorkCalendar }): Promise<DailyRemindersResult> {
  // the installation's calendar: built-in years plus the years loaded from the State Council's notice
  const cal = opts.calendar ?? (await installationCalendar(db));
  const result: DailyRemindersResult = { ran: false, notified: 0, emailed: 0, mailErrors: [] };
  if (!cal.isWorkday(opts.today)) return result;
  if (!(await claimRun(db, DAILY_REMINDERS_JOB, opts.today))) return result;
  result.ran = true;

  const people = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, roles: users.roles, email: users.email, agencyId: users.agencyId, agencyPath: agencies.path })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.active, true));
  for (const p of people) {
    const roles = p.roles.filter(isRole);
    if (!roles.some((r) => REMINDED_ROLES.includes(r))) continue;
    const actor: StaffActor = { kind: 'staff', userId: p.id, username: p.username, displayName: p.displayName, roles, agencyId: p.agencyId, agencyPath: p.agencyPath };
    const wb = await workbench(db, actor, { today: opts.today, calendar: cal });
    if (wb.overdue.length + wb.dueSoon.length === 0) continue;
    const { title, body } = reminderText(opts.today, wb.overdue, wb.dueSoon);
    const id = uuidv7();
    const cases = [...wb.overdue, ...wb.dueSoon].map((c) => ({ id: c.id, receiptCode: c.receiptCode, dueOn: c.dueOn }));
    await db.insert(notifications).values({ id, agencyId: p.agencyId, userId: p.id, kind: 'daily-reminder', title, body, cases });
    result.notified += 1;
    if (opts.mailer !== undefined && p.email !== null && p.email !== '') {
      try {
        await opts.mailer.send({ to: p.email, subject: title, text: `${p.displayName}：\n\n${body}` });
        await db.update(notifications).set({ emailedAt: new Date().toISOString() }).where(inArray(notifications.id, [id]));
        result.emailed += 1;
      } catch (err) {
        result.mailErrors.push(`${p.username}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  await finishRun(db, DAILY_REMINDERS_JOB, opts.today, { notified: result.notified, emailed: result.emailed, mailErrors: result.mailErrors });
  return result;
}
