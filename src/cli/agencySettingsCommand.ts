/**
 * `gongkai agency settings` / `gongkai agency set`: the per-agency settings letters and the clock need
 * (agencies/settings.ts) — 复议机关 and its online filing channel, court, organ kind, 文号 pattern, 补正
 * period, deadline settings.
 */
import type { Command } from 'commander';
import { CliInputError } from './errors.ts';
import { withDatabase } from './database.ts';
import { action } from './run.ts';

interface SetOptions {
  agency: string;
  organKind?: string;
  reviewBody?: string;
  court?: string;
  reviewOnlineChannel?: string;
  numberPattern?: string;
  supplementDays?: string;
  unconfirmedDays?: string;
  deadline?: string;
  remediesGeneral?: string;
  remediesPrereview?: string;
}

function integer(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliInputError(`${option} 应为整数`);
  return Number(value);
}

export function registerAgencySettingsCommands(agency: Command): void {
  agency
    .command('settings')
    .description('查看机关设置（行政复议机关、人民法院、文号、补正期限、期限计算设置）')
    .requiredOption('--agency <code>', '机关代码')
    .option('--json', '输出 JSON')
    .action(
      action(async (opts: { agency: string; json?: boolean }) => {
        await withDatabase(async ({ db, actor }) => {
          const { getAgencySettings } = await import('../agencies/settings.ts');
          const s = await getAgencySettings(db, actor, opts.agency);
          if (opts.json === true) {
            process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
            return;
          }
          const lines = [
            `${s.agencyName}（${s.agencyCode}）设置 第${s.version}版`,
            `机关类型：${s.organKind ?? '未设置'}`,
            `行政复议机关：${s.reviewBody ?? '未设置'}${s.suggestion !== null ? `（建议：${s.suggestion.reviewBody}，${s.suggestion.article}）` : ''}`,
            `人民法院：${s.court ?? '未设置'}`,
            `行政复议网上申请渠道：${s.reviewOnlineChannel ?? '未设置'}`,
            `文号格式：${s.letterNumberPattern ?? '未设置'}（${s.letterCounterYear ?? '—'}年已编${s.letterCounter}号）`,
            `补正期限：${s.supplementPeriodDays}个工作日；未确认在线申请提示：${s.unconfirmedAfterDays}个工作日`,
            `期限计算：${JSON.stringify(s.deadline)}`,
            ...(s.missing.length > 0 ? [`尚缺（不能发出告知书）：${s.missing.join('、')}`] : []),
            ...s.warnings.map((w) => `提示（不影响发出）：${w}`),
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
        });
      }),
    );
  agency
    .command('set')
    .description('修改机关设置（只改给出的项）')
    .requiredOption('--agency <code>', '机关代码')
    .option('--organ-kind <kind>', 'department | government | state-council-department | vertical')
    .option('--review-body <name>', '行政复议机关全称')
    .option('--court <name>', '有管辖权的人民法院')
    .option('--review-online-channel <text>', '行政复议网上申请渠道（名称和网址），以电子方式送达的告知书载明；传空字符串清除')
    .option('--number-pattern <pattern>', '文号格式，如 某信公〔{YYYY}〕{N}号')
    .option('--supplement-days <n>', '补正期限（工作日，不少于5）')
    .option('--unconfirmed-days <n>', '在线申请未确认多少个工作日后提示')
    .option('--deadline <json>', '期限计算设置（JSON，如 {"emailReceipt":"mail-system"}）')
    .option('--remedies-general <text>', '一般救济途径文本（含 {复议机关} {人民法院}）')
    .option('--remedies-prereview <text>', '第十四条至第十六条不予公开的救济途径文本')
    .action(
      action(async (opts: SetOptions) => {
        let deadline: unknown;
        if (opts.deadline !== undefined) {
          try {
            deadline = JSON.parse(opts.deadline) as unknown;
          } catch {
            throw new CliInputError('--deadline 应为 JSON 对象');
          }
        }
        const supplementPeriodDays = integer(opts.supplementDays, '--supplement-days');
        const unconfirmedAfterDays = integer(opts.unconfirmedDays, '--unconfirmed-days');
        await withDatabase(async ({ db, actor }) => {
          const { getAgencySettings, putAgencySettings } = await import('../agencies/settings.ts');
          const current = await getAgencySettings(db, actor, opts.agency);
          const change: Record<string, unknown> = { version: current.version };
          if (opts.organKind !== undefined) change['organKind'] = opts.organKind;
          if (opts.reviewBody !== undefined) change['reviewBody'] = opts.reviewBody;
          if (opts.court !== undefined) change['court'] = opts.court;
          if (opts.reviewOnlineChannel !== undefined) change['reviewOnlineChannel'] = opts.reviewOnlineChannel.trim() === '' ? null : opts.reviewOnlineChannel;
          if (opts.numberPattern !== undefined) change['letterNumberPattern'] = opts.numberPattern;
          if (supplementPeriodDays !== undefined) change['supplementPeriodDays'] = supplementPeriodDays;
          if (unconfirmedAfterDays !== undefined) change['unconfirmedAfterDays'] = unconfirmedAfterDays;
          if (deadline !== undefined) change['deadline'] = deadline;
          if (opts.remediesGeneral !== undefined) change['remediesGeneral'] = opts.remediesGeneral;
          if (opts.remediesPrereview !== undefined) change['remediesPrereview'] = opts.remediesPrereview;
          const s = await putAgencySettings(db, actor, opts.agency, change);
          process.stdout.write(`已保存${s.agencyName}的设置（第${s.version}版）${s.missing.length > 0 ? `；尚缺：${s.missing.join('、')}` : ''}${s.warnings.map((w) => `；提示：${w}`).join('')}\n`);
        });
      }),
    );
}
