/** `gongkai user add|passwd|list`: staff users from the command line (acts as the system). */
import type { Command } from 'commander';
import { systemActor } from '../accounts/actor.ts';
import { randomPassword } from '../accounts/passwords.ts';
import { addUser, listUsers, setPassword } from '../accounts/users.ts';
import { openDatabase, optionsFromEnv } from '../db/open.ts';
import { ROLES } from '../law/transitions.ts';
import { action } from './run.ts';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('用户');
  user
    .command('add')
    .description('新增用户')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--agency <code>', '所属机关代码（角色作用于该机关及其下级）')
    .requiredOption('--roles <list>', `角色，逗号分隔：${ROLES.join(',')}`)
    .option('--name <displayName>', '姓名')
    .option('--password <password>', '密码（省略则生成并打印）；也可用环境变量 GONGKAI_PASSWORD')
    .action(
      action(async (opts: { username: string; agency: string; roles: string; name?: string; password?: string }) => {
        const generated = opts.password === undefined && process.env['GONGKAI_PASSWORD'] === undefined;
        const password = opts.password ?? process.env['GONGKAI_PASSWORD'] ?? randomPassword(12);
        const database = await openDatabase(optionsFromEnv());
        try {
          const u = await addUser(database.db, systemActor('cli'), {
            username: opts.username,
            displayName: opts.name,
            password,
            roles: opts.roles.split(',').map((r) => r.trim()).filter((r) => r !== ''),
            agencyCode: opts.agency,
          });
          process.stdout.write(`已新增用户 ${u.username}（${u.roles.join(',')}，${u.agencyCode}）${generated ? `，初始密码：${password}` : ''}\n`);
        } finally {
          await database.close();
        }
      }),
    );
  user
    .command('passwd')
    .description('重设密码')
    .requiredOption('--username <name>', '用户名')
    .option('--password <password>', '新密码（省略则生成并打印）')
    .action(
      action(async (opts: { username: string; password?: string }) => {
        const password = opts.password ?? randomPassword(12);
        const database = await openDatabase(optionsFromEnv());
        try {
          await setPassword(database.db, systemActor('cli'), opts.username, password);
          process.stdout.write(`已重设 ${opts.username} 的密码${opts.password === undefined ? `：${password}` : ''}\n`);
        } finally {
          await database.close();
        }
      }),
    );
  user
    .command('list')
    .description('列出用户')
    .action(
      action(async () => {
        const database = await openDatabase(optionsFromEnv());
        try {
          for (const u of await listUsers(database.db, '/')) process.stdout.write(`${u.username}\t${u.roles.join(',')}\t${u.agencyCode}\t${u.displayName}\n`);
        } finally {
          await database.close();
        }
      }),
    );
}
