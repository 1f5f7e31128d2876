/** An app over a test database, and a small client that logs in (session cookie + CSRF header). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { DiskFileStore } from '../../src/requests/fileStore.ts';
import type { Mailer } from '../../src/reminders/mailer.ts';
import { createTestDb } from './db.ts';
import type { TestDb } from './db.ts';
import { PASSWORD, seedAgencies } from './fixtures.ts';

export interface Response {
  status: number;
  body: unknown;
  json: <T = Record<string, unknown>>() => T;
  raw: Buffer;
  headers: Record<string, unknown>;
}

type Body = Record<string, unknown> | undefined;

export class Client {
  readonly app: FastifyInstance;
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(app: FastifyInstance) {
    this.app = app;
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: Body, extraHeaders: Record<string, string> = {}): Promise<Response> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.cookie !== undefined) headers['cookie'] = this.cookie;
    if (this.csrf !== undefined && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body } : {}) });
    const raw = res.rawPayload;
    let parsed: unknown = undefined;
    if (String(res.headers['content-type'] ?? '').includes('json')) parsed = JSON.parse(res.body);
    return { status: res.statusCode, body: parsed, json: <T>() => parsed as T, raw, headers: res.headers };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: Body) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body?: Body) {
    return this.request('PUT', url, body ?? {});
  }

  async login(username: string, password = PASSWORD): Promise<this> {
    const res = await this.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const setCookie = res.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    this.cookie = String(first).split(';')[0];
    this.csrf = (JSON.parse(res.body) as { csrfToken: string }).csrfToken;
    return this;
  }
}

export interface TestApp {
  app: FastifyInstance;
  db: TestDb;
  key: SecretKey;
  /** The date the app takes as today; tests move it. */
  today: { value: string };
  as(username: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export async function startTestApp(options: { loginLimitPerMinute?: number; publicLimitPerMinute?: number; mailer?: Mailer } = {}): Promise<TestApp> {
  const db = await createTestDb();
  await seedAgencies(db.db);
  const key = SecretKey.random();
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-files-'));
  const today = { value: '2020-09-01' };
  const app = await buildApp({
    db: db.db,
    key,
    files: new DiskFileStore(dir),
    today: () => today.value,
    loginLimitPerMinute: options.loginLimitPerMinute ?? 1000,
    publicLimitPerMinute: options.publicLimitPerMinute ?? 1000,
    mailer: options.mailer,
  });
  await app.ready();
  return {
    app,
    db,
    key,
    today,
    as: (username) => new Client(app).login(username),
    anonymous: () => new Client(app),
    close: async () => {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
