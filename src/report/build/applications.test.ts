import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resultOfSeveralAnswers } from '../../law/severalAnswers.ts';
import { table3Rows, type TemplateId } from '../../law/index.ts';
import { buildApplicationsTable, drillDown } from './applications.ts';
import type { CaseForReport } from './cases.ts';
import { UncountableRecordsError, UnknownCellError } from './errors.ts';

const c = (id: string, receivedOn: string, outcome: CaseForReport['outcome'], concludedOn: string | null, applicantKind: CaseForReport['applicantKind'] = 'natural_person'): CaseForReport =>
  ({ id, receivedOn, applicantKind, outcome, concludedOn });

/** The non-zero cells of table 3, as `row.column` → figure. */
function nonZero(cases: CaseForReport[], year: number, template: TemplateId): Record<string, number> {
  const table = buildApplicationsTable(cases, year, template);
  const out: Record<string, number> = {};
  for (const [row, cells] of Object.entries(table)) {
    for (const [column, value] of Object.entries(cells)) if (value !== 0) out[`${row}.${column}`] = value as number;
  }
  return out;
}

test('a year without cases is a table of zeros in the template’s shape', () => {
  for (const template of ['2019', '2021'] as const) {
    const table = buildApplicationsTable([], 2020, template);
    assert.deepEqual(Object.keys(table), table3Rows(template).map((r) => r.id));
    for (const cells of Object.values(table)) assert.deepEqual(Object.values(cells), [0, 0, 0, 0, 0, 0, 0]);
  }
});

test('received in December, answered in January: carried forward, then carried over and counted when answered', () => {
  const cases = [c('dec', '2020-12-28', 'granted', '2021-01-06')];
  assert.deepEqual(nonZero(cases, 2020, '2019'), {
    'received.natural_person': 1, 'received.total': 1,
    'carried_forward.natural_person': 1, 'carried_forward.total': 1,
  });
  assert.deepEqual(nonZero(cases, 2021, '2021'), {
    'carried_over.natural_person': 1, 'carried_over.total': 1,
    'granted.natural_person': 1, 'granted.total': 1,
    'processed_total.natural_person': 1, 'processed_total.total': 1,
  });
  assert.deepEqual(nonZero(cases, 2022, '2021'), {});
  assert.deepEqual(nonZero(cases, 2019, '2019'), {});
});

test('year boundaries: received on 31 December, concluded on 31 December or 1 January', () => {
  const cases = [
    c('a', '2020-12-31', 'unavailable.not_held', '2020-12-31', 'commercial_enterprise'),
    c('b', '2020-01-01', 'granted', '2020-01-01', 'commercial_enterprise'),
    c('c', '2019-12-31', 'granted', '2020-01-01', 'research_institution'),
    c('d', '2019-06-01', null, null, 'other_org'),
  ];
  assert.deepEqual(nonZero(cases, 2020, '2019'), {
    'received.commercial_enterprise': 2, 'received.total': 2,
    'carried_over.research_institution': 1, 'carried_over.other_org': 1, 'carried_over.total': 2,
    'granted.commercial_enterprise': 1, 'granted.research_institution': 1, 'granted.total': 2,
    'unavailable.not_held.commercial_enterprise': 1, 'unavailable.not_held.total': 1,
    'processed_total.commercial_enterprise': 2, 'processed_total.research_institution': 1, 'processed_total.total': 3,
    'carried_forward.other_org': 1, 'carried_forward.total': 1,
  });
});

test('a withdrawn application closes as 其他处理 (2019) / （六）3 其他 (2021)', () => {
  const withdrawn = [c('w', '2020-05-01', 'other.other', '2020-05-03', 'legal_service_org')];
  assert.deepEqual(nonZero(withdrawn, 2020, '2019'), {
    'received.legal_service_org': 1, 'received.total': 1,
    'other.legal_service_org': 1, 'other.total': 1,
    'processed_total.legal_service_org': 1, 'processed_total.total': 1,
  });
  const withdrawn2021 = [c('w', '2021-05-01', 'other.other', '2021-05-03', 'legal_service_org')];
  assert.deepEqual(nonZero(withdrawn2021, 2021, '2021'), {
    'received.legal_service_org': 1, 'received.total': 1,
    'other.other.legal_service_org': 1, 'other.other.total': 1,
    'processed_total.legal_service_org': 1, 'processed_total.total': 1,
  });
});

test('2020 cases count under the 2019 template (the three 2021 其他 outcomes fold), 2021 cases under the 2021 template', () => {
  const cases = [
    c('s', '2020-03-01', 'other.no_supplement', '2020-03-20'),
    c('f', '2020-03-02', 'other.unpaid_fee', '2020-04-20'),
    c('o', '2020-03-03', 'other.other', '2020-03-04'),
    c('g', '2020-03-04', 'withheld.process_information', '2020-03-24'),
  ];
  const t2019 = buildApplicationsTable(cases, 2020, '2019');
  assert.equal(t2019.other?.natural_person, 3);
  assert.equal(t2019['withheld.process_information']?.natural_person, 1);
  assert.equal(t2019.processed_total?.total, 4);
  assert.equal('other.unpaid_fee' in t2019, false);

  const in2021 = cases.map((x) => ({ ...x, receivedOn: x.receivedOn.replace('2020', '2021'), concludedOn: x.concludedOn!.replace('2020', '2021') }));
  const t2021 = buildApplicationsTable(in2021, 2021, '2021');
  assert.equal(t2021['other.no_supplement']?.natural_person, 1);
  assert.equal(t2021['other.unpaid_fee']?.natural_person, 1);
  assert.equal(t2021['other.other']?.natural_person, 1);
  assert.equal('other' in t2021, false);
});

test('an application answered with several outcomes counts once, under the result they make (区分处理 → 部分公开)', () => {
  const outcome = resultOfSeveralAnswers(['granted', 'withheld.third_party_rights', 'unavailable.not_held']);
  const table = buildApplicationsTable([c('m', '2020-07-01', outcome, '2020-07-20')], 2020, '2019');
  assert.equal(table.partially_granted?.total, 1);
  assert.equal(table.granted?.total, 0);
  assert.equal(table['withheld.third_party_rights']?.total, 0);
  assert.equal(table.processed_total?.total, 1);
  assert.equal(table.received?.total, 1);
});

test('drill-down: every cell opens to the cases it counts', () => {
  const cases = [
    c('dec', '2019-12-20', 'granted', '2020-01-06'),
    c('n1', '2020-02-01', 'granted', '2020-02-10', 'commercial_enterprise'),
    c('n2', '2020-02-02', 'withheld.state_secret', '2020-02-20'),
    c('open', '2020-12-30', null, null),
    c('old', '2018-01-01', 'granted', '2018-02-01'),
  ];
  const cells: [string, string[]][] = [
    ['applications.received.total', ['n1', 'n2', 'open']],
    ['applications.received.natural_person', ['n2', 'open']],
    ['applications.carried_over.total', ['dec']],
    ['applications.granted.total', ['dec', 'n1']],
    ['applications.granted.commercial_enterprise', ['n1']],
    ['applications.withheld.state_secret.natural_person', ['n2']],
    ['applications.processed_total.total', ['dec', 'n1', 'n2']],
    ['applications.carried_forward.total', ['open']],
    ['applications.other.total', []],
  ];
  for (const [path, ids] of cells) assert.deepEqual(drillDown(cases, 2020, '2019', path), ids, path);
  assert.throws(() => drillDown(cases, 2020, '2019', 'applications.other.other.total'), UnknownCellError);
  assert.throws(() => drillDown(cases, 2020, '2019', 'applications.granted.people'), UnknownCellError);
  assert.throws(() => drillDown(cases, 2020, '2019', 'appeals.reconsideration.total'), UnknownCellError);
});

test('cases that cannot be counted are refused, each named', () => {
  const bad = [
    c('x', '2020-02-30', null, null),
    c('y', '2020-03-10', 'granted', '2020-03-01'),
    c('z', '2020-03-10', 'granted', null),
    c('w', '2020-03-10', null, '2020-03-11'),
  ];
  assert.throws(() => buildApplicationsTable(bad, 2020, '2019'), (e: unknown) => {
    assert.ok(e instanceof UncountableRecordsError);
    assert.deepEqual(e.issues.map((i) => [i.path, i.rule]), [
      ['case x.receivedOn', 'date'],
      ['case y.concludedOn', 'concluded-before-received'],
      ['case z.concludedOn', 'outcome-with-date'],
      ['case w.concludedOn', 'outcome-with-date'],
    ]);
    return true;
  });
});
