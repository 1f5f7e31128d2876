#!/usr/bin/env node
// Builds the staff console (console/ → console/dist) with Vite when the build is missing or older than its
// sources. Run by `npm install` (prepare), `npm start` and the tests that need the bundle; `--force` rebuilds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'console');
const built = join(root, 'dist', 'index.html');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((f) => join(root, f));
const stale = !existsSync(built) || process.argv.includes('--force') || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
if (!stale) process.exit(0);
let vite;
try {
  vite = await import('vite');
} catch {
  console.error('控制台未构建：找不到 vite（请先运行 npm install）');
  process.exit(process.env.npm_lifecycle_event === 'prepare' ? 0 : 1);
}
await vite.build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
console.log('控制台已构建：console/dist');
