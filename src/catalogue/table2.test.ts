import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { table2FromCatalogue, type CatalogueDocForTable2 } from './table2.ts';

const d = (id: string, kind: string, writtenOn: string, publishedOn: string | null, validity = 'valid', validityChangedOn: string | null = null): CatalogueDocForTable2 => ({ id, kind, writtenOn, publishedOn, validity, validityChangedOn });

const DOCS = [
  d('r1', 'rule', '2021-03-01', '2021-03-05'),
  d('r2', 'rule', '2020-05-01', '2020-05-06', 'repealed', '2021-06-30'),
  d('n1', 'normative', '2021-12-20', '2022-01-10'),
  d('n2', 'normative', '2019-01-02', '2019-01-04', 'expired', '2022-01-01'),
  d('n3', 'normative', '2020-02-02', '2020-02-03', 'revised', '2021-02-01'),
  d('o1', 'other', '2021-01-01', '2021-01-02'),
];

describe('table 2 （一） from the catalogue', () => {
  const cases: [string, number, '2019' | '2021', Record<string, string[]>][] = [
    ['2021 form, 2021', 2021, '2021', {
      'proactive.rules.issued': ['r1'], 'proactive.rules.repealed': ['r2'], 'proactive.rules.in_force': ['r1'],
      // n1 is written in 2021 but published only in 2022: issued, not yet in force on the portal; n3 revised in 2021
      'proactive.normative_documents.issued': ['n1'], 'proactive.normative_documents.repealed': [], 'proactive.normative_documents.in_force': ['n2'],
    }],
    ['2021 form, 2022', 2022, '2021', {
      'proactive.rules.issued': [], 'proactive.rules.repealed': [], 'proactive.rules.in_force': ['r1'],
      'proactive.normative_documents.issued': [], 'proactive.normative_documents.repealed': ['n2'], 'proactive.normative_documents.in_force': ['n1'],
    }],
    ['2019 form, 2020', 2020, '2019', {
      'proactive.rules.made': ['r2'], 'proactive.rules.published': ['r2'], 'proactive.rules.total_published': ['r2'],
      'proactive.normative_documents.made': ['n3'], 'proactive.normative_documents.published': ['n3'], 'proactive.normative_documents.total_published': ['n2', 'n3'],
    }],
  ];
  for (const [name, year, template, expected] of cases) {
    it(name, () => assert.deepEqual(table2FromCatalogue(DOCS, year, template), expected));
  }
});
