/**
 * Content-addressed file storage on disk: `<root>/sha256/<2 hex>/<64 hex>` (the sha256 of the content);
 * writing the same bytes twice is a no-op. With a key, files are encrypted at rest (AES-256-GCM, like
 * personal data in the database: attachments are ID copies); files stored before that are still read.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isSealedBytes, type SecretKey } from '../db/secretKey.ts';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FileStore {
  put(data: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer>;
}

export class DiskFileStore implements FileStore {
  readonly root: string;
  readonly #key: SecretKey | undefined;

  constructor(root: string, key?: SecretKey) {
    this.root = root;
    this.#key = key;
  }

  #path(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad sha256');
    return path.join(this.root, 'sha256', sha256.slice(0, 2), sha256);
  }

  async put(data: Buffer): Promise<string> {
    const sha = createHash('sha256').update(data).digest('hex');
    const file = this.#path(sha);
    try {
      await stat(file);
      return sha;
    } catch {
      // not stored yet
    }
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, this.#key === undefined ? data : this.#key.encryptBytes(data), { mode: 0o600 });
    await rename(tmp, file);
    return sha;
  }

  /** The bytes as stored (encrypted): for backups, which are restored with the same key. */
  raw(sha256: string): Promise<Buffer> {
    return readFile(this.#path(sha256));
  }

  /** Stores bytes exactly as a backup holds them (already encrypted), under their content's sha256. */
  async putRaw(sha256: string, stored: Buffer): Promise<void> {
    const file = this.#path(sha256);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, stored, { mode: 0o600 });
    await rename(tmp, file);
  }

  async get(sha256: string): Promise<Buffer> {
    const stored = await readFile(this.#path(sha256));
    return this.#key !== undefined && isSealedBytes(stored) ? this.#key.decryptBytes(stored) : stored;
  }
}
