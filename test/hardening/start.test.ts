/**
 * `npm start` on a new embedded data directory, then again on the same one (issue 14, lean paths): the new
 * database is loaded from the migrated template and seeded by a child process, the server prints the demo
 * logins with their passwords and serves the seeded demo; a restart serves the same data and prints the
 * same passwords, kept in the data directory. (How fast, and how much memory: bench/lean.bench.ts.)
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { startServer, stopServer } from '../support/server.ts';
import type { Server } from '../support/server.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'gk-start-'));
const data = path.join(dir, 'data');
// Always the embedded database, whichever engine the suite runs on.
const env = { DATABASE_URL: '', GONGKAI_DATA_DIR: data, PORT: '0', HOST: '127.0.0.1', GONGKAI_REMINDERS: 'off' };

function logins(s: Server): Map<string, string> {
  const found = [...s.out.join('').matchAll(/^\s{4}(\w+)\s+\/ (\S+)\s+角色：/gm)];
  return new Map(found.map((m) => [m[1]!, m[2]!]));
}

async function login(s: Server, username: string, password: string): Promise<number> {
  const res = await fetch(`${s.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return res.status;
}

describe('npm start on a new data directory, and again', () => {
  let first: Map<string, string>;
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates, seeds and serves a new installation', async () => {
    const s = await startServer(env);
    try {
      const out = s.out.join('');
      assert.match(out, /gongkai 已启动（数据库：pglite /);
      // The seed ran (in its child process) and its counts reach the banner.
      assert.match(out, /年度报告: 国家信访局 2020 年报告由刚导入的 \d+ 件 2020 年申请生成/);
      first = logins(s);
      assert.deepEqual([...first.keys()].sort(), ['admin', 'clerk', 'editor', 'head', 'supervisor']);
      assert.equal(new Set(first.values()).size, 5, 'each demo user has a password of its own');
      assert.equal(await login(s, 'clerk', first.get('clerk')!), 200);
      const report = await fetch(`${s.url}/agencies/gjxfj/reports/2020`);
      assert.equal(report.status, 200);
      assert.match(await report.text(), /国家信访局2020年政府信息公开工作年度报告/);
      assert.ok(existsSync(path.join(data, 'pgdata', 'PG_VERSION')));
    } finally {
      await stopServer(s);
    }
  });

  it('restarts on the same data with the same logins and nothing seeded twice', async () => {
    const s = await startServer(env);
    try {
      const out = s.out.join('');
      assert.match(out, /年度报告: 国家信访局 2020 年报告由已有的 2020 年申请生成/);
      assert.doesNotMatch(out, /已创建 \d+ 件示例申请/);
      assert.deepEqual(logins(s), first);
      assert.equal(await login(s, 'head', first.get('head')!), 200);
      // No template or seed leftovers in the data directory.
      assert.deepEqual(readdirSync(data).filter((f) => f.endsWith('.partial')), []);
    } finally {
      await stopServer(s);
    }
  });
});
