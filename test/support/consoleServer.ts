/**
 * The server as `npm start` runs it (demo data, the console built the way `npm start` builds it), on a
 * test database, listening on 127.0.0.1 at a random port: for browser tests and the console benchmark.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SecretKey } from '../../src/db/secretKey.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { buildApp } from '../../src/http/app.ts';
import { DiskFileStore } from '../../src/requests/fileStore.ts';
import { createTestDb } from './db.ts';
import type { TestDb } from './db.ts';

export interface ConsoleServer {
  app: FastifyInstance;
  db: TestDb;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The demo users' password. */
  password: string;
  close(): Promise<void>;
}

/** Builds the console when it is missing or stale (scripts/build-console.js, as npm start does). */
export function buildConsole(): void {
  execFileSync(process.execPath, [path.resolve('scripts/build-console.js')], { stdio: 'inherit' });
}

/** `today`: the server's date (the browser's clock should be set to the same day). */
export async function startConsoleServer(options: { today?: string } = {}): Promise<ConsoleServer> {
  buildConsole();
  const db = await createTestDb();
  const key = SecretKey.random();
  const demo = await seedDemo(db.db, key, undefined);
  const password = demo.logins[0]?.password;
  if (password === undefined) throw new Error('demo seed gave no password');
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-console-'));
  const today = options.today;
  const app = await buildApp({ db: db.db, key, files: new DiskFileStore(dir), loginLimitPerMinute: 1000, publicLimitPerMinute: 1000, ...(today !== undefined ? { today: () => today } : {}) });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    db,
    origin: address,
    password,
    close: async () => {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
