import type { Command } from 'commander';
import { compareReports } from '../report/compare.ts';
import { parseReportData } from '../report/validateReport.ts';
import { printJson, readJsonFile } from './io.ts';
import { action } from './run.ts';

/** `gongkai report compare THIS.json LAST.json [--json] [--all]`: the year-on-year change of every cell. */
export function registerReportCompareCommand(report: Command): void {
  report
    .command('compare')
    .description('与上年度报告逐项比较 (year-on-year change of every figure)')
    .argument('<this>', 'this year\'s ReportData JSON')
    .argument('<last>', 'last year\'s ReportData JSON')
    .option('--json', 'print the comparison as JSON')
    .option('--all', 'list unchanged and unknown cells too')
    .action(
      action((thisFile: string, lastFile: string, options: { json?: boolean; all?: boolean }) => {
        const comparison = compareReports(parseReportData(readJsonFile(thisFile)), parseReportData(readJsonFile(lastFile)));
        if (options.json) return printJson(comparison);
        const { current, previous } = comparison;
        process.stdout.write(`${current.agency} ${current.year}年 与 ${previous.agency} ${previous.year}年 比较\n`);
        for (const c of comparison.cells) {
          if (!options.all && (c.change === null || c.change === 0)) continue;
          const sign = c.change !== null && c.change > 0 ? '+' : '';
          process.stdout.write(`${c.cell}\t${c.current ?? '—'}\t${c.previous ?? '—'}\t${c.change === null ? '—' : sign + c.change}\t${c.phrase ?? ''}\n`);
        }
      }),
    );
}
