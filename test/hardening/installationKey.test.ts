/**
 * Finding 4: the database records the key's fingerprint. A CLI started with another key — a wrong
 * GONGKAI_SECRET_KEY, or run from another folder where no key file exists — stops with a clear message and
 * exit 2, and creates no new secret.key; the right key works.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.ts';
import { createScratchPgDatabase, testDatabaseUrl } from '../support/db.ts';
import { openDatabase } from '../../src/db/open.ts';
import { KeyMismatchError, loadInstallationKey } from '../../src/db/installationKey.ts';

const dir = mkdtempSync(join(tmpdir(), 'gk-key-'));
const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');

describe('the key fingerprint', () => {
  let url: string | undefined;
  let drop = async () => {};
  before(async () => {
    const base = testDatabaseUrl();
    if (base !== undefined) {
      const scratch = await createScratchPgDatabase(base);
      url = scratch.url;
      drop = scratch.drop;
    }
  });
  after(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops the CLI with a clear message when the key does not match the database', () => {
    const dataDir = join(dir, 'data');
    const base = url === undefined ? { GONGKAI_DATA_DIR: dataDir, DATABASE_URL: '' } : { GONGKAI_DATA_DIR: dataDir, DATABASE_URL: url };
    const first = runCli(['agency', 'add', '--code', 'region1', '--name', '某省政务公开办'], { cwd: dir, env: { ...base, GONGKAI_SECRET_KEY: KEY_A } });
    assert.equal(first.status, 0, first.stderr);
    const wrong = runCli(['user', 'list'], { cwd: dir, env: { ...base, GONGKAI_SECRET_KEY: KEY_B } });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /密钥.*不一致/);
    const right = runCli(['user', 'list'], { cwd: dir, env: { ...base, GONGKAI_SECRET_KEY: KEY_A } });
    assert.equal(right.status, 0, right.stderr);
  });

  it('does not create a new key file in another folder for a database that has a key', async () => {
    const database = await openDatabase({ dataDir: 'memory' });
    try {
      const home = join(dir, 'home');
      const elsewhere = join(dir, 'elsewhere');
      await loadInstallationKey(database.db, { env: {}, dataDir: home });
      assert.equal(existsSync(join(home, 'secret.key')), true);
      await assert.rejects(loadInstallationKey(database.db, { env: {}, dataDir: elsewhere }), (e: unknown) => e instanceof KeyMismatchError && /secret\.key 不存在/.test(e.message));
      assert.equal(existsSync(join(elsewhere, 'secret.key')), false);
      await loadInstallationKey(database.db, { env: {}, dataDir: home });
    } finally {
      await database.close();
    }
  });

  it('refuses a GONGKAI_SECRET_KEY other than the one the database recorded', async () => {
    const database = await openDatabase({ dataDir: 'memory' });
    try {
      await loadInstallationKey(database.db, { env: { GONGKAI_SECRET_KEY: KEY_A } });
      await assert.rejects(loadInstallationKey(database.db, { env: { GONGKAI_SECRET_KEY: KEY_B } }), KeyMismatchError);
    } finally {
      await database.close();
    }
  });
});
