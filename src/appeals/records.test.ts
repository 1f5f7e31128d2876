import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAppealInputs } from './records.ts';
import { ValidationError } from '../shared/domainError.ts';

const record = (result: string, extra: Record<string, unknown> = {}) => ({
  body: '国务院', caseNumber: '国复〔2020〕1号', path: '行政复议', filedOn: '2020-03-01', result, decidedOn: '2020-05-01', applications: ['A-1'], ...extra,
});

test('an appeal result is read from the short word, table 4\'s label or the id', () => {
  const cases: [string, string][] = [['维持', 'upheld'], ['结果纠正', 'corrected'], ['其他结果', 'other'], ['其他', 'other'], ['pending', 'pending'], ['尚未审结', 'pending']];
  for (const [word, id] of cases) {
    const extra = id === 'pending' ? { decidedOn: null } : id === 'corrected' ? { correction: 'revoke_reanswer' } : {};
    assert.equal(parseAppealInputs([record(word, extra)])[0]?.result, id, word);
  }
});

test('an unknown result and an unknown path are named with the values allowed', () => {
  assert.throws(
    () => parseAppealInputs([record('撤销', { path: '信访' })]),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      const byRule = e.issues.map((i) => `${i.path} ${i.message}`).join('\n');
      assert.match(byRule, /result 应为 维持、纠正、其他、尚未审结/);
      assert.match(byRule, /path 应为 reconsideration（行政复议）/);
      return true;
    },
  );
});

test('a 纠正 must say what it orders (decisions.md #14); other results may not', () => {
  assert.throws(() => parseAppealInputs([record('纠正')]), (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.path === 'appeals[0].correction' && i.rule === 'required'));
  assert.throws(() => parseAppealInputs([record('维持', { correction: 'vary' })]), (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.rule === 'corrected-only'));
  assert.equal(parseAppealInputs([record('纠正', { correction: 'confirm_unlawful' })])[0]?.correction, 'confirm_unlawful');
});
