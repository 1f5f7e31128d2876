import type { Command } from 'commander';
import { checkReport, RULES, type RelationResult } from '../report/check.ts';
import { parseReportData } from '../report/validateReport.ts';
import { readJsonFile, printJson } from './io.ts';
import { action } from './run.ts';

/** `gongkai report check FILE.json [--json]`: exit 0 when every relation holds, 1 when one is violated, 2 for unusable input. */
export function registerReportCheckCommand(report: Command): void {
  report
    .command('check')
    .description('核对年度报告的勾稽关系 (R1–R4): check the arithmetic of a ReportData file')
    .argument('<file>', 'ReportData JSON')
    .option('--json', 'print the result as JSON')
    .action(
      action((file: string, options: { json?: boolean }) => {
        const data = parseReportData(readJsonFile(file));
        const result = checkReport(data);
        if (options.json) {
          printJson({ file, agency: data.agency, year: data.year, template: data.template, ok: result.ok, passed: result.passed, violations: result.violations, unchecked: result.unchecked });
        } else {
          process.stdout.write(`${data.agency} ${data.year}年 (${data.template} 模板): ${result.passed} 项勾稽关系成立, ${result.violations.length} 项不成立, ${result.unchecked.length} 项因数据缺失未核对\n`);
          const mismatch = data.provenance?.['templateMismatch'] as { printed?: string; expected?: string } | undefined;
          if (mismatch?.expected) process.stdout.write(`  ! 按 ${mismatch.printed} 年版格式填报，${data.year} 年报告应使用 ${mismatch.expected} 年版格式\n`);
          for (const v of result.violations) process.stdout.write(`  ✗ ${describe(v)}\n`);
          for (const u of result.unchecked) process.stdout.write(`  ? ${u.rule} ${u.table}.${u.row}.${u.column}: 缺少 ${u.unknown?.join(', ')}\n`);
        }
        if (!result.ok) process.exitCode = 1;
      }),
    );
}

function describe(v: RelationResult): string {
  return `${v.rule} ${v.table}.${v.row}.${v.column}: expected ${v.expected}, actual ${v.actual} — ${RULES[v.rule]}`;
}
