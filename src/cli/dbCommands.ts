/**
 * `gongkai db migrate`: apply pending migrations (PGlite in GONGKAI_DATA_DIR, or DATABASE_URL).
 * `gongkai db backup FILE` / `gongkai db restore FILE`: the whole installation (backup/).
 */
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
  db.command('backup')
    .description('备份整个安装（数据库的一致快照、附件、密钥指纹；不含密钥本身）到 FILE；服务运行时也可备份（PostgreSQL）')
    .argument('<file>', '备份文件（.gkbackup）')
    .action(
      action(async (file: string) => {
        const [{ backupInstallation, storedFiles }, { DiskFileStore }, { dataDirFromEnv }, path] = await Promise.all([import('../backup/backup.ts'), import('../requests/fileStore.ts'), import('../db/open.ts'), import('node:path')]);
        const summary = await withDatabase(async ({ db }) => backupInstallation(db, storedFiles(new DiskFileStore(path.join(dataDirFromEnv(), 'files'))), file));
        const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
        process.stdout.write(`已备份到 ${summary.file}：${Object.keys(summary.tables).length} 张表 ${rows} 行，${summary.files} 个附件；密钥指纹 ${summary.keyFingerprint ?? '（无）'}。恢复时须提供同一密钥。\n`);
      }),
    );
  db.command('restore')
    .description('把备份 FILE 恢复到空的安装（新的数据目录或空数据库）；须提供备份时的密钥（GONGKAI_SECRET_KEY 或数据目录中的 secret.key）')
    .argument('<file>', '备份文件')
    .action(
      action(async (file: string) => {
        const [{ restoreInstallation }, { DiskFileStore }, { dataDirFromEnv }, { existingKey }, path, { RestoreKeyMismatchError }] = await Promise.all([
          import('../backup/restore.ts'),
          import('../requests/fileStore.ts'),
          import('../db/open.ts'),
          import('../db/installationKey.ts'),
          import('node:path'),
          import('../backup/errors.ts'),
        ]);
        const dataDir = dataDirFromEnv();
        const key = existingKey({ dataDir });
        if (key === undefined) throw new RestoreKeyMismatchError(`没有找到密钥：请以 GONGKAI_SECRET_KEY 提供备份时的密钥，或把原 secret.key 复制到 ${dataDir}`);
        const summary = await withDatabase(async ({ db }) => restoreInstallation(db, key, new DiskFileStore(path.join(dataDir, 'files'), key), file), { checkKey: false });
        const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
        process.stdout.write(`已恢复：${rows} 行，${summary.files} 个附件\n`);
      }),
    );
}
