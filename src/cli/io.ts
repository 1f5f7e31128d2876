/** Small file helpers for commands: read input that names itself in errors; write output atomically. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliInputError } from './errors.ts';

export function readInputFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CliInputError(`${path}: cannot read the file (${reason})`);
  }
}

export function readJsonFile(path: string): unknown {
  const text = readInputFile(path).toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliInputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** Write through a temporary file and a rename, so a failed run never leaves half a file behind. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, data);
  renameSync(temp, path);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
