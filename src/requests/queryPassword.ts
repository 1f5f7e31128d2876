/**
 * The applicant's query password (查询密码), stored as `qs2$<N>$<r>$<p>$<salt>$<hash>`: scrypt of the
 * password's HMAC under the installation key (SecretKey.keyedHash, a "pepper"). Without the key file — a
 * stolen table or backup, which never holds the key — the hashes cannot be searched at all.
 *
 * With the key too, what a search costs is the password's entropy times the cost of one hash; the entropy
 * is ours to choose because the password is random. 10 characters of 32 (50 bits) under N = 32 (≈ 0.1 ms a
 * guess) cost 2^50 × 0.1 ms ≈ 3,500 core-years per hash; 8 characters (40 bits) under N = 256 (≈ 0.48 ms)
 * cost ≈ 17. So the longer password with the lighter work factor is ≈ 200 times harder to search, and a
 * submission's hash costs ≈ 0.13 ms of CPU instead of ≈ 0.5 ms (`npm run bench -- lean` measures all three).
 * The work factor is stored in each hash, so hashes made with other parameters still verify, and so do the
 * earlier forms `qs1$…` (scrypt of the bare password) and `salt$sha256`.
 * Imported cases never had a password given to anyone: they store NO_QUERY_PASSWORD, which no password matches.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { SecretKey } from '../db/secretKey.ts';

const N = 32;
const R = 8;
const P = 1;
const KEYLEN = 24;

/** Stored for cases whose applicant never received a query password (register imports). */
export const NO_QUERY_PASSWORD = '!';

/** Characters in a new query password (of the 32 of the receipt alphabet: 50 bits). */
export const QUERY_PASSWORD_LENGTH = 10;

function scrypt(password: string, salt: Buffer, keylen: number, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password, salt, keylen, { N: n, r, p, maxmem: 32 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const peppered = (key: SecretKey, password: string) => key.keyedHash('query-password', password);

export async function hashQueryPassword(key: SecretKey, password: string): Promise<string> {
  const salt = randomBytes(12);
  const hash = await scrypt(peppered(key, password), salt, KEYLEN, N, R, P);
  return ['qs2', N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function checkQueryPassword(key: SecretKey, password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length === 6 && (parts[0] === 'qs2' || parts[0] === 'qs1')) {
    const [form, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
    const expected = Buffer.from(hash, 'base64url');
    if (Number(n) > 65536 || expected.length === 0) return false;
    const input = form === 'qs2' ? peppered(key, password) : password;
    const got = await scrypt(input, Buffer.from(salt, 'base64url'), expected.length, Number(n), Number(r), Number(p));
    return timingSafeEqual(got, expected);
  }
  if (parts.length === 2) {
    // The earlier form: salt$sha256(salt:password).
    const [salt, hash] = parts as [string, string];
    const a = Buffer.from(createHash('sha256').update(`${salt}:${password}`).digest('base64url'));
    const b = Buffer.from(hash);
    return a.length === b.length && timingSafeEqual(a, b);
  }
  return false;
}
