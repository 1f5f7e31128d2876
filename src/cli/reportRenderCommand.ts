import type { Command } from 'commander';

import { parseReportData } from '../report/validateReport.ts';
import { readJsonFile } from './io.ts';
import { REPORT_FORMATS } from '../report/render/formats.ts';
import { reportFormatOption, writeRenderedReport } from './reportOutput.ts';
import { action } from './run.ts';

/** `gongkai report render FILE.json --format html|md|docx|pdf [--out PATH] [--fragment]`. */
export function registerReportRenderCommand(report: Command): void {
  report
    .command('render')
    .description('按国家模板排版年度报告 (render a ReportData file in the national template)')
    .argument('<file>', 'ReportData JSON')
    .requiredOption('--format <format>', REPORT_FORMATS.join('|'))
    .option('--out <path>', 'output file (default: stdout; required for docx and pdf on a terminal)')
    .option('--fragment', 'html only: an embeddable <article> instead of a whole page')
    .action(
      action(async (file: string, options: { format: string; out?: string; fragment?: boolean }) => {
        const format = reportFormatOption(options.format);
        await writeRenderedReport(parseReportData(readJsonFile(file)), format, options.out, { fragment: options.fragment });
      }),
    );
}
