// A stand-in `gongkai` with only the parse and audit commands, for the command tests (run as a child process).
import { Command } from 'commander';
import { registerReportAuditCommand } from '../../src/cli/reportAuditCommand.ts';
import { registerReportParseCommand } from '../../src/cli/reportParseCommand.ts';

const program = new Command('gongkai');
const report = program.command('report');
registerReportParseCommand(report);
registerReportAuditCommand(report);
await program.parseAsync(process.argv);
