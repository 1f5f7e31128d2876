/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line, e.g.
 * `npm run bench -- render parse`) and prints their result lines. Timings live here, never in tests.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cpus } from 'node:os';

interface BenchModule {
  run: () => Promise<string[]>;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')))
  .sort();

console.log(`gongkai bench — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}${process.env.DATABASE_URL ? `, DATABASE_URL set` : ''}`);
for (const file of files) {
  const mod = (await import(pathToFileURL(here + file).href)) as BenchModule;
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  const started = performance.now();
  for (const line of await mod.run()) console.log(line);
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
