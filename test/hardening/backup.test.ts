/**
 * Backup and restore: a backup taken while applications are being submitted restores into an empty
 * installation with every application acknowledged before the backup began, its events and its attachment
 * (readable with the key); a different key, a non-empty target and a truncated file are refused.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { backupInstallation, storedFiles } from '../../src/backup/backup.ts';
import { BackupUnreadableError, RestoreKeyMismatchError, RestoreTargetNotEmptyError } from '../../src/backup/errors.ts';
import { restoreInstallation } from '../../src/backup/restore.ts';
import { applications, attachments, events, users } from '../../src/db/schema.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { keyFingerprint, recordFingerprint } from '../../src/db/installationKey.ts';
import { DiskFileStore } from '../../src/requests/fileStore.ts';
import { createTestDb } from '../support/db.ts';
import { personInput } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/http.ts';

describe('backup and restore', () => {
  let t: TestApp;
  let dir: string;
  let backupFile: string;
  let acknowledged: string[] = [];
  let attachmentBytes: Buffer;
  let attachmentSha: string;

  before(async () => {
    t = await startTestApp();
    t.today.value = '2021-03-01';
    dir = mkdtempSync(path.join(tmpdir(), 'gk-backup-'));
    backupFile = path.join(dir, 'one.gkbackup');
    // As `npm start` does: the database records the key's fingerprint.
    await recordFingerprint(t.db.db, keyFingerprint(t.key));
    const clerk = await t.as('clerk');
    const reg = await clerk.post('/api/v1/applications', { agencyCode: 'gjxfj', channel: 'in-person', receivedOn: '2021-03-01', ...personInput() });
    const id = reg.json<{ application: { id: string } }>().application.id;
    attachmentBytes = Buffer.from('%PDF-1.4\n% 身份证复印件\n%%EOF\n');
    const boundary = '----gk-backup';
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="id.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), attachmentBytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/attachments`, headers: { cookie: clerk.cookie!, 'x-csrf-token': clerk.csrf!, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    assert.equal(up.statusCode, 201, up.body);
    attachmentSha = JSON.parse(up.body).sha256 as string;
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup taken during writes with every acknowledged application and file', async () => {
    let stop = false;
    const acks: { code: string; at: number }[] = [];
    const writer = async () => {
      while (!stop) {
        const res = await t.anonymous().post('/api/v1/public/agencies/gjxfj/applications', { ...personInput() });
        assert.equal(res.status, 201);
        acks.push({ code: res.json<{ receiptCode: string }>().receiptCode, at: performance.now() });
      }
    };
    const writers = [writer(), writer(), writer()];
    while (acks.length < 20) await new Promise((r) => setTimeout(r, 5));
    const startedAt = performance.now();
    const summary = await backupInstallation(t.db.db, storedFiles(new DiskFileStore(t.filesDir, t.key)), backupFile);
    while (acks.filter((a) => a.at > startedAt).length < 5) await new Promise((r) => setTimeout(r, 5));
    stop = true;
    await Promise.all(writers);
    acknowledged = acks.filter((a) => a.at < startedAt).map((a) => a.code);
    assert.ok(acknowledged.length >= 20);
    assert.equal(summary.files, 1);
    assert.equal(summary.keyFingerprint, keyFingerprint(t.key));

    const target = await createTestDb();
    const filesDir = path.join(dir, 'restored-files');
    try {
      const restored = await restoreInstallation(target.db, t.key, new DiskFileStore(filesDir, t.key), backupFile);
      assert.deepEqual(restored.tables, summary.tables);
      const found = await target.db.select({ code: applications.receiptCode }).from(applications).where(inArray(applications.receiptCode, acknowledged));
      assert.equal(found.length, acknowledged.length, 'every application acknowledged before the backup is restored');
      // Nothing half-written: every restored application has its events; counts equal the snapshot's.
      const orphans = await target.db.execute(sql`select count(*)::int as n from applications a where not exists (select 1 from events e where e.application_id = a.id)`);
      assert.equal(Number((orphans as unknown as { rows: { n: number }[] }).rows[0]!.n), 0);
      assert.equal((await target.db.select({ n: count() }).from(applications))[0]!.n, summary.tables['applications']);
      assert.equal((await target.db.select({ n: count() }).from(events))[0]!.n, summary.tables['events']);
      const [att] = await target.db.select().from(attachments).where(eq(attachments.sha256, attachmentSha));
      assert.ok(att !== undefined);
      assert.ok((await new DiskFileStore(filesDir, t.key).get(attachmentSha)).equals(attachmentBytes));
      // Logins work on the restored installation (users and password hashes came along).
      assert.ok((await target.db.select({ n: count() }).from(users))[0]!.n >= 8);
      // A second restore into the now non-empty installation is refused.
      await assert.rejects(restoreInstallation(target.db, t.key, new DiskFileStore(filesDir, t.key), backupFile), RestoreTargetNotEmptyError);
    } finally {
      await target.close();
    }
  });

  it('refuses another key and a truncated file, writing nothing', async () => {
    const target = await createTestDb();
    try {
      const sink = new DiskFileStore(path.join(dir, 'x'), t.key);
      await assert.rejects(restoreInstallation(target.db, SecretKey.random(), sink, backupFile), RestoreKeyMismatchError);
      const whole = readFileSync(backupFile);
      const cut = path.join(dir, 'cut.gkbackup');
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
      await assert.rejects(restoreInstallation(target.db, t.key, sink, cut), BackupUnreadableError);
      assert.equal((await target.db.select({ n: count() }).from(applications))[0]!.n, 0);
    } finally {
      await target.close();
    }
  });
});
