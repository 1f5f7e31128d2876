/**
 * `gongkai report draft FILE.json [--previous LAST.json] [--json] [--out REPORT.json]`: a first draft of
 * sections 一 to 四 written from the report's figures (this year against last when --previous is given).
 * Prints the sections; `--json` prints them with the cells each figure came from; `--out` writes the
 * report with the draft filled into the sections that have no text yet. Warnings go to stderr.
 */
import type { Command } from 'commander';
import { draftNarrative, withDraft } from '../report/draft/draftNarrative.ts';
import { parseReportData } from '../report/validateReport.ts';
import { printJson, readJsonFile, writeFileAtomic } from './io.ts';
import { action } from './run.ts';

export function registerReportDraftCommand(report: Command): void {
  report
    .command('draft')
    .description('起草报告正文一至四部分 (draft sections 一–四 from the figures; every figure traced to its cell)')
    .argument('<file>', 'ReportData JSON')
    .option('--previous <file>', "last year's ReportData, for the comparison with last year")
    .option('--json', 'print the draft as JSON (sections, text, the cells of every figure, warnings)')
    .option('--out <path>', 'write the ReportData with the draft in its empty narrative sections')
    .action(
      action((file: string, options: { previous?: string; json?: boolean; out?: string }) => {
        const data = parseReportData(readJsonFile(file));
        const previous = options.previous === undefined ? null : parseReportData(readJsonFile(options.previous));
        const draft = draftNarrative(data, previous);
        for (const w of draft.warnings) process.stderr.write(`警告：${w}\n`);
        if (options.out !== undefined) writeFileAtomic(options.out, `${JSON.stringify(withDraft(data, draft), null, 2)}\n`);
        if (options.json) printJson(draft);
        else if (options.out === undefined) {
          process.stdout.write(`${draft.sections.map((s) => `${s.heading}\n${s.text}`).join('\n\n')}\n`);
        }
      }),
    );
}
