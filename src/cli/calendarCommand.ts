import type { Command } from 'commander';
import { defaultWorkCalendar, WorkCalendar } from '../calendar/index.ts';
import { ValidationError } from '../shared/domainError.ts';
import { readJsonFile } from './io.ts';
import { action } from './run.ts';

const CALENDAR_OPTION_HELP = '工作日历覆盖数据 JSON（{"years":{"2027":{"holidays":{…},"workdays":{…}}}}）';

/** The official calendar, or it with an installation's overrides file (`--calendar FILE`). */
export function loadWorkCalendar(file: string | undefined): WorkCalendar {
  return file === undefined ? defaultWorkCalendar() : WorkCalendar.create(readJsonFile(file));
}

function parseCount(text: string): number {
  if (!/^[+-]?\d{1,6}$/.test(text)) {
    throw new ValidationError('工作日数', [{ path: 'N', rule: 'integer', message: `「${text}」不是整数` }]);
  }
  return Number(text);
}

/** `gongkai calendar is-workday | add-workdays | workdays-between | years`. */
export function registerCalendarCommand(program: Command): void {
  const calendar = program.command('calendar').description('工作日历：法定节假日与调休上班日 (working days on the official calendar)');

  calendar
    .command('is-workday')
    .description('打印 true 或 false：DATE 是否为工作日')
    .argument('<date>', 'YYYY-MM-DD')
    .option('--calendar <file>', CALENDAR_OPTION_HELP)
    .action(
      action((date: string, options: { calendar?: string }) => {
        process.stdout.write(`${loadWorkCalendar(options.calendar).isWorkday(date)}\n`);
      }),
    );

  calendar
    .command('add-workdays')
    .description('打印 DATE 之后第 N 个工作日（DATE 当日不计）')
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<n>', '工作日数（负数向前数，写在 -- 之后）')
    .option('--calendar <file>', CALENDAR_OPTION_HELP)
    .action(
      action((date: string, n: string, options: { calendar?: string }) => {
        process.stdout.write(`${loadWorkCalendar(options.calendar).addWorkdays(date, parseCount(n))}\n`);
      }),
    );

  calendar
    .command('workdays-between')
    .description('打印 FROM 之后至 TO（含）的工作日数')
    .argument('<from>', 'YYYY-MM-DD')
    .argument('<to>', 'YYYY-MM-DD')
    .option('--calendar <file>', CALENDAR_OPTION_HELP)
    .action(
      action((from: string, to: string, options: { calendar?: string }) => {
        process.stdout.write(`${loadWorkCalendar(options.calendar).workdaysBetween(from, to)}\n`);
      }),
    );

  calendar
    .command('years')
    .description('打印工作日历已知的年份')
    .option('--calendar <file>', CALENDAR_OPTION_HELP)
    .action(
      action((options: { calendar?: string }) => {
        process.stdout.write(`${loadWorkCalendar(options.calendar).knownYears().join('\n')}\n`);
      }),
    );
}
