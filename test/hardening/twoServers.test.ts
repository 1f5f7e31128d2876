/**
 * Several app servers on one PostgreSQL: two `npm start` processes share sessions, and a bounded load of
 * online submissions spread over both survives one of them killed with SIGKILL mid-load — every
 * acknowledged submission is in the database and no application is half-written. Needs PostgreSQL
 * (DATABASE_URL): the embedded database is one process by design.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createScratchPgDatabase, testDatabaseUrl } from '../support/db.ts';
import { personInput } from '../support/fixtures.ts';
import { startServer, type Server } from '../support/server.ts';

const base = testDatabaseUrl();

describe('two app servers on one PostgreSQL', { skip: base === undefined ? 'needs PostgreSQL: set DATABASE_URL' : false }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-two-'));
  let drop = async () => {};
  let url = '';
  let a: Server;
  let b: Server;

  before(async () => {
    const scratch = await createScratchPgDatabase(base!);
    drop = scratch.drop;
    url = scratch.url;
    const env = { DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', GONGKAI_DATA_DIR: dir, GONGKAI_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'), GONGKAI_PUBLIC_LIMIT_PER_MINUTE: '100000', GONGKAI_ADMIN_PASSWORD: 'lantern-river-42x' };
    a = await startServer(env);
    b = await startServer(env);
  });
  after(async () => {
    for (const s of [a, b]) if (s !== undefined && s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shares sessions: a login on one server is valid on the other', async () => {
    const login = await fetch(`${a.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'lantern-river-42x' }) });
    assert.equal(login.status, 200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie } });
    assert.equal(me.status, 200);
  });

  it('keeps every acknowledged submission when one server is killed mid-load', async () => {
    const acked: string[] = [];
    let failed = 0;
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const target = (n + i) % 2 === 0 ? a : b;
        try {
          const res = await fetch(`${target.url}/api/v1/public/agencies/gjxfj/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(personInput()) });
          if (res.status === 201) acked.push(((await res.json()) as { receiptCode: string }).receiptCode);
          else failed += 1;
        } catch {
          failed += 1;
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    while (acked.length < 150) await new Promise((r) => setTimeout(r, 10));
    a.child.kill('SIGKILL');
    const atKill = acked.length;
    while (acked.length < atKill + 150) await new Promise((r) => setTimeout(r, 10));
    stop = true;
    await Promise.all(clients);
    assert.ok(failed > 0, 'requests to the killed server failed');

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const found = await c.query<{ n: string }>('select count(*) as n from applications where receipt_code = any($1)', [acked]);
      assert.equal(Number(found.rows[0]!.n), acked.length, 'every acknowledged submission is stored');
      const half = await c.query<{ n: string }>('select count(*) as n from applications a where not exists (select 1 from events e where e.application_id = a.id)');
      assert.equal(Number(half.rows[0]!.n), 0, 'no application without its events');
      const unsubmitted = await c.query<{ n: string }>(`select count(*) as n from applications a where a.receipt_code = any($1) and not exists (select 1 from events e where e.application_id = a.id and e.kind = 'submitted')`, [acked]);
      assert.equal(Number(unsubmitted.rows[0]!.n), 0, 'every acknowledged submission has its submitted event');
      const orphanEvents = await c.query<{ n: string }>('select count(*) as n from events e where e.application_id is not null and not exists (select 1 from applications a where a.id = e.application_id)');
      assert.equal(Number(orphanEvents.rows[0]!.n), 0);
    } finally {
      await c.end();
    }
  });
});
