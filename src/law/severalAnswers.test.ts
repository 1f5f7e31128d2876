import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseOutcome } from './outcomes.ts';
import { resultOfSeveralAnswers } from './severalAnswers.ts';

test('an application answered with several outcomes counts once', () => {
  const cases: [CaseOutcome[], CaseOutcome | null][] = [
    [['granted'], 'granted'],
    [['unavailable.not_held', 'unavailable.not_held'], 'unavailable.not_held'],
    [['granted', 'withheld.state_secret'], 'partially_granted'],
    [['withheld.third_party_rights', 'granted', 'unavailable.not_held'], 'partially_granted'],
    [['partially_granted', 'not_processed.publication'], 'partially_granted'],
    [['withheld.state_secret', 'unavailable.not_held'], null],
    [['not_processed.petition_complaint', 'other.other'], null],
    [[], null],
  ];
  for (const [answers, expected] of cases) assert.equal(resultOfSeveralAnswers(answers), expected, answers.join('+'));
});
