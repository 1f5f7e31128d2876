/**
 * PGlite keeps its database in a directory that only one process may open: a second process (the CLI
 * while `npm start` runs, say) would corrupt it. Opening takes a lock file holding the owner's pid; a
 * lock whose process is gone (killed, crashed) is stale and taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '../shared/domainError.ts';

export const LOCK_FILE = 'pgdata.lock';

export class DataDirInUseError extends DomainError {
  readonly code = 'db.data_dir_in_use';
  readonly kind = 'conflict';

  constructor(dir: string, pid: number) {
    super(`数据目录 ${dir} 正由进程 ${pid} 使用（例如正在运行的 npm start）：PGlite 只允许一个进程打开它。请先停止该进程，或让多个进程共用 PostgreSQL（DATABASE_URL）。`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the directory's lock, or throw DataDirInUseError; returns the function that releases it. */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && alive(owner)) throw new DataDirInUseError(dir, owner);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirInUseError(dir, Number.NaN);
}
