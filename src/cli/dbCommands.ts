/** `gongkai db migrate`: apply pending migrations (PGlite in GONGKAI_DATA_DIR, or DATABASE_URL). */
import type { Command } from 'commander';
import { withDatabase } from './database.ts';
import { action } from './run.ts';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('数据库');
  db.command('migrate')
    .description('执行数据库迁移（PGlite：GONGKAI_DATA_DIR，默认 ./data；或 DATABASE_URL 指定的 PostgreSQL）')
    .action(
      action(async () => {
        const { engine, location } = await withDatabase(async ({ database }) => ({ engine: database.engine, location: database.location }));
        process.stdout.write(`已完成迁移：${engine} ${location}\n`);
      }),
    );
}
