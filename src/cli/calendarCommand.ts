import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { nextYearWarning, parseCalendarOverrides, parseHolidayNotice, WorkCalendar } from '../calendar/index.ts';
import type { CivilDate, OverrideYear } from '../calendar/index.ts';
import type { LoadCalendarYearResult } from '../calendarYears/loadCalendarYear.ts';
import { ValidationError } from '../shared/domainError.ts';
import { CliInputError } from './errors.ts';
import { printJson, readInputFile, readJsonFile } from './io.ts';
import { action } from './run.ts';
import { todayInChina } from '../requests/today.ts';

const CALENDAR_OPTION_HELP = '另加的工作日历数据 JSON（{"years":{"2027":{"holidays":{…},"workdays":{…}}}}），优先于本系统已载入的年份';

/**
 * Today in China for the CLI; GONGKAI_TODAY (YYYY-MM-DD) stands in for it in tests and demonstrations,
 * as the server's `today` option does.
 */
export function cliToday(env: NodeJS.ProcessEnv = process.env): CivilDate {
  const given = env['GONGKAI_TODAY'];
  if (given !== undefined && given !== '') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(given)) throw new CliInputError(`GONGKAI_TODAY: 「${given}」应为 YYYY-MM-DD`);
    return given;
  }
  return todayInChina();
}

/** Whether this installation has a database to read: DATABASE_URL, or a PGlite data directory that exists. */
function installationExists(env: NodeJS.ProcessEnv = process.env): boolean {
  if ((env['DATABASE_URL'] ?? '') !== '') return true;
  const dir = path.resolve(env['GONGKAI_DATA_DIR'] || './data');
  return existsSync(path.join(dir, 'pgdata', 'PG_VERSION'));
}

/** The years this installation has loaded (its database, found as the server finds it), or none. */
async function installationYears(): Promise<OverrideYear[]> {
  if (!installationExists()) return [];
  const [{ withDatabase }, { loadedYears }] = await Promise.all([import('./database.ts'), import('../calendarYears/installationCalendar.ts')]);
  try {
    const years = await withDatabase(({ db }) => loadedYears(db));
    return years.size === 0 ? [] : [...parseCalendarOverrides({ years: Object.fromEntries([...years].map(([y, v]) => [String(y), v.data])) })];
  } catch (error) {
    if ((error as { code?: string }).code === 'db.data_dir_in_use') {
      process.stderr.write('gongkai: 注意：数据目录正由服务器使用，无法读取本系统已载入的年份，仅按软件自带数据计算；请通过 API GET /api/v1/calendar 查看。\n');
      return [];
    }
    throw error;
  }
}

/**
 * The calendar the CLI counts with: the package data, the installation's loaded years, and `--calendar
 * FILE` on top. Prints next year's warning on stderr from 1 October (decisions.md #23).
 */
export async function cliCalendar(file: string | undefined): Promise<WorkCalendar> {
  const years = await installationYears();
  if (file !== undefined) years.push(...parseCalendarOverrides(readJsonFile(file)));
  const calendar = years.length === 0 ? WorkCalendar.create() : WorkCalendar.create(years);
  const warning = nextYearWarning(calendar, cliToday());
  if (warning !== null) process.stderr.write(`gongkai: 注意：${warning.message}\n`);
  return calendar;
}

/** The answer stays plain on stdout; that it is provisional goes to stderr. */
function noteProvisional(years: readonly number[]): void {
  if (years.length > 0) process.stderr.write(`gongkai: 暂定：${years.map((y) => `${y}年`).join('、')}的节假日安排尚未载入，按周一至周五计算\n`);
}

function parseCount(text: string): number {
  if (!/^[+-]?\d{1,6}$/.test(text)) {
    throw new ValidationError('工作日数', [{ path: 'N', rule: 'integer', message: `「${text}」不是整数` }]);
  }
  return Number(text);
}

function readText(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readInputFile(file).toString('utf8').replace(/^\uFEFF/, '');
}

function printLoad(r: LoadCalendarYearResult): void {
  process.stdout.write(r.grid);
  process.stdout.write(`\n来源：${r.source}${r.replaces === null ? '' : `（替换${r.replaces === 'package' ? '软件自带' : '此前载入'}的${r.year}年数据）`}\n`);
  if (r.recomputed.length === 0) {
    process.stdout.write('在办案件的答复期限均不受影响。\n');
  } else {
    process.stdout.write(`${r.dryRun ? '将重新计算' : '已重新计算'}答复期限的在办案件（${r.recomputed.length}件）：\n`);
    for (const c of r.recomputed) {
      const mark = c.movedEarlier ? '  【提前】' : '';
      process.stdout.write(`  ${c.agencyCode} ${c.receiptCode}  ${c.dueBefore ?? '—'}${c.provisionalBefore ? '（暂定）' : ''} → ${c.dueAfter ?? '—'}${c.provisionalAfter ? '（暂定）' : ''}${mark}\n`);
    }
  }
  process.stdout.write(r.dryRun ? '\n（预览，未保存）\n' : `\n已载入${r.year}年工作日历。\n`);
}

interface LoadOptions {
  dryRun?: boolean;
  yes?: boolean;
  json?: boolean;
}

/** Preview, confirm (a terminal prompt, or --yes), store. */
async function loadYear(input: { year: number; data: unknown; source: string; noticeText?: string }, options: LoadOptions, interactive: boolean): Promise<void> {
  const [{ withDatabase }, { loadCalendarYear }] = await Promise.all([import('./database.ts'), import('../calendarYears/loadCalendarYear.ts')]);
  const today = cliToday();
  await withDatabase(async ({ db, actor }) => {
    const props = { actor, year: input.year, data: input.data, source: input.source, noticeText: input.noticeText, today };
    const preview = await loadCalendarYear(db, { ...props, dryRun: true });
    let confirmed = options.yes === true;
    if (options.dryRun === true || !confirmed) {
      if (options.json === true) printJson(preview);
      else printLoad(preview);
    }
    if (options.dryRun === true) return;
    if (!confirmed) {
      if (!interactive) throw new CliInputError('请核对上面的日历，确认无误后加 --yes 重新运行（或在终端中运行以交互确认）；加 --dry-run 只预览');
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      const answer = await rl.question(`确认载入${input.year}年工作日历？[y/N] `);
      rl.close();
      confirmed = /^(y|yes|是)$/i.test(answer.trim());
      if (!confirmed) {
        process.stderr.write('未载入。\n');
        process.exitCode = 1;
        return;
      }
    }
    const stored = await loadCalendarYear(db, props);
    if (options.json === true) printJson(stored);
    else if (options.yes === true) printLoad(stored);
    else process.stdout.write(`已载入${stored.year}年工作日历；重新计算了${stored.recomputed.length}件在办案件的答复期限（其中${stored.movedEarlier.length}件提前）。\n`);
  });
}

/** `gongkai calendar is-workday | add-workdays | workdays-between | years | show | load-notice | load`. */
export function registerCalendarCommand(program: Command): void {
  const calendar = program.command('calendar').description('工作日历：法定节假日与调休上班日 (working days on the official calendar)');

  calendar
    .command('is-workday')
    .description('打印 true 或 false：DATE 是否为工作日（所在年份未载入时按周一至周五，并注明暂定）')
    .argument('<date>', 'YYYY-MM-DD')
    .option('--calendar <file>', CALENDAR_OPTION_HELP)
    .action(
      action(async (date: string, options: { calendar?: string }) => {
        const c = await cliCalendar(options.calendar);
        process.stdout.write(`${c.isWorkday(date)}\n`);
        if (c.isProvisional(date)) noteProvisional([Number(date.slice(0, 4))]);
      }),
    );

  calendar
    .command('add-workdays')
    .description('打印 DATE 之后第 N 个工作日（DATE 当日不计）')
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<n>', '工作日数（负数向前数，写在 -- 之后）')
    .option('--calendar <file>', CALENDAR_OPTION_HELP)
    .action(
      action(async (date: string, n: string, options: { calendar?: string }) => {
        const c = await cliCalendar(options.calendar);
        const out = c.addWorkdays(date, parseCount(n));
        process.stdout.write(`${out}\n`);
        noteProvisional(c.provisionalYearsBetween(date, out));
      }),
    );

  calendar
    .command('workdays-between')
    .description('打印 FROM 之后至 TO（含）的工作日数')
    .argument('<from>', 'YYYY-MM-DD')
    .argument('<to>', 'YYYY-MM-DD')
    .option('--calendar <file>', CALENDAR_OPTION_HELP)
    .action(
      action(async (from: string, to: string, options: { calendar?: string }) => {
        const c = await cliCalendar(options.calendar);
        process.stdout.write(`${c.workdaysBetween(from, to)}\n`);
        noteProvisional(c.provisionalYearsBetween(from, to));
      }),
    );

  calendar
    .command('years')
    .description('打印工作日历已知的年份（软件自带或本系统已载入）')
    .option('--calendar <file>', CALENDAR_OPTION_HELP)
    .action(
      action(async (options: { calendar?: string }) => {
        const c = await cliCalendar(options.calendar);
        process.stdout.write(`${c.knownYears().map((y) => `${y}${c.yearSource(y) === 'installation' ? '（已载入）' : ''}`).join('\n')}\n`);
      }),
    );

  calendar
    .command('show')
    .description('按月显示某年的放假日（休）和调休上班日（班）')
    .argument('<year>', 'YYYY')
    .option('--calendar <file>', CALENDAR_OPTION_HELP)
    .action(
      action(async (yearText: string, options: { calendar?: string }) => {
        if (!/^\d{4}$/.test(yearText)) throw new CliInputError(`年份「${yearText}」应为四位数字`);
        const year = Number(yearText);
        const c = await cliCalendar(options.calendar);
        if (!c.isKnownYear(year)) throw new CliInputError(`${year}年节假日安排尚未载入（用 gongkai calendar load-notice 载入）`);
        const { formatYearGrid } = await import('../calendar/yearGrid.ts');
        process.stdout.write(formatYearGrid(year, c.specialDaysOfYear(year)));
      }),
    );

  calendar
    .command('load-notice')
    .description('载入《国务院办公厅关于YYYY年部分节假日安排的通知》全文（文件，或 - 表示标准输入）：解析、校验、按月显示供确认，保存到本系统数据库，并重新计算受影响的在办案件')
    .argument('<file>', '通知全文（纯文本，UTF-8）；- 表示标准输入')
    .option('--dry-run', '只解析、校验并显示，不保存')
    .option('--yes', '不再询问，直接载入（非交互使用）')
    .option('--json', '以 JSON 输出结果')
    .action(
      action(async (file: string, options: LoadOptions) => {
        const text = readText(file);
        const notice = parseHolidayNotice(text);
        await loadYear({ year: notice.year, data: notice.override, source: notice.source, noticeText: text }, options, file !== '-' && process.stdin.isTTY === true);
      }),
    );

  calendar
    .command('load')
    .description('以 JSON 载入工作日历年份（{"years":{"2027":{"source":"国办发明电〔2026〕X号","holidays":{…},"workdays":{…}}}}），保存到本系统数据库')
    .argument('<file>', 'JSON 文件')
    .option('--dry-run', '只校验并显示，不保存')
    .option('--yes', '不再询问，直接载入')
    .option('--json', '以 JSON 输出结果')
    .action(
      action(async (file: string, options: LoadOptions) => {
        const value = readJsonFile(file);
        const years = parseCalendarOverrides(value);
        const raw = (value as { years: Record<string, { source?: unknown }> }).years;
        for (const y of years) {
          const data = raw[String(y.year)];
          const source = typeof data?.source === 'string' && data.source !== '' ? data.source : `${y.year}年节假日安排（${path.basename(file)}）`;
          await loadYear({ year: y.year, data, source }, options, process.stdin.isTTY === true);
        }
      }),
    );
}
