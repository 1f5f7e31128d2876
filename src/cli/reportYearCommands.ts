/**
 * The report of a year over the database, from the command line (acts as the system; every change is
 * audited in the events table like its API counterpart):
 *   gongkai report lock --agency CODE --year Y
 *   gongkai report reopen --agency CODE --year Y --reason TEXT
 *   gongkai report proactive --agency CODE --year Y FILE.json     (table 2 figures, validated)
 *   gongkai report rollup --region CODE --year Y [--json | --format html|md|docx|pdf [--out FILE]]
 * src/db and the report modules are loaded only when one of these runs.
 */
import type { Command } from 'commander';
import { REPORT_FORMATS } from '../report/render/formats.ts';
import { withDatabase } from './database.ts';
import { CliInputError } from './errors.ts';
import { printJson, readJsonFile } from './io.ts';
import { reportFormatOption, writeRenderedReport } from './reportOutput.ts';
import { action } from './run.ts';
import { parseReportYear } from './reportYearOption.ts';

const reportDb = () => import('../report/build/db.ts');

/** `report lock` and `report reopen`. */
export function registerReportLockCommands(report: Command): void {
  report
    .command('lock')
    .description('发布并锁定年度报告：其统计过的案件不能再被修改，直至重新开放 (publish and lock a year)')
    .requiredOption('--agency <code>', '机关代码')
    .requiredOption('--year <year>', '统计年度')
    .action(
      action(async (options: { agency: string; year: string }) => {
        const year = parseReportYear(options.year);
        const { lockReport } = await reportDb();
        const locked = await withDatabase(({ db, actor }) => lockReport(db, actor, options.agency, year));
        process.stdout.write(`已锁定 ${locked.agency} ${year} 年度报告（新收申请 ${locked.applications['received']?.total ?? 0} 件）\n`);
      }),
    );
  report
    .command('reopen')
    .description('重新开放已锁定的年度报告（理由记入审计日志） (reopen a locked year, with a reason)')
    .requiredOption('--agency <code>', '机关代码')
    .requiredOption('--year <year>', '统计年度')
    .requiredOption('--reason <text>', '重新开放的理由')
    .action(
      action(async (options: { agency: string; year: string; reason: string }) => {
        const year = parseReportYear(options.year);
        const { reopenReport } = await reportDb();
        await withDatabase(({ db, actor }) => reopenReport(db, actor, options.agency, year, options.reason));
        process.stdout.write(`已重新开放 ${options.agency} ${year} 年度报告\n`);
      }),
    );
}

/** `report proactive FILE.json`: the table-2 figures of a year. */
export function registerReportProactiveCommand(report: Command): void {
  report
    .command('proactive')
    .description('录入表二（主动公开政府信息情况）数字 (enter table 2 of a year)')
    .argument('<file>', '表二 JSON（ReportData 的 proactive 部分）')
    .requiredOption('--agency <code>', '机关代码')
    .requiredOption('--year <year>', '统计年度')
    .action(
      action(async (file: string, options: { agency: string; year: string }) => {
        const year = parseReportYear(options.year);
        const figures = readJsonFile(file);
        const { setProactiveFigures } = await reportDb();
        await withDatabase(({ db, actor }) => setProactiveFigures(db, actor, options.agency, year, figures));
        process.stdout.write(`已录入 ${options.agency} ${year} 年表二数字\n`);
      }),
    );
}

/** `report rollup --region CODE --year Y`: every agency under a region, summed. */
export function registerReportRollupCommand(report: Command): void {
  report
    .command('rollup')
    .description('辖区汇总：该地区下全部机关的年度报告之和 (roll up every agency under a region)')
    .requiredOption('--region <code>', '地区（政务公开办）机关代码')
    .requiredOption('--year <year>', '统计年度')
    .option('--json', '输出 ReportData JSON')
    .option('--format <format>', `输出格式：${REPORT_FORMATS.join('|')}`)
    .option('--out <file>', '输出文件')
    .action(
      action(async (options: { region: string; year: string; json?: boolean; format?: string; out?: string }) => {
        const year = parseReportYear(options.year);
        if (options.json && options.format !== undefined) throw new CliInputError('--json 与 --format 只能选一个');
        const format = options.format === undefined ? undefined : reportFormatOption(options.format);
        const { rollUpRegion } = await reportDb();
        const report = await withDatabase(({ db, actor }) => rollUpRegion(db, actor, options.region, year));
        if (options.json) return printJson(report);
        if (format !== undefined) return writeRenderedReport(report, format, options.out);
        const agencies = (report.provenance as { agencies?: number } | undefined)?.agencies ?? 0;
        process.stdout.write(`${report.agency} ${year}年：${agencies} 个机关；新收申请 ${report.applications['received']?.total ?? 0} 件，办结 ${report.applications['processed_total']?.total ?? 0} 件，结转下年度 ${report.applications['carried_forward']?.total ?? 0} 件；行政复议 ${report.appeals.reconsideration.total ?? 0} 件\n`);
      }),
    );
}
