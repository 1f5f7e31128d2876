import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appealColumnInYear, decisionReopensApplication, type AppealTimeline } from './appealResults.ts';

test('an appeal counts under its result in the year decided, and as 尚未审结 at each year end it is open', () => {
  const cases: [string, AppealTimeline, number, string | null][] = [
    ['decided in the year', { filedOn: '2020-03-01', decidedOn: '2020-05-20', decision: 'upheld' }, 2020, 'upheld'],
    ['filed last year, decided this year', { filedOn: '2019-11-01', decidedOn: '2020-01-15', decision: 'corrected' }, 2020, 'corrected'],
    ['…and open at the end of last year', { filedOn: '2019-11-01', decidedOn: '2020-01-15', decision: 'corrected' }, 2019, 'pending'],
    ['open at the year end', { filedOn: '2020-12-01', decidedOn: null, decision: null }, 2020, 'pending'],
    ['open over two year ends', { filedOn: '2019-06-01', decidedOn: null, decision: null }, 2020, 'pending'],
    ['decided on 31 December', { filedOn: '2020-12-01', decidedOn: '2020-12-31', decision: 'other' }, 2020, 'other'],
    ['decided on 1 January', { filedOn: '2020-12-01', decidedOn: '2021-01-01', decision: 'other' }, 2020, 'pending'],
    ['decided before the year', { filedOn: '2019-01-01', decidedOn: '2019-12-31', decision: 'upheld' }, 2020, null],
    ['filed after the year', { filedOn: '2021-01-01', decidedOn: null, decision: null }, 2020, null],
  ];
  for (const [name, appeal, year, expected] of cases) assert.equal(appealColumnInYear(appeal, year), expected, name);
});

test('only 纠正 reopens the application', () => {
  assert.equal(decisionReopensApplication('corrected'), true);
  assert.equal(decisionReopensApplication('upheld'), false);
  assert.equal(decisionReopensApplication('other'), false);
});
