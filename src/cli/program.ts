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

export function buildProgram(): Command {
  const program = new Command('gongkai')
    .description('gongkai 公开 — 政府信息公开 platform: annual reports, applications, deadlines')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  program.exitOverride((error) => {
    // commander's own usage errors (unknown option, missing argument) are unusable input: exit 2
    process.exit(error.exitCode === 0 ? 0 : 2);
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
  return program;
}

