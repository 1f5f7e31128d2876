import type { Command } from 'commander';
import { formatChineseDate, parseCivilDate, weekdayLabel } from '../calendar/index.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { CHANNELS, computeClock, parseChannel, parseEventSpec, resolveDeadlineSettings } from '../law/deadline/index.ts';
import type { ClockEvent, ClockResult, ClockState, EmailReceiptRule } from '../law/deadline/index.ts';
import { ValidationError } from '../shared/domainError.ts';
import { cliCalendar } from './calendarCommand.ts';
import { printJson } from './io.ts';
import { action } from './run.ts';

const STATE_LABELS = {
  running: '计算中',
  paused: '中止计算',
  answered: '已答复',
  closed: '已终止处理',
  'awaiting-supplement': '等待补正',
} as const satisfies Record<ClockState, string>;

interface DeadlineOptions {
  received: string;
  channel: string;
  event: string[];
  asOf?: string;
  json?: boolean;
  days?: boolean;
  calendar?: string;
  receiptDayCounts?: boolean;
  feeNoticePauses: boolean;
  emailReceipt: string;
}

/** Each counted working day with its ordinal, for checking against a paper calendar. */
function dayList(r: ClockResult, calendar: WorkCalendar): string[] {
  const lines: string[] = [];
  let n = 0;
  for (const s of r.segments) {
    let d = s.first;
    for (let i = 0; i < s.days; i += 1) {
      if (i > 0) d = calendar.addWorkdays(d, 1);
      n += 1;
      const special = calendar.dayInfo(d).special;
      lines.push(`  第${String(n).padStart(2)}个工作日  ${d} ${weekdayLabel(d)}${special?.kind === 'workday' ? `（${special.name}调休上班）` : ''}`);
    }
  }
  return lines;
}

function render(r: ClockResult): string {
  const lines: string[] = [];
  const day = (date: string): string => formatChineseDate(date);
  lines.push(`收到申请：${day(r.receivedOn)}，${CHANNELS[r.channel].label}`);
  lines.push(`状态：${STATE_LABELS[r.state]}（${r.state}）`);
  const tentative = r.provisional ? '（暂定）' : '';
  if (r.due !== null) lines.push(`答复期限届满日：${day(r.due)}${r.extended ? '（已延长）' : ''}${tentative}`);
  lines.push(`补正通知最迟：${day(r.supplementNoticeDue)}${tentative}`);
  if (r.provisional) lines.push(`暂定：${r.provisionalYears.map((y) => `${y}年`).join('、')}的节假日安排尚未载入，该年日期按周一至周五计算（载入：gongkai calendar load-notice 通知.txt）`);
  if (r.answeredOn !== null) lines.push(`答复日：${day(r.answeredOn)}${r.overdue ? '（逾期）' : ''}`);
  if (r.closedAs !== null) lines.push(`结案类型：${r.closedAs}`);
  if (r.daysRemaining !== null && r.state !== 'closed') {
    lines.push(`截至${day(r.asOf)}：已用${r.daysUsed}个工作日，${r.daysRemaining >= 0 ? `剩余${r.daysRemaining}个工作日` : `已逾期${-r.daysRemaining}个工作日`}（共${r.periodDays}个）`);
  }
  lines.push('', '计算过程（《条例》指《中华人民共和国政府信息公开条例》）：');
  r.steps.forEach((s, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${s.date} ${weekdayLabel(s.date)} 〔${s.article}〕 ${s.text}`);
  });
  return `${lines.join('\n')}\n`;
}

/** `gongkai deadline --received DATE [--channel 邮寄] [--event KIND@DATE …] [--as-of DATE] [--json]`. */
export function registerDeadlineCommand(program: Command): void {
  program
    .command('deadline')
    .description('计算政府信息公开申请的答复期限（《条例》第三十条至第三十四条），并列出计算过程')
    .requiredOption('--received <date>', '收到申请之日 YYYY-MM-DD（按《条例》第三十一条确定）')
    .option('--channel <channel>', `提交渠道：${Object.values(CHANNELS).map((c) => c.label).join('|')}`, '当面')
    .option(
      '--event <kind@date>',
      '事件，可重复，按发生顺序：supplement-requested[:补正期限届满日 YYYY-MM-DD，缺省15个工作日]、supplement-received、supplement-lapsed、third-party-sent、third-party-replied、third-party-lapsed、agency-consultation-sent、agency-consultation-replied、agency-consultation-lapsed、extended[:天数]、fee-notice-sent、fee-paid、fee-lapsed、answered、answered-on-the-spot',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--as-of <date>', '计算已用工作日的日期（默认：最后一个事件之日）')
    .option('--json', '以 JSON 输出 { due, state, steps, … }')
    .option('--days', '逐日列出计入的每个工作日')
    .option('--calendar <file>', '另加的工作日历数据 JSON（优先于本系统已载入的年份）')
    .option('--receipt-day-counts', '收到申请当日计入期限（默认不计入）')
    .option('--no-fee-notice-pauses', '收费通知期间答复期限照常计算（默认中止计算）')
    .option('--email-receipt <rule>', '电子邮件收到之日：mutual-confirmation（双方确认，默认）或 mail-system（邮件系统收到，207号）', 'mutual-confirmation')
    .action(
      action(async (options: DeadlineOptions) => {
        const calendar = await cliCalendar(options.calendar);
        const received: ClockEvent = {
          kind: 'received',
          date: parseCivilDate(options.received, '--received'),
          channel: parseChannel(options.channel),
        };
        const events: ClockEvent[] = [received];
        for (const spec of options.event) {
          const m = /^answered-on-the-spot@(.*)$/.exec(spec);
          events.push(m !== null ? { kind: 'answered', date: parseCivilDate(m[1] ?? '', '--event answered-on-the-spot'), onTheSpot: true } : parseEventSpec(spec));
        }
        if (options.emailReceipt !== 'mutual-confirmation' && options.emailReceipt !== 'mail-system') {
          throw new ValidationError('--email-receipt', [{ path: '--email-receipt', rule: 'enum', message: '应为 mutual-confirmation 或 mail-system' }]);
        }
        const settings = resolveDeadlineSettings({
          receiptDayCounts: options.receiptDayCounts === true,
          feeNoticePausesClock: options.feeNoticePauses,
          emailReceipt: options.emailReceipt as EmailReceiptRule,
        });
        const asOf = options.asOf === undefined ? undefined : parseCivilDate(options.asOf, '--as-of');
        const result = computeClock(events, calendar, settings, asOf === undefined ? {} : { asOf });
        if (options.json === true) {
          printJson({ ...result, steps: result.steps.map((s) => ({ ...s, weekday: weekdayLabel(s.date) })), settings });
        } else {
          process.stdout.write(render(result));
          if (options.days === true) process.stdout.write(`\n计入的工作日：\n${dayList(result, calendar).join('\n')}\n`);
        }
      }),
    );
}
