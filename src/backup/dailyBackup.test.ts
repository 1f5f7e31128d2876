import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/open.ts';
import { dailyBackupSettings, runDailyBackup } from './dailyBackup.ts';
import { serverSettings } from '../http/serverSettings.ts';

test('daily backups: one per day, the newest `keep` kept, none when keep is 0', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-daily-'));
  const database = await openDatabase({ dataDir: 'memory' });
  try {
    const settings = dailyBackupSettings({ GONGKAI_BACKUP_KEEP: '2', GONGKAI_BACKUP_DIR: dir }, '/unused');
    const files = { raw: async () => Buffer.alloc(0) };
    const day = 24 * 3600_000;
    const now = Date.now();
    assert.ok((await runDailyBackup(database.db, files, settings, now)) !== undefined);
    assert.equal(await runDailyBackup(database.db, files, settings, now + 3600_000), undefined, 'not twice a day');
    await runDailyBackup(database.db, files, settings, now + day);
    await runDailyBackup(database.db, files, settings, now + 2 * day);
    assert.equal(readdirSync(dir).filter((f) => f.endsWith('.gkbackup')).length, 2);
    assert.equal(await runDailyBackup(database.db, files, { dir, keep: 0 }, now + 3 * day), undefined);
    assert.deepEqual(dailyBackupSettings({}, '/data'), { dir: '/data/backups', keep: 7 });
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('server settings: TRUST_PROXY and GONGKAI_SECURE_COOKIES', () => {
  const cases: [NodeJS.ProcessEnv, { trustProxy: boolean | string; secureCookies: boolean }][] = [
    [{}, { trustProxy: false, secureCookies: false }],
    [{ TRUST_PROXY: 'true' }, { trustProxy: true, secureCookies: false }],
    [{ TRUST_PROXY: '127.0.0.1,10.0.0.0/8', GONGKAI_SECURE_COOKIES: '1' }, { trustProxy: '127.0.0.1,10.0.0.0/8', secureCookies: true }],
    [{ TRUST_PROXY: 'false' }, { trustProxy: false, secureCookies: false }],
  ];
  for (const [env, expected] of cases) assert.deepEqual(serverSettings(env), expected);
});
