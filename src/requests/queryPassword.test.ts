import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { checkQueryPassword, hashQueryPassword, NO_QUERY_PASSWORD } from './queryPassword.ts';
import { SecretKey } from '../db/secretKey.ts';

const key = SecretKey.random();

test('query passwords are stored under scrypt of their keyed hash; the earlier forms still verify; imports match nothing', async () => {
  const stored = await hashQueryPassword(key, 'ABCD2345');
  assert.match(stored, /^qs2\$32\$8\$1\$/);
  // Another installation's key matches nothing: the table alone cannot be searched.
  assert.equal(await checkQueryPassword(SecretKey.random(), 'ABCD2345', stored), false);
  assert.equal(await checkQueryPassword(key, 'ABCD2345', stored), true);
  assert.equal(await checkQueryPassword(key, 'ABCD2346', stored), false);
  // A hash made with the earlier work factor (N = 256) verifies: the parameters are read from the hash.
  const salt = randomBytes(12);
  const n256 = ['qs2', 256, 8, 1, salt.toString('base64url'), scryptSync(key.keyedHash('query-password', 'ABCD2345'), salt, 24, { N: 256, r: 8, p: 1 }).toString('base64url')].join('$');
  assert.equal(await checkQueryPassword(key, 'ABCD2345', n256), true);
  assert.equal(await checkQueryPassword(key, 'ABCD2346', n256), false);
  const legacy = `salt123$${createHash('sha256').update('salt123:XYZW9876').digest('base64url')}`;
  assert.equal(await checkQueryPassword(key, 'XYZW9876', legacy), true);
  assert.equal(await checkQueryPassword(key, 'XYZW9877', legacy), false);
  assert.equal(await checkQueryPassword(key, '', NO_QUERY_PASSWORD), false);
  assert.equal(await checkQueryPassword(key, '!', NO_QUERY_PASSWORD), false);
});
