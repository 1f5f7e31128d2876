/**
 * The daily backup a server takes of its installation (settings GONGKAI_BACKUP_KEEP — how many daily
 * backups to keep, 0 = none — and GONGKAI_BACKUP_DIR, default `<data dir>/backups`): one at start when the
 * newest is older than a day, then every 24 hours; older ones beyond the retention are deleted. Meant for
 * the embedded database; on PostgreSQL use pg_dump (README) or `gongkai db backup` from one place.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/open.ts';
import { backupInstallation, type StoredFiles } from './backup.ts';

const DAY_MS = 24 * 3600_000;
const PREFIX = 'gongkai-';
const SUFFIX = '.gkbackup';

export interface DailyBackupSettings {
  dir: string;
  keep: number;
}

export function dailyBackupSettings(env: NodeJS.ProcessEnv, dataDir: string): DailyBackupSettings {
  const keep = Number(env['GONGKAI_BACKUP_KEEP'] ?? '7');
  const dir = env['GONGKAI_BACKUP_DIR'];
  return { dir: dir !== undefined && dir !== '' ? path.resolve(dir) : path.join(dataDir, 'backups'), keep: Number.isInteger(keep) && keep >= 0 ? keep : 7 };
}

async function existing(dir: string): Promise<{ file: string; mtimeMs: number }[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const found = await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n.endsWith(SUFFIX)).map(async (n) => ({ file: path.join(dir, n), mtimeMs: (await stat(path.join(dir, n))).mtimeMs })));
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs);
}

/** Takes a backup when the newest is older than a day, and prunes beyond `keep`; returns the new file. */
export async function runDailyBackup(db: Db, files: StoredFiles, settings: DailyBackupSettings, now = Date.now()): Promise<string | undefined> {
  if (settings.keep === 0) return undefined;
  const before = await existing(settings.dir);
  let made: string | undefined;
  if (before[0] === undefined || now - before[0].mtimeMs >= DAY_MS - 60_000) {
    made = path.join(settings.dir, `${PREFIX}${new Date(now).toISOString().replaceAll(':', '').slice(0, 15)}${SUFFIX}`);
    await backupInstallation(db, files, made);
  }
  for (const old of (await existing(settings.dir)).slice(settings.keep)) await rm(old.file, { force: true });
  return made;
}

/** Starts the daily schedule; returns the function that stops it. Failures are reported, never fatal. */
export function scheduleDailyBackups(db: Db, files: StoredFiles, settings: DailyBackupSettings, report: (message: string) => void): () => void {
  if (settings.keep === 0) return () => {};
  const run = () => {
    runDailyBackup(db, files, settings).then(
      (file) => file !== undefined && report(`已完成每日备份：${file}`),
      (err: unknown) => report(`每日备份失败：${err instanceof Error ? err.name : 'error'}`),
    );
  };
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, DAY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
