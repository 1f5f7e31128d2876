/**
 * The password policy for staff accounts: 10–128 characters, not blank, not one character repeated, not the
 * username (nor containing it), and not one of the ~49,000 most common passwords (the list of zxcvbn-ts,
 * loaded only when a password is set).
 */
import type { Issue } from '../shared/domainError.ts';
import { ValidationError } from '../shared/domainError.ts';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

let common: Promise<Set<string>> | undefined;

function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then((m) => new Set((m.dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())));
  return common;
}

/** Every way the password breaks the policy (empty when it is acceptable). */
export async function passwordIssues(password: string, username: string, path = 'password'): Promise<Issue[]> {
  const issues: Issue[] = [];
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH || chars.length > MAX_PASSWORD_LENGTH) issues.push({ path, rule: 'length', message: `密码应为${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH}个字符` });
  if (password.trim() === '' || new Set(chars).size === 1) issues.push({ path, rule: 'password.trivial', message: '密码不能是空白或同一个字符的重复' });
  const lower = password.toLowerCase();
  if (username !== '' && lower.includes(username.toLowerCase())) issues.push({ path, rule: 'password.username', message: '密码不能包含用户名' });
  const set = await commonPasswords();
  // A common password with a digit or a symbol appended (password1!) is as weak as the password itself.
  if (set.has(lower) || set.has(lower.replace(/[\d\W_]+$/u, ''))) issues.push({ path, rule: 'password.common', message: '这是常见密码，容易被猜中，请换一个' });
  return issues;
}

/** Throws a ValidationError naming every rule the password breaks. */
export async function assertPasswordAllowed(password: string, username: string, path = 'password'): Promise<void> {
  const issues = await passwordIssues(password, username, path);
  if (issues.length > 0) throw new ValidationError('密码', issues);
}
