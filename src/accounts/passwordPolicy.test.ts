import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passwordIssues } from './passwordPolicy.ts';

test('the password policy: length, blank or repeated, the username, common passwords', async () => {
  const cases: [string, string, string[]][] = [
    ['12345678', 'clerk', ['length', 'password.common']],
    ['        ', 'clerk', ['length', 'password.trivial']],
    ['          ', 'clerk', ['password.trivial']],
    ['aaaaaaaaaaaa', 'clerk', ['password.trivial']],
    ['1234567890', 'clerk', ['password.common']],
    ['password123!', 'clerk', ['password.common']],
    ['qwertyuiop', 'clerk', ['password.common']],
    ['clerk-secret-2021', 'clerk', ['password.username']],
    ['correct-horse-1', 'clerk', []],
    ['长城脚下的信访局2021', 'clerk', []],
  ];
  for (const [password, username, rules] of cases) {
    assert.deepEqual((await passwordIssues(password, username)).map((i) => i.rule), rules, JSON.stringify(password));
  }
});
