/**
 * The one check for control characters in text that enters the system (API bodies, query strings and
 * parameters, portal forms, register and appeal files, CLI arguments). Tab and newline are allowed (a CR
 * only as part of CRLF, as browsers send textareas); every other C0/C1 control character and DEL is refused
 * as a field error — PostgreSQL cannot store NUL in text, and the others only hide or break what is shown.
 */
import type { Issue } from './domainError.ts';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/u;

export const CONTROL_CHARACTER_RULE = 'control_character';
export const CONTROL_CHARACTER_MESSAGE = '不能包含控制字符（制表符、换行符除外）';

const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');

/** The text with each control character (other than tab, newline, CRLF) as a space: for search text. */
export function controlCharactersAsSpaces(text: string): string {
  return text.replace(FORBIDDEN_ALL, ' ');
}

/** Whether the text holds a control character other than tab, newline (or CRLF). */
export function hasControlCharacter(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** The issue for one field, or null when it is clean. */
export function controlCharacterIssue(path: string, text: string): Issue | null {
  return hasControlCharacter(text) ? { path, rule: CONTROL_CHARACTER_RULE, message: CONTROL_CHARACTER_MESSAGE } : null;
}

/** Every string (keys too) in a parsed JSON-like value with a control character, as issues with dotted paths. */
export function controlCharacterIssues(value: unknown, path = '', out: Issue[] = []): Issue[] {
  if (out.length >= 50) return out;
  if (typeof value === 'string') {
    const issue = controlCharacterIssue(path === '' ? '(root)' : path, value);
    if (issue !== null) out.push(issue);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => controlCharacterIssues(v, path === '' ? String(i) : `${path}.${i}`, out));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const [k, v] of Object.entries(value)) {
      const p = path === '' ? k : `${path}.${k}`;
      if (hasControlCharacter(k)) out.push({ path: p, rule: CONTROL_CHARACTER_RULE, message: `字段名${CONTROL_CHARACTER_MESSAGE}` });
      else controlCharacterIssues(v, p, out);
    }
  }
  return out;
}
