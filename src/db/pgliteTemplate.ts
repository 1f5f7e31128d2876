/**
 * A new embedded database starts from a template: the cluster PGlite's initdb makes, with every migration
 * applied, dumped once as a tar file and loaded into each new data directory (or memory database) after.
 * Loading it takes about half a second where initdb and the migrations take four to five (issue 14: a
 * fresh `npm start` under 8 s; every test database and fresh CLI data directory gains the same).
 *
 * The file is named by a hash of the migrations and the PGlite version, so a new migration or PGlite makes
 * a new template and an old one is never loaded. `npm install` builds it (scripts/build-server.js); when
 * it is missing, the first database that needs it builds and saves it. Where the package folder cannot be
 * written, the template is built in memory each time and nothing is saved.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT, packageRootAbove } from '../shared/packageRoot.ts';

export const TEMPLATE_DIR = path.join(PACKAGE_ROOT, 'dist', 'pglite-template');

/** The template's file for these migrations and this PGlite. */
export function templateFile(migrationsFolder: string): string {
  const hash = createHash('sha256');
  const pglite = packageRootAbove(path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))));
  hash.update(readFileSync(path.join(pglite, 'package.json')));
  const files = readdirSync(migrationsFolder, { recursive: true }).map(String).sort();
  for (const f of files) {
    const full = path.join(migrationsFolder, f);
    if (!statSync(full).isFile()) continue;
    hash.update(`\0${f}\0`);
    hash.update(readFileSync(full));
  }
  return path.join(TEMPLATE_DIR, `${hash.digest('hex').slice(0, 20)}.tar`);
}

/** The migrated cluster as a tar archive, from the saved file or built now (and saved when possible). */
export async function pgliteTemplate(migrationsFolder: string): Promise<Blob> {
  const file = templateFile(migrationsFolder);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  // Loaded here, not at the top: `npm install` runs this module only to see that the file is there.
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite'), import('drizzle-orm/pglite/migrator')]);
  const client = new PGlite();
  let dump: Blob;
  try {
    await migrate(drizzle({ client }), { migrationsFolder });
    dump = await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
  saveTemplate(file, new Uint8Array(await dump.arrayBuffer()));
  return dump;
}

function saveTemplate(file: string, bytes: Uint8Array): void {
  // Written aside and renamed: test processes building it at the same time never read half a file.
  const partial = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  } catch {
    rmSync(partial, { force: true });
  }
}
