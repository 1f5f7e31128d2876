import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataDirInUseError, LOCK_FILE, lockDataDir } from './dataDirLock.ts';
import { openDatabase } from './open.ts';

test('a second open of a PGlite directory is refused while the first holds it, and allowed after close', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-lock-'));
  const first = await openDatabase({ dataDir: dir });
  await assert.rejects(() => openDatabase({ dataDir: dir }), (e: unknown) => e instanceof DataDirInUseError && e.code === 'db.data_dir_in_use');
  await first.close();
  assert.equal(existsSync(path.join(dir, LOCK_FILE)), false);
  const second = await openDatabase({ dataDir: dir });
  await second.close();
});

test('a lock left by a process that is gone is taken over', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-lock-'));
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  writeFileSync(path.join(dir, LOCK_FILE), `${gone.stdout}\n`);
  const release = lockDataDir(dir);
  release();
  assert.equal(existsSync(path.join(dir, LOCK_FILE)), false);
});

test('a lock held by a live process is refused', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-lock-'));
  writeFileSync(path.join(dir, LOCK_FILE), `${process.ppid}\n`);
  assert.throws(() => lockDataDir(dir), DataDirInUseError);
});
