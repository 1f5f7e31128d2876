/**
 * Reconsideration and litigation records (table 4) from the command line (acts as the system):
 *   gongkai appeal add --agency CODE --body 国务院 --case-number 国复〔2021〕7号 --path reconsideration
 *                      --filed-on 2021-01-10 --result 纠正 --decided-on 2021-03-01 --application XFJ-2020-003 [--note …]
 *   gongkai appeal import FILE.json --agency CODE      (a JSON array of such records, all or nothing)
 *   gongkai appeal list --agency CODE [--year Y] [--json]
 * A 纠正 says what it orders (--correction); 撤销并责令重新答复 and 责令履行 reopen the applications it concerns
 * with a new 20-working-day deadline (or --period-days) from the day after --served-on (default the decision day).
 */
import { CORRECTION_KIND_IDS, CORRECTION_KINDS } from '../law/appealResults.ts';
import type { Command } from 'commander';
import { APPEAL_RESULT_VALUES } from '../appeals/records.ts';
import { withDatabase } from './database.ts';
import { printJson, readJsonFile } from './io.ts';
import { parseReportYear } from './reportYearOption.ts';
import { action } from './run.ts';

interface AddOptions {
  agency: string;
  body: string;
  caseNumber: string;
  path: string;
  filedOn: string;
  result: string;
  decidedOn?: string;
  application: string[];
  note?: string;
  correction?: string;
  servedOn?: string;
  periodDays?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerAppealCommands(program: Command): void {
  const appeal = program.command('appeal').description('行政复议、行政诉讼记录（表四） (appeal records)');
  appeal
    .command('add')
    .description('登记一件行政复议或行政诉讼；结果纠正的，所涉申请重新办理')
    .requiredOption('--agency <code>', '机关代码')
    .requiredOption('--body <name>', '复议机关或法院')
    .requiredOption('--case-number <text>', '案号')
    .requiredOption('--path <path>', 'reconsideration | litigation_direct | litigation_after_reconsideration（或 行政复议 等）')
    .requiredOption('--filed-on <date>', '申请复议或起诉日期 YYYY-MM-DD')
    .requiredOption('--result <result>', APPEAL_RESULT_VALUES.map((r) => r.label).join(' | '))
    .option('--decided-on <date>', '审结日期 YYYY-MM-DD')
    .requiredOption('--application <ref>', '所涉申请的 id 或本机关编号（可重复）', collect)
    .option('--note <text>', '备注')
    .option('--correction <kind>', `结果纠正的方式（必填）：${CORRECTION_KIND_IDS.map((k) => `${k}（${CORRECTION_KINDS[k].label}）`).join(' | ')}`)
    .option('--served-on <date>', '纠正决定送达本机关的日期 YYYY-MM-DD（缺省为审结日期）')
    .option('--period-days <n>', '纠正决定确定的重新答复期限（工作日，缺省20）')
    .option('--json', '输出 JSON')
    .action(
      action(async (options: AddOptions) => {
        const { recordAppeal } = await import('../appeals/appeals.ts');
        const input = {
          body: options.body,
          caseNumber: options.caseNumber,
          path: options.path,
          filedOn: options.filedOn,
          result: options.result,
          decidedOn: options.decidedOn ?? null,
          applications: options.application,
          ...(options.note !== undefined ? { note: options.note } : {}),
          ...(options.correction !== undefined ? { correction: options.correction } : {}),
          ...(options.servedOn !== undefined ? { servedOn: options.servedOn } : {}),
          ...(options.periodDays !== undefined ? { periodDays: /^\d+$/.test(options.periodDays) ? Number(options.periodDays) : options.periodDays } : {}),
        };
        const result = await withDatabase(({ db, key, actor }) => recordAppeal({ db, key: key(), actor }, options.agency, input));
        if (options.json) return printJson(result);
        process.stdout.write(`已登记 ${result.appeal.caseNumber}（${result.appeal.applications.length} 件申请）\n`);
        for (const r of result.reopened) process.stdout.write(`  申请 ${r.applicationId} 重新办理，答复期限至 ${r.dueOn ?? '—'}\n`);
      }),
    );
  appeal
    .command('import')
    .description('从 JSON 文件导入记录（数组；全部有效才写入）')
    .argument('<file>', 'JSON 数组，每项 { body, caseNumber, path, filedOn, result, decidedOn, applications, note? }')
    .requiredOption('--agency <code>', '机关代码')
    .option('--json', '输出 JSON')
    .action(
      action(async (file: string, options: { agency: string; json?: boolean }) => {
        const [{ parseAppealInputs }, { recordAppeal }] = await Promise.all([import('../appeals/records.ts'), import('../appeals/appeals.ts')]);
        const inputs = parseAppealInputs(readJsonFile(file));
        const results = await withDatabase(async ({ db, key, actor }) => {
          // One transaction: every record, or none.
          return db.transaction(async (tx) => {
            const out = [];
            for (const input of inputs) out.push(await recordAppeal({ db: tx, key: key(), actor }, options.agency, input));
            return out;
          });
        });
        if (options.json) return printJson(results);
        const reopened = results.reduce((n, r) => n + r.reopened.length, 0);
        process.stdout.write(`已导入 ${results.length} 件行政复议、行政诉讼记录${reopened > 0 ? `；${reopened} 件申请重新办理` : ''}\n`);
      }),
    );
  appeal
    .command('list')
    .description('列出记录')
    .requiredOption('--agency <code>', '机关代码')
    .option('--year <year>', '只列在该年度表四中统计的')
    .option('--json', '输出 JSON')
    .action(
      action(async (options: { agency: string; year?: string; json?: boolean }) => {
        const year = options.year === undefined ? undefined : parseReportYear(options.year);
        const { listAppeals } = await import('../appeals/appeals.ts');
        const items = await withDatabase(({ db, actor }) => listAppeals(db, actor, options.agency, year));
        if (options.json) return printJson(items);
        for (const a of items) process.stdout.write(`${a.filedOn}\t${a.caseNumber}\t${a.body}\t${a.path}\t${a.result}${a.decidedOn !== null ? `（${a.decidedOn}）` : ''}\t${a.applications.length} 件申请\n`);
      }),
    );
}
