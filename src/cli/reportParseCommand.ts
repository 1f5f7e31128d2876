/**
 * `gongkai report parse PATH...`: read published annual reports (.txt/.md, .html/.htm, .pdf, .docx;
 * directories recursively) into ReportData. One file prints one JSON document; several print JSON
 * Lines; `--csv` prints a flat dataset. A file that cannot be read is reported on stderr as
 * `PATH: reason` and the run goes on. Exit status: 0 when every file parsed, 1 when some failed,
 * 2 when none could be read.
 */
import type { Command } from 'commander';
import type { FileResult } from '../report/parse/index.ts';
import { writeFileAtomic } from './io.ts';
import { action } from './run.ts';

interface ParseCommandOptions {
  csv?: boolean;
  output?: string;
  year?: string;
  progress?: boolean;
}

export function registerReportParseCommand(report: Command): void {
  report
    .command('parse')
    .description('读取已发布的年度报告 (txt/md, html, pdf, docx) 为 ReportData: parse published annual reports')
    .argument('<paths...>', 'report files or directories (searched recursively)')
    .option('--csv', 'write a flat dataset: one line per report, one column per cell')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--year <year>', 'the statistics year, when the reports do not state it')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .action(action(async (paths: string[], options: ParseCommandOptions) => runParse(paths, options)));
}

async function runParse(paths: string[], options: ParseCommandOptions): Promise<void> {
  const [{ listReportFiles, parseOne, summarize }, { csvHeader, csvLine }, { SingleBar }] = await Promise.all([
    import('../report/parse/index.ts'),
    import('../report/parse/csv.ts'),
    import('cli-progress'),
  ]);
  const year = options.year === undefined ? undefined : Number(options.year);
  if (year !== undefined && !Number.isInteger(year)) {
    process.stderr.write(`gongkai: --year must be a year, not ${options.year}\n`);
    process.exitCode = 2;
    return;
  }
  const { files, missing } = await listReportFiles(paths);
  const results: FileResult[] = [...missing];
  for (const m of missing) process.stderr.write(`${m.path}: ${m.ok ? '' : m.reason}\n`);

  const single = files.length === 1 && missing.length === 0 && !options.csv;
  const out: string[] = [];
  const emit = (line: string) => {
    if (options.output) out.push(line);
    else process.stdout.write(`${line}\n`);
  };
  if (options.csv) emit(csvHeader());

  const bar = options.progress !== false && process.stderr.isTTY && files.length > 1
    ? new SingleBar({ stream: process.stderr, format: '{bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true })
    : null;
  const deferred: string[] = [];
  bar?.start(files.length, 0, { file: '' });
  for (const file of files) {
    bar?.update({ file });
    const result = await parseOne(file, year !== undefined ? { year } : {});
    results.push(result);
    if (result.ok) emit(options.csv ? csvLine(result.report) : JSON.stringify(result.report, null, single ? 2 : undefined));
    else if (bar) deferred.push(`${file}: ${result.reason}`);
    else process.stderr.write(`${file}: ${result.reason}\n`);
    bar?.increment();
  }
  bar?.stop();
  for (const line of deferred) process.stderr.write(`${line}\n`);
  if (options.output) writeFileAtomic(options.output, out.length ? `${out.join('\n')}\n` : '');

  const summary = summarize(results);
  if (results.length === 0) process.stderr.write('gongkai: no report files found\n');
  process.stderr.write(`parsed ${summary.parsed}, with arithmetic errors ${summary.withArithmeticErrors}, failed ${summary.failed}\n`);
  if (summary.parsed === 0) process.exitCode = 2;
  else if (summary.failed > 0) process.exitCode = 1;
}
