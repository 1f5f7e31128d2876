/**
 * The applicant's query password (查询密码), stored under scrypt: `qs1$<N>$<r>$<p>$<salt>$<hash>`. The
 * password is random (8 characters of 32, ≈ 40 bits) and lookups are rate limited, so a moderate cost
 * (N = 2048, a few milliseconds, off the event loop) makes a stolen table expensive to search without
 * slowing the intake. Hashes of the earlier `salt$sha256` form stay verifiable. Imported cases never had a
 * password given to anyone: they store NO_QUERY_PASSWORD, which no password matches.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

const N = 2048;
const R = 8;
const P = 1;
const KEYLEN = 24;

/** Stored for cases whose applicant never received a query password (register imports). */
export const NO_QUERY_PASSWORD = '!';

function scrypt(password: string, salt: Buffer, keylen: number, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password, salt, keylen, { N: n, r, p, maxmem: 32 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashQueryPassword(password: string): Promise<string> {
  const salt = randomBytes(12);
  const hash = await scrypt(password, salt, KEYLEN, N, R, P);
  return ['qs1', N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function checkQueryPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length === 6 && parts[0] === 'qs1') {
    const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
    const expected = Buffer.from(hash, 'base64url');
    if (Number(n) > 65536 || expected.length === 0) return false;
    const got = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, Number(n), Number(r), Number(p));
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
