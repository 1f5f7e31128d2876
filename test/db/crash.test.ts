/** kill -9 in the middle of a transition leaves the data as it was before it (PGlite on disk, or PostgreSQL). */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { systemActor } from '../../src/accounts/actor.ts';
import { openDatabase } from '../../src/db/open.ts';
import type { Database } from '../../src/db/open.ts';
import { applications, events } from '../../src/db/schema.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { registerApplication } from '../../src/requests/registerApplication.ts';
import { requestSupplement } from '../../src/requests/requestSupplement.ts';
import { createScratchPgDatabase, testDatabaseUrl } from '../support/db.ts';
import { personInput, seedAgencies } from '../support/fixtures.ts';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'support', 'crashChild.ts');

describe('crash in the middle of a transition', () => {
  let target = '';
  let cleanup: () => Promise<void> = async () => undefined;
  const keyB64 = Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64');
  const key = SecretKey.fromBase64(keyB64);

  const open = (): Promise<Database> => (target.startsWith('postgres') ? openDatabase({ url: target }) : openDatabase({ dataDir: target }));

  before(async () => {
    const base = testDatabaseUrl();
    if (base !== undefined) {
      const scratch = await createScratchPgDatabase(base);
      target = scratch.url;
      cleanup = scratch.drop;
    } else {
      target = mkdtempSync(path.join(tmpdir(), 'gk-crash-'));
      cleanup = async () => rmSync(target, { recursive: true, force: true });
    }
  });
  after(async () => cleanup());

  it('rolls back: state, version and events unchanged after kill -9; the step then succeeds', async () => {
    let db = await open();
    await seedAgencies(db.db);
    const created = await registerApplication(
      { db: db.db, key, actor: systemActor('test'), today: '2021-03-01' },
      { agencyCode: 'gjxfj', channel: 'in-person', receivedOn: '2021-03-01', input: personInput() },
    );
    const id = created.application.id;
    const snapshot = async (d: Database) => ({
      row: (await d.db.select().from(applications).where(eq(applications.id, id)))[0],
      events: (await d.db.select().from(events).where(eq(events.applicationId, id))).map((e) => e.id).sort(),
    });
    const before = await snapshot(db);
    await db.close();

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, id, String(before.row?.version), keyB64], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('IN_TX')) resolve();
        if (out.includes('COMMITTED')) reject(new Error('child committed'));
      });
      child.on('exit', () => reject(new Error(`child exited before the transaction: ${stderr}`)));
      setTimeout(() => reject(new Error(`timeout: ${stderr}`)), 60_000).unref();
    });
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');

    db = await open();
    try {
      const afterCrash = await snapshot(db);
      assert.deepEqual(afterCrash, before, 'nothing of the interrupted transition remains');
      const r = await requestSupplement(
        { db: db.db, key, actor: systemActor('test'), today: '2021-03-02' },
        { applicationId: id, version: before.row!.version, date: '2021-03-02', items: '请写明文件名称' },
      );
      assert.equal(r.application.state, 'awaiting_supplement');
    } finally {
      await db.close();
    }
  });
});
