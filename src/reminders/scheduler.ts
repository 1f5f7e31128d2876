/**
 * The scheduled jobs of a running server: every minute it checks whether the working-day morning reminder
 * is due (China time, from `hour` o'clock) and runs it; claimRun makes that once per day across servers.
 */
import type { Db } from '../db/open.ts';
import { todayInChina } from '../requests/today.ts';
import { sendDailyReminders } from './dailyReminders.ts';
import type { DailyRemindersResult } from './dailyReminders.ts';
import type { Mailer } from './mailer.ts';

export interface SchedulerOptions {
  db: Db;
  mailer?: Mailer | undefined;
  /** The hour (China time) from which the morning reminder goes out; default 8. */
  hour?: number;
  intervalMs?: number;
  now?: () => Date;
  onRun?: (result: DailyRemindersResult) => void;
  onError?: (err: unknown) => void;
}

export function startScheduler(opts: SchedulerOptions): { stop: () => void; tick: () => Promise<void> } {
  const hour = opts.hour ?? 8;
  let done = '';
  let running = false;
  const tick = async () => {
    if (running) return;
    const now = opts.now?.() ?? new Date();
    const today = todayInChina(now);
    const chinaHour = (now.getUTCHours() + 8) % 24;
    if (done === today || chinaHour < hour) return;
    running = true;
    try {
      const result = await sendDailyReminders(opts.db, { today, mailer: opts.mailer });
      done = today;
      opts.onRun?.(result);
    } catch (err) {
      opts.onError?.(err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.intervalMs ?? 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
