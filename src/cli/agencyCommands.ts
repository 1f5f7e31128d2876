/** `gongkai agency add|list`: the agency tree from the command line (acts as the system). */
import type { Command } from 'commander';
import { registerAgencySettingsCommands } from './agencySettingsCommand.ts';
import { withDatabase } from './database.ts';
import { action } from './run.ts';

export function registerAgencyCommands(program: Command): void {
  const agency = program.command('agency').description('机关');
  agency
    .command('add')
    .description('新增机关')
    .requiredOption('--code <code>', '机关代码（小写字母、数字、-、_）')
    .requiredOption('--name <name>', '机关名称')
    .option('--parent <code>', '上级机关代码')
    .action(
      action(async (opts: { code: string; name: string; parent?: string }) => {
        await withDatabase(async ({ db, actor }) => {
          const { addAgency } = await import('../agencies/agencies.ts');
          const a = await addAgency(db, actor, { code: opts.code, name: opts.name, parentCode: opts.parent });
          process.stdout.write(`已新增机关 ${a.code}（${a.name}）${a.parentCode !== null ? `，上级：${a.parentCode}` : ''}\n`);
        });
      }),
    );
  agency
    .command('list')
    .description('列出机关（树形）')
    .option('--json', '输出 JSON')
    .action(
      action(async (opts: { json?: boolean }) => {
        await withDatabase(async ({ db }) => {
          const { listAgencies } = await import('../agencies/agencies.ts');
          const items = await listAgencies(db);
          if (opts.json === true) process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
          else for (const a of items) process.stdout.write(`${'  '.repeat(a.depth)}${a.code}\t${a.name}\n`);
        });
      }),
    );
  registerAgencySettingsCommands(agency);
}
