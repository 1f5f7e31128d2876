import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReportData } from './validateReport.ts';
import { InvalidReportError } from './errors.ts';
import { readFixtureJson, setPath } from '../../test/support/reportFixtures.ts';

const seed = (): unknown => structuredClone(readFixtureJson('reports/seed-2020.expected.json'));
type Mutation = [path: string[], value: unknown][];

test('the seed fixture validates and keeps its nulls', () => {
  const report = parseReportData(seed());
  assert.equal(report.template, '2019');
  assert.equal(report.applications.received?.total, 136);
  assert.equal(report.appeals.litigation_after_reconsideration.corrected, null);
  assert.equal(report.proactive.procurement?.amount_wan, 1259.8);
});

test('absent cells are completed as null, never 0', () => {
  const input = seed();
  setPath(input, ['applications', 'granted'], undefined);
  setPath(input, ['proactive', 'fees'], undefined);
  const report = parseReportData(input);
  assert.equal(report.applications.granted?.natural_person, null);
  assert.deepEqual(report.proactive.fees, { previous: null, change: null });
});

function issuesOf(mutation: Mutation): { path: string; rule: string }[] {
  const input = seed();
  for (const [path, value] of mutation) setPath(input, path, value);
  try {
    parseReportData(input);
  } catch (error) {
    assert.ok(error instanceof InvalidReportError);
    assert.equal(error.code, 'report.invalid');
    return error.issues.map(({ path, rule }) => ({ path, rule }));
  }
  assert.fail('expected the report to be rejected');
}

const badInputs: [string, Mutation, { path: string; rule: string }[]][] = [
  ['wrong schema', [[['schema'], 'gongkai.report/2']], [{ path: 'schema', rule: 'schema' }]],
  ['unknown row', [[['applications', 'granted_all'], {}]], [{ path: 'applications.granted_all', rule: 'unknown-row' }]],
  ['2021 row in a 2019 report', [[['applications', 'other.other'], { total: 0 }]], [{ path: 'applications.other.other', rule: 'unknown-row' }]],
  ['unknown column', [[['applications', 'received', 'citizen'], 1]], [{ path: 'applications.received.citizen', rule: 'unknown-column' }]],
  ['negative count', [[['applications', 'granted', 'total'], -1]], [{ path: 'applications.granted.total', rule: 'non-negative' }]],
  ['fractional count', [[['appeals', 'reconsideration', 'upheld'], 1.5]], [{ path: 'appeals.reconsideration.upheld', rule: 'integer' }]],
  ['string figure', [[['proactive', 'rules', 'made'], '0']], [{ path: 'proactive.rules.made', rule: 'type' }]],
  ['template does not fit the year', [[['year'], 2021]], [{ path: 'template', rule: 'template-fits-year' }]],
  ['year before the national templates', [[['year'], 2015]], [{ path: 'template', rule: 'template-fits-year' }]],
  ['missing agency', [[['agency'], undefined]], [{ path: 'agency', rule: 'required' }]],
  ['unknown template', [[['template'], '2008']], [{ path: 'template', rule: 'template' }]],
  ['two problems at once', [[['applications', 'granted', 'total'], -1], [['appeals', 'litigation_direct', 'total'], 'x']],
    [{ path: 'applications.granted.total', rule: 'non-negative' }, { path: 'appeals.litigation_direct.total', rule: 'type' }]],
];

for (const [name, mutation, expected] of badInputs) {
  test(`rejects ${name}, naming the place and the rule`, () => {
    assert.deepEqual(issuesOf(mutation), expected);
  });
}

test('a negative 本年增/减 is allowed, a negative amount is not', () => {
  const ok = seed();
  setPath(ok, ['proactive', 'licensing', 'change'], -3);
  assert.equal(parseReportData(ok).proactive.licensing?.change, -3);
  assert.deepEqual(issuesOf([[['proactive', 'procurement', 'amount_wan'], -1]]), [{ path: 'proactive.procurement.amount_wan', rule: 'non-negative' }]);
});

test('not an object is rejected at the root', () => {
  assert.throws(() => parseReportData([1, 2]), (e: unknown) => e instanceof InvalidReportError && e.issues[0]?.path === '(root)');
});

test('a report printed on the wrong form for its year is valid when provenance.templateMismatch declares it', () => {
  const onOldForm = seed();
  setPath(onOldForm, ['year'], 2021);
  setPath(onOldForm, ['provenance'], { templateMismatch: { printed: '2019', expected: '2021' } });
  assert.equal(parseReportData(onOldForm).template, '2019');
  // a declaration that does not match the template is no excuse
  setPath(onOldForm, ['provenance'], { templateMismatch: { printed: '2021', expected: '2019' } });
  assert.throws(() => parseReportData(onOldForm), (e: unknown) => e instanceof InvalidReportError && e.issues.some((i) => i.rule === 'template-fits-year'));
});
