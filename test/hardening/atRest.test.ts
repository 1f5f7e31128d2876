/**
 * Finding 8: what lies on disk — letter bodies without the applicant's name in clear, attachments encrypted,
 * the PGlite data directory owner-only, the query password under scrypt.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { applications, letters } from '../../src/db/schema.ts';
import { openDatabase } from '../../src/db/open.ts';
import { personInput } from '../support/fixtures.ts';
import { startTestApp, type Client, type TestApp } from '../support/http.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('data at rest', () => {
  let t: TestApp;
  let clerk: Client;
  let id: string;
  let version: number;
  const name = personInput().applicant.name;

  before(async () => {
    t = await startTestApp();
    t.today.value = '2021-03-01';
    clerk = await t.as('clerk');
    const res = await clerk.post('/api/v1/applications', { agencyCode: 'gjxfj', channel: 'in-person', receivedOn: '2021-03-01', ...personInput() });
    assert.equal(res.status, 201);
    ({ id, version } = res.json<{ application: { id: string; version: number } }>().application);
  });
  after(async () => t.close());

  it('stores a saved letter without the applicant’s name in clear, and shows it in full', async () => {
    const body = `${name}：\n\n你（单位）于2021年3月1日提出的政府信息公开申请收悉。经审查，现答复如下：予以公开。`;
    const saved = await clerk.put(`/api/v1/applications/${id}/letter`, { version, outcome: 'granted', title: '政府信息公开申请答复书', body });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const [row] = await t.db.db.select().from(letters).where(eq(letters.applicationId, id));
    assert.ok(row !== undefined);
    assert.ok(!row.body.includes(name), 'the stored body holds the name in clear');
    const shown = await clerk.get(`/api/v1/applications/${id}/letter`);
    assert.equal(shown.json<{ body: string }>().body, body);
  });

  it('encrypts attachments on disk and returns the original bytes', async () => {
    const content = Buffer.from(`%PDF-1.4\n% 身份证复印件 ${name} 110105194912310020\n%%EOF\n`);
    const boundary = '----gk-at-rest';
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="id.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/attachments`, headers: { cookie: clerk.cookie!, 'x-csrf-token': clerk.csrf!, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    assert.equal(up.statusCode, 201, up.body);
    const onDisk = filesUnder(t.filesDir);
    assert.equal(onDisk.length, 1);
    const stored = readFileSync(onDisk[0]!);
    assert.ok(!stored.includes(Buffer.from('%PDF')) && !stored.includes(Buffer.from(name)), 'the file on disk is readable without the key');
    assert.equal((statSync(onDisk[0]!).mode & 0o777).toString(8), '600');
    const attachmentId = JSON.parse(up.body).id as string;
    const back = await clerk.get(`/api/v1/applications/${id}/attachments/${attachmentId}`);
    assert.ok(back.raw.equals(content));
  });

  it('keeps the query password under scrypt of its keyed hash', async () => {
    const [row] = await t.db.db.select({ h: applications.queryPasswordHash }).from(applications).where(eq(applications.id, id));
    assert.match(row!.h, /^qs2\$/);
  });

  it('makes a PGlite data directory 0700 and its files 0600', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gk-perm-'));
    try {
      const database = await openDatabase({ dataDir: path.join(dir, 'data') });
      await database.close();
      assert.equal((statSync(path.join(dir, 'data')).mode & 0o777).toString(8), '700');
      const files = filesUnder(path.join(dir, 'data', 'pgdata'));
      assert.ok(files.length > 10);
      const loose = files.filter((f) => (statSync(f).mode & 0o077) !== 0);
      assert.deepEqual(loose, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
