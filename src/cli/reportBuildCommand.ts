/**
 * `gongkai report build`: the annual report built from cases.
 *   --agency CODE --year Y                 from the database (cases, appeal records, entered table 2)
 *   --register FILE --agency-name NAME --year Y [--appeals FILE.json] [--proactive FILE.json]
 *                                          from a register file, without a database
 * Output: a summary (default), `--json` (ReportData), or `--format html|md|docx|pdf` (to --out or stdout);
 * `--previous FILE.json` adds last year's comparison; `--cell PATH` lists the cases a cell counts.
 */
import type { Command } from 'commander';
import { APPEAL_GROUPS, APPEAL_RESULTS, TABLE3_TITLE, table3RowLabel, table3Rows } from '../law/index.ts';
import { parseAppealInputs, appealForReport } from '../appeals/records.ts';
import { buildReport, cellSource, registerRowsToCases, templateOrThrow, type BuildReportInput, type CellSource } from '../report/build/index.ts';
import { checkReport } from '../report/check.ts';
import { compareReports } from '../report/compare.ts';
import type { ReportData } from '../report/reportData.ts';
import { isReportFormat, REPORT_FORMATS } from '../report/render/formats.ts';
import { writeRenderedReport } from './reportOutput.ts';
import { unconfirmedWarning } from '../report/render/warnings.ts';
import { parseProactiveTable, parseReportData } from '../report/validateReport.ts';
import { CliInputError } from './errors.ts';
import { printJson, readJsonFile } from './io.ts';
import { withDatabase } from './database.ts';
import { action } from './run.ts';
import { parseReportYear } from './reportYearOption.ts';

export interface ReportBuildOptions {
  agency?: string;
  agencyName?: string;
  register?: string;
  appeals?: string;
  proactive?: string;
  previous?: string;
  year: string;
  json?: boolean;
  format?: string;
  out?: string;
  cell?: string;
}

export interface BuiltReport {
  report: ReportData;
  previous: ReportData | null;
  /** online submissions never confirmed (not in table 3): from the database only */
  unconfirmed?: readonly { id: string; receiptCode: string; submittedOn: string; applicant: string }[];
  source(path: string): Promise<CellSource>;
}

/** From the database named by DATABASE_URL / GONGKAI_DATA_DIR (loaded only when used). */
async function withDatabaseReport(agencyCode: string, year: number, use: (built: BuiltReport) => Promise<void>): Promise<void> {
  const { buildAgencyReport } = await import('../report/build/db.ts');
  await withDatabase(async ({ db, actor }) => use(await buildAgencyReport(db, actor, agencyCode, year)));
}

async function fromRegister(options: ReportBuildOptions, year: number): Promise<BuiltReport> {
  if (options.agencyName === undefined || options.agencyName.trim() === '') throw new CliInputError('--register 需要同时给出 --agency-name（报告的发布机关名称）');
  const { parseRegisterFile } = await import('../register/read.ts');
  const rows = await parseRegisterFile(options.register!);
  const cases = registerRowsToCases(rows);
  const appeals = options.appeals === undefined ? [] : parseAppealInputs(readJsonFile(options.appeals)).map((a, i) => appealForReport({ ...a, id: `${a.caseNumber || `appeal-${i + 1}`}` }));
  const input: BuildReportInput = { agency: options.agencyName.trim(), year, cases, appeals };
  if (options.proactive !== undefined) input.proactive = parseProactiveTable(readJsonFile(options.proactive), templateOrThrow(year));
  const report = buildReport(input);
  report.provenance = { ...report.provenance, register: options.register, ...(options.appeals ? { appealsFile: options.appeals } : {}) };
  return { report, previous: null, source: async (path) => cellSource(input, path) };
}

export async function runReportBuild(options: ReportBuildOptions): Promise<void> {
  const year = parseReportYear(options.year);
  if (options.format !== undefined && !isReportFormat(options.format)) throw new CliInputError(`--format ${options.format}: 应为 ${REPORT_FORMATS.join('、')}`);
  if (options.json && options.format !== undefined) throw new CliInputError('--json 与 --format 只能选一个');
  if (options.register !== undefined) await output(options, await fromRegister(options, year));
  else if (options.agency !== undefined) await withDatabaseReport(options.agency, year, (built) => output(options, built));
  else throw new CliInputError('请给出 --agency CODE（从数据库）或 --register FILE --agency-name NAME（从台账文件）');
}

async function output(options: ReportBuildOptions, built: BuiltReport): Promise<void> {
  const previous = options.previous !== undefined ? parseReportData(readJsonFile(options.previous)) : built.previous;

  if (options.cell !== undefined) {
    const src = await built.source(options.cell);
    if (options.json) return printJson({ cell: options.cell, ...src });
    if (src.kind === 'entered') process.stdout.write(`${options.cell}: 录入的数字，不由案件统计\n`);
    else {
      process.stdout.write(`${options.cell}: ${src.ids.length} 件${src.kind === 'catalogue' ? '（政府信息公开目录中的文件）' : ''}\n`);
      for (const id of src.ids) process.stdout.write(`${id}\n`);
    }
    return;
  }
  const { unconfirmed } = built;
  const report: ReportData = unconfirmed === undefined ? built.report : { ...built.report, provenance: { ...built.report.provenance, unconfirmed } };
  for (const w of unconfirmedWarning(unconfirmed ?? [])) process.stderr.write(`警告：${w}\n`);
  if (options.json) {
    const comparison = previous === null ? undefined : compareReports(report, previous);
    return printJson(comparison === undefined ? report : { ...report, provenance: { ...report.provenance, comparison } });
  }
  if (options.format !== undefined && isReportFormat(options.format)) {
    return writeRenderedReport(report, options.format, options.out);
  }
  writeSummary(report, previous);
}

function writeSummary(report: ReportData, previous: ReportData | null): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`${report.agency} ${report.year}年 政府信息公开工作年度报告（${report.template} 模板，由案件生成）`);
  out(`表三 ${TABLE3_TITLE}（总计列）`);
  for (const r of table3Rows(report.template)) {
    const total = report.applications[r.id]?.total;
    if (r.kind === 'count' || r.kind === 'total' || (total ?? 0) > 0) out(`  ${table3RowLabel(r)}\t${total ?? '—'}`);
  }
  for (const g of APPEAL_GROUPS) {
    const cells = report.appeals[g.id];
    out(`表四 ${g.label}\t${APPEAL_RESULTS.map((r) => `${r.label} ${cells[r.id] ?? '—'}`).join(' ')}`);
  }
  const check = checkReport(report);
  out(`勾稽关系：${check.passed} 项成立，${check.violations.length} 项不成立，${check.unchecked.length} 项未核对（表二未录入的项不参与）`);
  if (previous !== null) {
    const received = compareReports(report, previous).cells.find((c) => c.cell === 'applications.received.total');
    if (received?.phrase) out(`本年新收申请 ${received.current} 件，比上一年度${received.phrase}`);
  }
}

export function registerReportBuildCommand(report: Command): void {
  report
    .command('build')
    .description('由案件生成年度报告 (build the annual report from cases: table 3 and 4 from records, table 2 as entered)')
    .requiredOption('--year <year>', '统计年度')
    .option('--agency <code>', '机关代码（从数据库中的案件生成）')
    .option('--register <file>', '台账文件 .csv/.xlsx（不使用数据库）')
    .option('--agency-name <name>', '与 --register 一起：报告的发布机关名称')
    .option('--appeals <file>', '与 --register 一起：行政复议、行政诉讼记录 JSON')
    .option('--proactive <file>', '与 --register 一起：表二录入数字 JSON（ReportData 的 proactive 部分）')
    .option('--previous <file>', '上年度报告 ReportData JSON（用于比较）')
    .option('--json', '输出 ReportData JSON')
    .option('--format <format>', `输出格式：${REPORT_FORMATS.join('|')}`)
    .option('--out <file>', '输出文件')
    .option('--cell <path>', '列出某一单元格统计的案件，如 applications.granted.total')
    .action(action((options: ReportBuildOptions) => runReportBuild(options)));
}
