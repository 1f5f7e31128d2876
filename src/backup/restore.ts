/**
 * `gongkai db restore`: a backup (backup.ts) into an empty installation — tables in one transaction,
 * committed only when the file's end marker has been read (a truncated file writes nothing), attachments
 * into the file store as they were stored. The restoring installation must hold the backup's key
 * (GONGKAI_SECRET_KEY or its data directory's secret.key): a different key is refused, never created.
 */
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip as gunzipCb } from 'node:zlib';
import { count, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/open.ts';
import { keyFingerprint, recordedFingerprint } from '../db/installationKey.ts';
import { agencies, applications, installation, users } from '../db/schema.ts';
import type { SecretKey } from '../db/secretKey.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, EXCLUDED_TABLES, tablesInDependencyOrder } from './backup.ts';
import { BackupUnreadableError, RestoreKeyMismatchError, RestoreTargetNotEmptyError } from './errors.ts';

export interface RawFileSink {
  putRaw(sha256: string, stored: Buffer): Promise<void>;
}

export interface RestoreSummary {
  tables: Record<string, number>;
  files: number;
}

interface Header {
  format: string;
  version: number;
  keyFingerprint: string | null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function assertEmpty(db: Db | Tx): Promise<void> {
  for (const [name, table] of [['agencies', agencies], ['users', users], ['applications', applications]] as const) {
    const [row] = await db.select({ n: count() }).from(table);
    if ((row?.n ?? 0) > 0) throw new RestoreTargetNotEmptyError(`目标安装已有数据（${name}：${row?.n} 行）：只能恢复到空的安装（新的数据目录或空的 PostgreSQL 数据库）`);
  }
}

/** Restores `file` into the empty installation `db`, whose key is `key`; attachments go to `files`. */
export async function restoreInstallation(db: Db, key: SecretKey, files: RawFileSink, file: string): Promise<RestoreSummary> {
  // Unpacked whole before the transaction begins: a truncated or corrupt file is refused before anything is written.
  let text: string;
  try {
    text = (await promisify(gunzipCb)(await readFile(file))).toString('utf8');
  } catch {
    throw new BackupUnreadableError('备份文件不完整或已损坏（无法解压）：未恢复任何数据');
  }
  const lines = text.split('\n');
  const summary: RestoreSummary = { tables: {}, files: 0 };
  let header: Header | undefined;
  let ended = false;
  await assertEmpty(db);
  const known = new Set(await tablesInDependencyOrder(db));
  await db.transaction(async (tx) => {
    for (const line of lines) {
      if (line.trim() === '') continue;
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        throw new BackupUnreadableError('备份文件已损坏（无法解析的行）');
      }
      if (!isObject(entry)) throw new BackupUnreadableError('备份文件已损坏');
      if (header === undefined) {
        if (entry['format'] !== BACKUP_FORMAT || typeof entry['version'] !== 'number') throw new BackupUnreadableError('这不是 gongkai 的备份文件');
        if (entry['version'] > BACKUP_VERSION) throw new BackupUnreadableError(`备份文件版本 ${String(entry['version'])} 比本程序新：请先升级 gongkai`);
        header = { format: BACKUP_FORMAT, version: entry['version'], keyFingerprint: typeof entry['keyFingerprint'] === 'string' ? entry['keyFingerprint'] : null };
        const mine = keyFingerprint(key);
        if (header.keyFingerprint !== null && header.keyFingerprint !== mine)
          throw new RestoreKeyMismatchError(`备份中的个人信息以另一个密钥加密（指纹 ${header.keyFingerprint}），而本安装的密钥指纹是 ${mine}：请以 GONGKAI_SECRET_KEY 或数据目录中的 secret.key 提供原密钥`);
        const recorded = await recordedFingerprint(tx as unknown as Db);
        if (recorded !== undefined && recorded !== mine) throw new RestoreKeyMismatchError('目标数据库记录的密钥与所用密钥不一致');
        await tx.delete(installation);
        continue;
      }
      if (entry['end'] === true) {
        ended = true;
        continue;
      }
      if (typeof entry['table'] === 'string' && Array.isArray(entry['rows'])) {
        const table = entry['table'];
        if (!known.has(table) || EXCLUDED_TABLES.has(table)) throw new BackupUnreadableError(`备份中有本程序不认识的表“${table}”`);
        const rows = entry['rows'];
        summary.tables[table] = (summary.tables[table] ?? 0) + rows.length;
        if (rows.length > 0) await tx.execute(sql`insert into ${sql.identifier(table)} select * from json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(rows)}::json)`);
        continue;
      }
      if (typeof entry['file'] === 'string' && typeof entry['data'] === 'string' && /^[0-9a-f]{64}$/.test(entry['file'])) {
        await files.putRaw(entry['file'], Buffer.from(entry['data'], 'base64'));
        summary.files += 1;
        continue;
      }
      throw new BackupUnreadableError('备份文件含无法识别的内容');
    }
    if (header === undefined) throw new BackupUnreadableError('备份文件为空');
    if (!ended) throw new BackupUnreadableError('备份文件不完整（缺少结束标记）：未恢复任何数据');
    if (header.keyFingerprint !== null) await tx.insert(installation).values({ id: 1, keyFingerprint: header.keyFingerprint }).onConflictDoNothing();
  });
  return summary;
}
