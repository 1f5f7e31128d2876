/**
 * The key of an installation, checked against the database: the database records the fingerprint of the
 * key that encrypted its personal data, and a server or CLI started with another key (a different data
 * directory, a wrong GONGKAI_SECRET_KEY) stops with a clear message instead of writing rows no one can read
 * or answering `decryption_failed`. A key file is created only for a database that has none recorded yet.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { DomainError } from '../shared/domainError.ts';
import type { Db } from './open.ts';
import { applications, installation } from './schema.ts';
import { SecretKey } from './secretKey.ts';

export class KeyMismatchError extends DomainError {
  readonly code = 'secret_key.mismatch';
  readonly kind = 'rule-violation';
}

/** A short, one-way fingerprint of the key (labelled so it is not a plain hash of the key). */
export function keyFingerprint(key: SecretKey): string {
  return key.fingerprint((k) => createHash('sha256').update('gongkai key fingerprint v1\0').update(k).digest('hex').slice(0, 32));
}

export async function recordedFingerprint(db: Db): Promise<string | undefined> {
  const rows = await db.select({ fp: installation.keyFingerprint }).from(installation).limit(1);
  return rows[0]?.fp;
}

export async function recordFingerprint(db: Db, fingerprint: string): Promise<void> {
  await db.insert(installation).values({ id: 1, keyFingerprint: fingerprint }).onConflictDoNothing();
}

function where(env: NodeJS.ProcessEnv, dataDir: string | undefined): string {
  const fromEnv = env['GONGKAI_SECRET_KEY'];
  if (fromEnv !== undefined && fromEnv !== '') return 'GONGKAI_SECRET_KEY';
  return dataDir === undefined || dataDir === 'memory' ? '（内存中的临时密钥）' : path.join(dataDir, 'secret.key');
}

/**
 * Loads the key (GONGKAI_SECRET_KEY, else `<dataDir>/secret.key`) and checks it against the fingerprint the
 * database records; records it on first use. Throws KeyMismatchError when the key does not belong to the
 * database, or when the database has a key and none is found (nothing is created then).
 */
export async function loadInstallationKey(db: Db, options: { env?: NodeJS.ProcessEnv; dataDir?: string | undefined } = {}): Promise<SecretKey> {
  const env = options.env ?? process.env;
  const recorded = await recordedFingerprint(db);
  const source = where(env, options.dataDir);
  const fromEnv = env['GONGKAI_SECRET_KEY'];
  const keyFile = options.dataDir === undefined || options.dataDir === 'memory' ? undefined : path.join(options.dataDir, 'secret.key');
  if (recorded !== undefined && (fromEnv === undefined || fromEnv === '') && keyFile !== undefined && !existsSync(keyFile)) {
    throw new KeyMismatchError(`数据库已由另一个密钥加密个人信息，但 ${keyFile} 不存在：请把 GONGKAI_DATA_DIR 指向原数据目录，或以 GONGKAI_SECRET_KEY 提供原密钥（不会新建密钥）`, [
      { path: 'GONGKAI_SECRET_KEY', rule: 'secret_key.missing', message: `key fingerprint ${recorded} expected` },
    ]);
  }
  const key = SecretKey.load({ env, dataDir: options.dataDir });
  const fingerprint = keyFingerprint(key);
  if (recorded === undefined) {
    // An installation from before fingerprints: the key must open the personal data already stored.
    const [sample] = await db.select({ data: applications.personalData }).from(applications).orderBy(sql`${applications.id}`).limit(1);
    if (sample !== undefined) {
      try {
        key.decrypt(sample.data);
      } catch {
        throw new KeyMismatchError(`密钥（${source}）无法解密数据库中已有的个人信息：请使用加密这些数据的原密钥`, [{ path: 'GONGKAI_SECRET_KEY', rule: 'secret_key.mismatch', message: 'the key does not decrypt stored personal data' }]);
      }
    }
    await recordFingerprint(db, fingerprint);
    return key;
  }
  if (recorded !== fingerprint) {
    throw new KeyMismatchError(`密钥（${source}）与数据库记录的密钥不一致（指纹 ${fingerprint} ≠ ${recorded}）：请使用原数据目录（GONGKAI_DATA_DIR）或原密钥（GONGKAI_SECRET_KEY）`, [
      { path: 'GONGKAI_SECRET_KEY', rule: 'secret_key.mismatch', message: `key fingerprint ${recorded} expected` },
    ]);
  }
  return key;
}

/** The key the installation already has (GONGKAI_SECRET_KEY, else an existing `<dataDir>/secret.key`), never a new one. */
export function existingKey(options: { env?: NodeJS.ProcessEnv; dataDir?: string | undefined } = {}): SecretKey | undefined {
  const env = options.env ?? process.env;
  const fromEnv = env['GONGKAI_SECRET_KEY'];
  if (fromEnv !== undefined && fromEnv !== '') return SecretKey.fromBase64(fromEnv);
  if (options.dataDir === undefined || options.dataDir === 'memory' || !existsSync(path.join(options.dataDir, 'secret.key'))) return undefined;
  return SecretKey.load({ env, dataDir: options.dataDir });
}
