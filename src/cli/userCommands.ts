/** `gongkai user add|passwd|list`: staff users from the command line (acts as the system). */
import type { Command } from 'commander';
import { randomPassword } from '../accounts/passwords.ts';
import { ROLES } from '../law/transitions.ts';
import { withDatabase } from './database.ts';
import { action } from './run.ts';

const users = () => import('../accounts/users.ts');

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
        await withDatabase(async ({ db, actor }) => {
          const { addUser } = await users();
          const u = await addUser(db, actor, {
            username: opts.username,
            displayName: opts.name,
            password,
            roles: opts.roles.split(',').map((r) => r.trim()).filter((r) => r !== ''),
            agencyCode: opts.agency,
          });
          process.stdout.write(`已新增用户 ${u.username}（${u.roles.join(',')}，${u.agencyCode}）${generated ? `，初始密码：${password}` : ''}\n`);
        });
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
        await withDatabase(async ({ db, actor }) => {
          const { setPassword } = await users();
          await setPassword(db, actor, opts.username, password);
          process.stdout.write(`已重设 ${opts.username} 的密码${opts.password === undefined ? `：${password}` : ''}\n`);
        });
      }),
    );
  for (const [name, active, label] of [['deactivate', false, '停用用户（不能再登录，现有会话立即失效）'], ['activate', true, '重新启用用户']] as const) {
    user
      .command(name)
      .description(label)
      .requiredOption('--username <name>', '用户名')
      .action(
        action(async (opts: { username: string }) => {
          await withDatabase(async ({ db, actor }) => {
            const { setUserActive } = await users();
            await setUserActive(db, actor, opts.username, active);
            process.stdout.write(`已${active ? '启用' : '停用'}用户 ${opts.username}\n`);
          });
        }),
      );
  }
  user
    .command('list')
    .description('列出用户')
    .action(
      action(async () => {
        await withDatabase(async ({ db }) => {
          const { listUsers } = await users();
          for (const u of await listUsers(db, '/')) process.stdout.write(`${u.username}\t${u.roles.join(',')}\t${u.agencyCode}\t${u.displayName}${u.active ? '' : '\t（已停用）'}\n`);
        });
      }),
    );
}
