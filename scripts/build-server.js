#!/usr/bin/env node
// Bundles the server (src/main.ts → dist/server/main.js) with esbuild when the bundle is missing or older
// than its sources, so that `npm start` runs plain JavaScript: no TypeScript compiled at each start, one
// file instead of hundreds of modules each resolved through a loader hook (issue 14: start time, memory).
// Packages stay external (loaded from node_modules, heavy ones only when first used). `--force` rebuilds.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isStale } from './staleBuild.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'server', 'main.js');

const sources = [join(root, 'src'), join(root, 'package.json')];
if (!isStale(out, sources)) process.exit(0);
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('服务端未构建：找不到 esbuild（请先运行 npm install）');
  process.exit(1);
}
rmSync(dirname(out), { recursive: true, force: true });
await esbuild.build({
  // The server, and the script `npm install` runs to build the embedded database's template.
  entryPoints: [join(root, 'src', 'main.ts'), join(root, 'src', 'db', 'preparePgliteTemplate.ts')],
  outdir: dirname(out),
  // Modules imported with import() become their own chunks, and so do the packages they import: a
  // single file would hoist those imports (pdfkit, docx, jszip …) and load them at every start.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Package JSON data (the holiday tables) goes into the bundle: Node would need an import attribute.
  plugins: [
    {
      name: 'bundle-package-json',
      setup(build) {
        const require = createRequire(join(root, 'package.json'));
        build.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({ path: require.resolve(args.path) }));
      },
    },
  ],
});
