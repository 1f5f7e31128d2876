/**
 * Child process of portal.bench.ts: the app on PGlite in memory with the demo seed (agency, catalogue,
 * published 2020 report) and the page cache on, plus a bare node:http server that sends the very same
 * bytes for the same URLs. Prints one JSON line: both ports and the URLs. The bare server also answers
 * /__cpu with this process's CPU time (process.cpuUsage), for the CPU spent per request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../src/db/open.ts';
import { SecretKey } from '../src/db/secretKey.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { buildApp } from '../src/http/app.ts';
import { listDocuments } from '../src/catalogue/queries.ts';
import { getAgencyByCode } from '../src/agencies/agencies.ts';
import type { FileStore } from '../src/requests/fileStore.ts';

const noFiles: FileStore = { put: () => Promise.reject(new Error('not used')), get: () => Promise.reject(new Error('not used')) };
const database = await openDatabase({ dataDir: 'memory' });
const key = SecretKey.random();
await seedDemo(database.db, key, undefined);
const agency = await getAgencyByCode(database.db, 'gjxfj');
const doc = (await listDocuments(database.db, { agencyId: agency.id, pageSize: 1 })).items[0]!;
const urls = { home: '/agencies/gjxfj', document: `/agencies/gjxfj/documents/${doc.id}`, report: '/agencies/gjxfj/reports/2020' };
const app = await buildApp({ db: database.db, key, files: noFiles, listen: database.listen });
await app.listen({ port: 0, host: '127.0.0.1' });
const bodies = new Map<string, { type: string; body: Buffer }>();
for (const url of Object.values(urls)) {
  const res = await app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  bodies.set(url, { type: String(res.headers['content-type']), body: res.rawPayload });
}
const bare = http.createServer((req, res) => {
  if (req.url === '/__cpu') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(process.cpuUsage()));
    return;
  }
  const page = bodies.get(req.url ?? '');
  if (page === undefined) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': page.type, 'content-length': page.body.length });
  res.end(page.body);
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
process.stdout.write(`${JSON.stringify({ app: (app.server.address() as AddressInfo).port, bare: (bare.address() as AddressInfo).port, urls, sizes: Object.fromEntries([...bodies].map(([u, b]) => [u, b.body.length])) })}\n`);
process.on('SIGTERM', () => {
  bare.close();
  void app.close().then(() => database.close()).then(() => process.exit(0));
});
