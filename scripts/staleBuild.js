// Whether a build output is missing, forced (`--force`) or older than the newest of its sources (files or
// folders, walked recursively). Shared by build-console.js and build-server.js.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

export function isStale(output, sources) {
  return !existsSync(output) || process.argv.includes('--force') || Math.max(...sources.map(newest)) > statSync(output).mtimeMs;
}
