import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CheckSummary } from './parseReport.ts';
import { parseReportFile } from './parseFile.ts';

const DIR = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'reports');
type Table = Record<string, Record<string, number | null>>;

const stem = (f: string) => f.replace(/\.[a-z]+$/, '');
const names = readdirSync(DIR);
// a report is a file with an expected JSON beside it; NAME.md next to another NAME.* is that fixture's notes
const fixtures = names
  .filter((f) => /\.(txt|html|htm|pdf|docx|md)$/.test(f) && names.includes(`${stem(f)}.expected.json`))
  .filter((f) => !(f.endsWith('.md') && names.some((o) => o !== f && stem(o) === stem(f) && /\.(txt|html|htm|pdf|docx)$/.test(o))));

describe('fixtures: every report under test/fixtures/reports parses to its expected figures', () => {
  for (const file of fixtures) {
    it(file, async () => {
      const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.[a-z]+$/, '.expected.json')), 'utf8')) as Record<string, unknown>;
      const report = await parseReportFile(join(DIR, file));
      assert.equal(report.agency, expected.agency);
      assert.equal(report.year, expected.year);
      assert.equal(report.template, expected.template);
      for (const table of ['proactive', 'applications', 'appeals'] as const) {
        for (const [row, columns] of Object.entries(expected[table] as Table)) {
          for (const [column, value] of Object.entries(columns)) {
            assert.equal((report[table] as Table)[row]?.[column], value, `${table}.${row}.${column}`);
          }
        }
      }
    });
  }

  it('seed-2020 is exactly its expected JSON, the four lost table-4 cells listed as missing', async () => {
    const expected = JSON.parse(readFileSync(join(DIR, 'seed-2020.expected.json'), 'utf8')) as Record<string, unknown>;
    const report = await parseReportFile(join(DIR, 'seed-2020.txt'));
    const { provenance, narrative, ...figures } = report;
    assert.deepEqual(figures, expected);
    assert.ok(narrative?.overview?.includes('全年共收到政府信息公开申请136件'));
    assert.deepEqual(provenance?.missing, ['corrected', 'other', 'pending', 'total'].map((c) => `appeals.litigation_after_reconsideration.${c}`));
    assert.equal((provenance?.checks as CheckSummary).violated, 0);
    assert.equal(provenance?.detected?.['template'], '2019');
  });

  it('pingtan-2022: the run-together digits are split by the checks and recorded as inferred', async () => {
    const report = await parseReportFile(join(DIR, 'pingtan-2022.txt'));
    const inferred = new Map((report.provenance?.inferred ?? []).map((c) => [c.cell, c]));
    assert.match(inferred.get('applications.received.natural_person')?.reason ?? '', /713000074.*R3/);
    assert.match(inferred.get('proactive.normative_documents.repealed')?.reason ?? '', /8855698/);
    assert.equal((report.provenance?.checks as CheckSummary).ok, true);
  });

  it('pingtan-zrzy-2023: the report’s own errors are kept, not fixed (R1 商业企业, R3 on two rows)', async () => {
    const report = await parseReportFile(join(DIR, 'pingtan-zrzy-2023.html'));
    const checks = report.provenance?.checks as CheckSummary;
    const violated = checks.results.filter((r) => r.status === 'violated').map((r) => `${r.rule} ${r.row} ${r.column}`);
    assert.deepEqual(violated, [
      'R1 processed_total+carried_forward commercial_enterprise',
      'R3 partially_granted total',
      'R3 processed_total total',
    ]);
    assert.deepEqual(report.provenance?.inferred, []);
    assert.deepEqual(report.provenance?.missing, []);
  });
});
