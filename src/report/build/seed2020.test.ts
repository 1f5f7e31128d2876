import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_REGISTER, seedReport } from '../../../test/support/reportFixtures.ts';
import { parseRegisterFile } from '../../register/read.ts';
import { checkReport } from '../check.ts';
import type { AppealForReport } from './appeals.ts';
import { buildReport } from './buildReport.ts';
import { registerRowsToCases } from './fromRegister.ts';


/** The seed's 15 reconsiderations of 2020: 1 upheld, 14 other results, none pending (its table 4). */
function seedAppeals(): AppealForReport[] {
  return Array.from({ length: 15 }, (_, i) => ({
    id: `fy-${i + 1}`,
    path: 'reconsideration' as const,
    filedOn: `2020-${String(1 + (i % 9)).padStart(2, '0')}-10`,
    decidedOn: `2020-${String(3 + (i % 9)).padStart(2, '0')}-05`,
    decision: i === 0 ? ('upheld' as const) : ('other' as const),
  }));
}

test('the seed register imports and builds the seed’s 2020 table 3 cell for cell', async () => {
  const rows = await parseRegisterFile(SEED_REGISTER);
  assert.equal(rows.length, 136);
  const expected = seedReport();
  const built = buildReport({
    agency: '国家信访局',
    year: 2020,
    cases: registerRowsToCases(rows),
    appeals: seedAppeals(),
    proactive: expected.proactive,
  });
  assert.equal(built.template, '2019');
  assert.deepEqual(built.applications, expected.applications);
  assert.deepEqual(built.proactive, expected.proactive);
  assert.deepEqual(built.appeals.reconsideration, expected.appeals.reconsideration);
  assert.deepEqual(built.appeals.litigation_direct, expected.appeals.litigation_direct);
  // The seed's PDF lost four litigation cells (law.md §2.6); the records give the zeros they most likely held.
  assert.deepEqual(built.appeals.litigation_after_reconsideration, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  const check = checkReport(built);
  assert.equal(check.ok, true);
  assert.equal(check.unchecked.length, 0);
});

test('the seed register’s 12 open applications carry over into 2021', async () => {
  const cases = registerRowsToCases(await parseRegisterFile(SEED_REGISTER));
  const built = buildReport({ agency: '国家信访局', year: 2021, cases, appeals: [] });
  assert.equal(built.template, '2021');
  assert.equal(built.applications.carried_over?.natural_person, seedReport().applications.carried_forward?.natural_person);
  assert.equal(built.applications.received?.total, 0);
  assert.equal(built.applications.carried_forward?.total, 12);
});
