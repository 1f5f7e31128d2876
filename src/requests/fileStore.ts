/** Content-addressed file storage on disk: `<root>/sha256/<2 hex>/<64 hex>`; writing the same bytes twice is a no-op. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FileStore {
  put(data: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer>;
}

export class DiskFileStore implements FileStore {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
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
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, data, { mode: 0o600 });
    await rename(tmp, file);
    return sha;
  }

  get(sha256: string): Promise<Buffer> {
    return readFile(this.#path(sha256));
  }
}
