/**
 * Applications registered per second over the API (POST /api/v1/applications with a clerk's session),
 * on PGlite in memory and on PostgreSQL (DATABASE_URL, or 127.0.0.1:5432/test when reachable; a scratch
 * database is created and dropped).
 */
import { systemActor } from '../src/accounts/actor.ts';
import { addUser } from '../src/accounts/users.ts';
import { addAgency } from '../src/agencies/agencies.ts';
import { openDatabase } from '../src/db/open.ts';
import type { Database } from '../src/db/open.ts';
import { SecretKey } from '../src/db/secretKey.ts';
import { buildApp } from '../src/http/app.ts';
import { residentIdCheckChar } from '../src/requests/identity.ts';
import type { FileStore } from '../src/requests/fileStore.ts';
import { createScratchPgDatabase } from '../test/support/db.ts';
import { reachablePostgresUrl } from './postgres.ts';

const N = 300;
const CONCURRENCY = 8;

const noFiles: FileStore = {
  put: () => Promise.reject(new Error('not used')),
  get: () => Promise.reject(new Error('not used')),
};

async function measure(database: Database, label: string): Promise<string> {
  const sys = systemActor('bench');
  await addAgency(database.db, sys, { code: 'bench-region', name: '基准测试地区' });
  await addAgency(database.db, sys, { code: 'bench', name: '基准测试机关', parentCode: 'bench-region' });
  await addUser(database.db, sys, { username: 'bench-clerk', password: 'bench-password-1', roles: ['clerk'], agencyCode: 'bench' });
  const app = await buildApp({ db: database.db, key: SecretKey.random(), files: noFiles, today: () => '2021-06-01', loginLimitPerMinute: 1000 });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench-clerk', password: 'bench-password-1' } });
  const setCookie = login.headers['set-cookie'];
  const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;
  const csrf = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
  const id17 = '11010519900307451';
  const body = {
    applicant: { kind: 'natural_person', name: '基准测试', idNumber: `${id17}${residentIdCheckChar(id17)}`, phone: '13800000000' },
    description: '基准测试申请的政府信息',
    form: 'electronic',
    delivery: 'email',
    agencyCode: 'bench',
    channel: 'in-person',
    receivedOn: '2021-06-01',
  };
  const one = async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/applications', headers: { cookie, 'x-csrf-token': csrf }, payload: body });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  };
  for (let i = 0; i < 10; i++) await one(); // warm-up
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        next += 1;
        await one();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  return `${label}: ${(N / seconds).toFixed(0)} applications registered/s over the API (${N} in ${seconds.toFixed(2)} s, ${CONCURRENCY} concurrent)`;
}

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  const lite = await openDatabase({ dataDir: 'memory' });
  try {
    lines.push(await measure(lite, 'PGlite (memory)'));
  } finally {
    await lite.close();
  }
  const base = await reachablePostgresUrl();
  if (base !== undefined) {
    const scratch = await createScratchPgDatabase(base);
    const database = await openDatabase({ url: scratch.url });
    try {
      lines.push(await measure(database, 'PostgreSQL'));
    } finally {
      await database.close();
      await scratch.drop();
    }
  } else {
    lines.push('PostgreSQL: not reachable (set DATABASE_URL), skipped');
  }
  return lines;
}
