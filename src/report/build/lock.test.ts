import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseForReport } from './cases.ts';
import { cellsOfCase, lockConflicts } from './lock.ts';

const answered: CaseForReport = { id: 'a', receivedOn: '2020-11-02', applicantKind: 'natural_person', outcome: 'unavailable.not_held', concludedOn: '2020-11-20' };
const open: CaseForReport = { id: 'o', receivedOn: '2020-12-28', applicantKind: 'commercial_enterprise', outcome: null, concludedOn: null };
const locked2020 = [{ year: 2020, template: '2019' as const }];

test('the cells a case counts in', () => {
  assert.deepEqual(cellsOfCase(answered, 2020, '2019'), [
    'applications.received.natural_person', 'applications.received.total',
    'applications.unavailable.not_held.natural_person', 'applications.unavailable.not_held.total',
    'applications.processed_total.natural_person', 'applications.processed_total.total',
  ]);
  assert.deepEqual(cellsOfCase(answered, 2021, '2021'), []);
});

test('a change that alters what a locked year counted is a conflict; one that does not is allowed', () => {
  // A 纠正 that erased the 2020 answer would move the case from 本机关不掌握 to 结转下年度.
  assert.deepEqual(lockConflicts(answered, { ...answered, outcome: null, concludedOn: null }, locked2020), [
    {
      year: 2020,
      cells: [
        'applications.carried_forward.natural_person', 'applications.carried_forward.total',
        'applications.processed_total.natural_person', 'applications.processed_total.total',
        'applications.unavailable.not_held.natural_person', 'applications.unavailable.not_held.total',
      ],
    },
  ]);
  // Another outcome, another applicant kind, a receipt date moved into another year: all conflicts.
  assert.equal(lockConflicts(answered, { ...answered, outcome: 'granted' }, locked2020).length, 1);
  assert.equal(lockConflicts(answered, { ...answered, applicantKind: 'other_org' }, locked2020).length, 1);
  assert.equal(lockConflicts(answered, null, locked2020).length, 1);
  assert.equal(lockConflicts(null, { ...answered, id: 'new' }, locked2020).length, 1);
  // Answering in 2021 an application carried forward from the locked 2020: 2020 still counts it as carried forward.
  assert.deepEqual(lockConflicts(open, { ...open, outcome: 'granted', concludedOn: '2021-01-15' }, locked2020), []);
  // …but answering it with a 2020 date would change 2020.
  assert.equal(lockConflicts(open, { ...open, outcome: 'granted', concludedOn: '2020-12-31' }, locked2020).length, 1);
  // Nothing is locked: anything goes.
  assert.deepEqual(lockConflicts(answered, null, []), []);
});
