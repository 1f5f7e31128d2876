import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { checkQueryPassword, hashQueryPassword, NO_QUERY_PASSWORD } from './queryPassword.ts';

test('query passwords are stored under scrypt; the earlier salted SHA-256 form still verifies; imports match nothing', async () => {
  const stored = await hashQueryPassword('ABCD2345');
  assert.match(stored, /^qs1\$2048\$8\$1\$/);
  assert.equal(await checkQueryPassword('ABCD2345', stored), true);
  assert.equal(await checkQueryPassword('ABCD2346', stored), false);
  const legacy = `salt123$${createHash('sha256').update('salt123:XYZW9876').digest('base64url')}`;
  assert.equal(await checkQueryPassword('XYZW9876', legacy), true);
  assert.equal(await checkQueryPassword('XYZW9877', legacy), false);
  assert.equal(await checkQueryPassword('', NO_QUERY_PASSWORD), false);
  assert.equal(await checkQueryPassword('!', NO_QUERY_PASSWORD), false);
});
