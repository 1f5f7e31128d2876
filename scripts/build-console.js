#!/usr/bin/env node
// Builds the staff console (console/ → console/dist) with Vite when the build is missing or older than its
// sources. Run by `npm install` (prepare), `npm start` and the tests that need the bundle; `--force` rebuilds.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale } from './staleBuild.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'console');
const built = join(root, 'dist', 'index.html');

const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((f) => join(root, f));
if (!isStale(built, sources)) process.exit(0);
let vite;
try {
  vite = await import('vite');
} catch {
  console.error('控制台未构建：找不到 vite（请先运行 npm install）');
  process.exit(process.env.npm_lifecycle_event === 'prepare' ? 0 : 1);
}
await vite.build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
console.log('控制台已构建：console/dist');
