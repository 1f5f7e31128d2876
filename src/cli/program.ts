/**
 * The `gongkai` command. Each command lives in its own file and registers itself here; errors are mapped
 * to exit codes once, in run.ts.
 */
import { Command } from 'commander';
import { registerReportCheckCommand } from './reportCheckCommand.ts';
import { registerReportCompareCommand } from './reportCompareCommand.ts';
import { registerReportRenderCommand } from './reportRenderCommand.ts';
import { registerReportBuildCommand } from './reportBuildCommand.ts';
import { registerReportParseCommand } from './reportParseCommand.ts';
import { registerReportAuditCommand } from './reportAuditCommand.ts';
import { registerReportDraftCommand } from './reportDraftCommand.ts';
import { registerReportLockCommands, registerReportProactiveCommand, registerReportRollupCommand } from './reportYearCommands.ts';
import { registerAppealCommands } from './appealCommands.ts';
import { registerRegisterCommands } from './registerCommands.ts';
import { registerCalendarCommand } from './calendarCommand.ts';
import { registerDeadlineCommand } from './deadlineCommand.ts';
import { registerDbCommands } from './dbCommands.ts';
import { registerAgencyCommands } from './agencyCommands.ts';
import { registerUserCommands } from './userCommands.ts';
import { controlCharacterIssue } from '../shared/text.ts';
import { ValidationError } from '../shared/domainError.ts';
import { exitCodeOf, reportError } from './run.ts';
import { registerCatalogueCommands } from './catalogueCommands.ts';

export function buildProgram(): Command {
  const program = new Command('gongkai')
    .description('gongkai 公开 — 政府信息公开 platform: annual reports, applications, deadlines')
    .version('0.1.0')
    // `gongkai --version` before a command; after one, `--version <n>` is that command's (a document's
    // version in `catalogue publish|correct|repeal|withdraw`), not the program's.
    .enablePositionalOptions()
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  program.exitOverride((error) => {
    // commander's own usage errors (unknown option, missing argument) are unusable input: exit 2
    process.exit(error.exitCode === 0 ? 0 : 2);
  });
  // Arguments and options with control characters are refused before any command runs (shared/text.ts).
  program.hook('preAction', (_program, command) => {
    const values: [string, unknown][] = [...command.args.map((a, i): [string, unknown] => [`argument ${i + 1}`, a]), ...Object.entries(command.opts()).map(([k, v]): [string, unknown] => [`--${k}`, v])];
    const issues = values.flatMap(([path, v]) => (typeof v === 'string' ? [controlCharacterIssue(path, v)].filter((i) => i !== null) : []));
    if (issues.length > 0) {
      const error = new ValidationError('命令行参数', issues);
      reportError(error);
      process.exit(exitCodeOf(error));
    }
  });

  const report = program.command('report').description('政府信息公开工作年度报告: check, render, compare, build, parse, audit, lock, roll-up');
  registerReportCheckCommand(report);
  registerReportRenderCommand(report);
  registerReportCompareCommand(report);
  registerReportBuildCommand(report);
  registerReportParseCommand(report);
  registerReportDraftCommand(report);
  registerReportAuditCommand(report);
  registerReportProactiveCommand(report);
  registerReportLockCommands(report);
  registerReportRollupCommand(report);
  registerAppealCommands(program);
  registerRegisterCommands(program);
  registerCalendarCommand(program);
  registerDeadlineCommand(program);
  registerDbCommands(program);
  registerAgencyCommands(program);
  registerUserCommands(program);
  registerCatalogueCommands(program);
  return program;
}

