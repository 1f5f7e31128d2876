import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { renderReport, type ReportFormat } from '../render/index.ts';
import { reportCells, type ReportData } from '../reportData.ts';
import { parseReportData } from '../validateReport.ts';
import { parseReportBytes } from './parseFile.ts';

const DIR = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'reports');
const expected = (name: string): ReportData => parseReportData(JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')));

async function roundTrip(name: string, format: ReportFormat, edit: (report: ReportData) => void = () => undefined): Promise<void> {
  const report = expected(name);
  edit(report);
  const rendered = await renderReport(report, format);
  const bytes = typeof rendered === 'string' ? new TextEncoder().encode(rendered) : new Uint8Array(rendered);
  const parsed = await parseReportBytes(bytes, `${name}.${format}`);
  assert.equal(parsed.agency, report.agency);
  assert.equal(parsed.year, report.year);
  assert.equal(parsed.template, report.template);
  const got = new Map([...reportCells(parsed)].map((c) => [`${c.table}.${c.row}.${c.column}`, c.value]));
  for (const c of reportCells(report)) assert.equal(got.get(`${c.table}.${c.row}.${c.column}`), c.value, `${format}: ${c.table}.${c.row}.${c.column}`);
}

describe('round trip: a report rendered by report/render parses back to the same figures', () => {
  for (const name of ['seed-2020', 'pingtan-2022', 'pingtan-zrzy-2023']) {
    for (const format of ['md', 'html'] as const) it(`${name} as ${format}`, () => roundTrip(name, format));
  }
  it('seed-2020 as docx', () => roundTrip('seed-2020', 'docx'));
  it('seed-2020 as pdf (text positions rebuilt into tables; nulls stay null)', () => roundTrip('seed-2020', 'pdf'));
  it('pingtan-zrzy-2023 as pdf (three-level row labels wrapped over lines)', () => roundTrip('pingtan-zrzy-2023', 'pdf'));

  // Shanghai-style blank cells: a blank leaves no text item in the PDF, only its place across the page
  const blanks = (report: ReportData) => {
    const rows = report.applications as Record<string, Record<string, number | null>>;
    for (const id of ['withheld.state_secret', 'withheld.security_stability', 'not_processed.publication']) rows[id]!['total'] = null;
    rows['withheld.enforcement_file']!['commercial_enterprise'] = null;
    rows['unavailable.still_unclear']!['natural_person'] = null;
  };
  for (const format of ['pdf', 'html', 'md'] as const) {
    it(`seed-2020 with blank table-3 cells as ${format}: the blanks stay null, the other figures keep their columns`, () => roundTrip('seed-2020', format, blanks));
  }
  const otherBlanks = (report: ReportData) => {
    const proactive = report.proactive as Record<string, Record<string, number | null>>;
    proactive['normative_documents']!['repealed'] = null;
    proactive['licensing']!['decisions'] = null;
    report.appeals.reconsideration.corrected = null;
    report.appeals.litigation_direct.other = null;
    report.appeals.litigation_after_reconsideration.total = null;
  };
  for (const format of ['pdf', 'html', 'md'] as const) {
    it(`pingtan-zrzy-2023 with blank table-2 and table-4 cells as ${format}`, () => roundTrip('pingtan-zrzy-2023', format, otherBlanks));
  }
});
