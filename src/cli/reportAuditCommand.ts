/**
 * `gongkai report audit PATH...`: what a third-party evaluator checks in published reports (files or
 * directories, any format `report parse` reads): R1–R4, prose figures against the tables, the six
 * sections in order, text repeated from the previous year, carry-over between years and a region
 * against its agencies. A table by default, `--json` for the data. Exit status: 0 when nothing was
 * found, 1 when a report has findings or a file failed, 2 when no file could be read.
 */
import type { Command } from 'commander';
import type { FileResult } from '../report/parse/index.ts';
import type { ReportData } from '../report/reportData.ts';
import { printJson } from './io.ts';
import { action } from './run.ts';

export function registerReportAuditCommand(report: Command): void {
  report
    .command('audit')
    .description('第三方评估式审核: audit published annual reports (arithmetic, prose figures, sections, repetition, region)')
    .argument('<paths...>', 'report files or directories (searched recursively)')
    .option('--json', 'print the audit as JSON')
    .action(action(async (paths: string[], options: { json?: boolean }) => runAudit(paths, options)));
}

async function runAudit(paths: string[], options: { json?: boolean }): Promise<void> {
  const [{ listReportFiles, parseOne }, { auditReports, formatSetAudit, hasFindings }] = await Promise.all([
    import('../report/parse/index.ts'),
    import('../report/audit/index.ts'),
  ]);
  const { files, missing } = await listReportFiles(paths);
  const results: FileResult[] = [...missing];
  for (const file of files) results.push(await parseOne(file));
  const failures = results.filter((r): r is Extract<FileResult, { ok: false }> => !r.ok);
  for (const f of failures) process.stderr.write(`${f.path}: ${f.reason}\n`);
  const reports: ReportData[] = results.flatMap((r) => (r.ok ? [r.report] : []));

  const audit = auditReports(reports);
  if (options.json) printJson({ ...audit, failed: failures.map((f) => ({ path: f.path, reason: f.reason })) });
  else if (reports.length > 0) process.stdout.write(formatSetAudit(audit));

  const findings = audit.reports.some(hasFindings) || audit.carryOver.some((c) => c.status === 'differs') || audit.regions.some((r) => !r.equal);
  if (reports.length === 0) process.exitCode = 2;
  else if (failures.length > 0 || findings) process.exitCode = 1;
}
