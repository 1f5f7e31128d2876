import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlCharacterIssues, hasControlCharacter } from './text.ts';

test('control characters: tab, newline and CRLF pass; NUL, other C0, lone CR, DEL and C1 are refused', () => {
  const cases: [string, boolean][] = [
    ['张三', false],
    ['a\tb', false],
    ['line1\nline2', false],
    ['line1\r\nline2', false],
    ['a\u0000b', true],
    ['\u0007', true],
    ['a\rb', true],
    ['\u001b[31m', true],
    ['\u007f', true],
    ['\u0085', true],
    ['\u000b', true],
  ];
  for (const [text, refused] of cases) assert.equal(hasControlCharacter(text), refused, JSON.stringify(text));
});

test('control characters in nested values are named by their dotted path', () => {
  const issues = controlCharacterIssues({ applicant: { name: '张\u0000三', phone: '1' }, list: ['ok', 'x\u0001'] });
  assert.deepEqual(issues.map((i) => [i.path, i.rule]), [['applicant.name', 'control_character'], ['list.1', 'control_character']]);
});
