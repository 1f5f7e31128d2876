/**
 * The key that encrypts personal data at rest (AES-256-GCM): `GONGKAI_SECRET_KEY` (base64 of 32 bytes),
 * or a key file created on first start in the data directory. The key is never logged.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '../shared/domainError.ts';

export class SecretKeyError extends DomainError {
  readonly code = 'secret_key.invalid';
  readonly kind = 'invalid-input';
}

export class DecryptionError extends DomainError {
  readonly code = 'secret_key.decryption_failed';
  readonly kind = 'rule-violation';
}

const KEY_FILE = 'secret.key';

const SEALED_BYTES_MAGIC = Buffer.from('GKE1');

/** Whether bytes were sealed by encryptBytes (else: a file stored before encryption at rest). */
export function isSealedBytes(data: Buffer): boolean {
  return data.length >= 32 && data.subarray(0, 4).equals(SEALED_BYTES_MAGIC);
}

/** Whether a stored text was sealed by encrypt (`v1.…`), else it is plain text from before encryption. */
export function isSealedText(text: string): boolean {
  return /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text);
}

/** A 32-byte key, wrapped so that it does not print. */
export class SecretKey {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new SecretKeyError('GONGKAI_SECRET_KEY 必须是 32 字节密钥的 base64 编码', [{ path: 'GONGKAI_SECRET_KEY', rule: 'length', message: 'must decode to 32 bytes' }]);
    this.#key = Buffer.from(key);
  }

  static random(): SecretKey {
    return new SecretKey(randomBytes(32));
  }

  static fromBase64(text: string): SecretKey {
    return new SecretKey(Buffer.from(text.trim(), 'base64'));
  }

  /** From GONGKAI_SECRET_KEY, else `<dataDir>/secret.key` (created when missing), else a random key (memory only). */
  static load(options: { env?: NodeJS.ProcessEnv; dataDir?: string | undefined } = {}): SecretKey {
    const env = options.env ?? process.env;
    const fromEnv = env['GONGKAI_SECRET_KEY'];
    if (fromEnv !== undefined && fromEnv !== '') return SecretKey.fromBase64(fromEnv);
    if (options.dataDir === undefined || options.dataDir === 'memory') return SecretKey.random();
    const file = path.join(options.dataDir, KEY_FILE);
    if (existsSync(file)) return SecretKey.fromBase64(readFileSync(file, 'utf8'));
    mkdirSync(options.dataDir, { recursive: true });
    const key = randomBytes(32);
    writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return new SecretKey(key);
  }

  /** `v1.<iv>.<tag>.<ciphertext>` (base64url parts). */
  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v1', iv.toString('base64url'), tag.toString('base64url'), data.toString('base64url')].join('.');
  }

  decrypt(sealed: string): string {
    const [v, iv, tag, data] = sealed.split('.');
    if (v !== 'v1' || iv === undefined || tag === undefined || data === undefined) throw new DecryptionError('无法解密个人信息：格式不正确');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError('无法解密个人信息：密钥不匹配或数据已损坏');
    }
  }

  /** Bytes sealed as `GKE1` ‖ iv (12) ‖ tag (16) ‖ ciphertext (files at rest). */
  encryptBytes(plain: Uint8Array): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const data = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([SEALED_BYTES_MAGIC, iv, cipher.getAuthTag(), data]);
  }

  decryptBytes(sealed: Buffer): Buffer {
    if (!isSealedBytes(sealed)) throw new DecryptionError('无法解密文件：格式不正确');
    const iv = sealed.subarray(4, 16);
    const tag = sealed.subarray(16, 32);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(32)), decipher.final()]);
    } catch {
      throw new DecryptionError('无法解密文件：密钥不匹配或文件已损坏');
    }
  }

  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson(sealed: string): unknown {
    return JSON.parse(this.decrypt(sealed)) as unknown;
  }

  /** A value derived from the key by `derive` (a fingerprint); the key itself never leaves this class. */
  fingerprint(derive: (key: Buffer) => string): string {
    return derive(Buffer.from(this.#key));
  }

  /** HMAC-SHA256 (hex) under a key derived for `purpose`: links records without storing the value (decisions.md #17). */
  keyedHash(purpose: string, value: string): string {
    const derived = createHmac('sha256', this.#key).update(`gongkai:${purpose}`).digest();
    return createHmac('sha256', derived).update(value).digest('hex');
  }

  toJSON(): string {
    return '[SecretKey]';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[SecretKey]';
  }
}
