/**
 * The data directory holds the database files, the key and the attachments: only the owner may read it.
 * The directory and its subdirectories become 0700 and its files 0600 (also those an earlier version left
 * world-readable), and the process creates new files owner-only (umask 077) — PGlite writes its files with
 * the process's umask.
 */
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

function tighten(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) tighten(p);
    else if (entry.isFile()) chmodSync(p, 0o600);
  }
}

export function restrictDataDir(dir: string): void {
  process.umask(0o077);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir);
}
