import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../shared/domainError.ts';
import { reportCells, type ReportData } from '../reportData.ts';
import { documentText } from './document.ts';
import { extractHtml } from './extract/html.ts';
import { halfWidth } from './normalize.ts';
import { parseReportText } from './parseReport.ts';

const DIR = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'reports');
const texts = {
  seed: readFileSync(join(DIR, 'seed-2020.txt'), 'utf8'),
  pingtan: readFileSync(join(DIR, 'pingtan-2022.txt'), 'utf8'),
  // the HTML report as the text its tables become
  zrzy: documentText(extractHtml(readFileSync(join(DIR, 'pingtan-zrzy-2023.html'), 'utf8'))),
  // constructed variants (test/fixtures/reports/variants): blanks between tabs, run-together 2019 text, pipe tables
  jiangchuan: readFileSync(join(DIR, 'variants', 'jiangchuan-mzj-2019.txt'), 'utf8'),
  qingshan: readFileSync(join(DIR, 'variants', 'qingshan-nyncj-2020.txt'), 'utf8'),
  nanhu: readFileSync(join(DIR, 'variants', 'nanhu-sthj-2022.md'), 'utf8'),
  hailing: readFileSync(join(DIR, 'variants', 'hailing-fgj-2020.txt'), 'utf8'),
  linjiang: documentText(extractHtml(readFileSync(join(DIR, 'variants', 'linjiang-jtj-2023.html'), 'utf8'))),
};

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; char: string };

const noise = fc.oneof(fc.stringMatching(/^[0-9]{1,6}$/), fc.constantFrom('\t', '|', '  ', '\n', '（', '—', '/', '件', '总计', '其他', '1.', '万元'));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: noise }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), char: fc.constantFrom('0', '1', '9', ' ', '\t', '\n', '一', '.', '、', '年') }),
);

function apply(text: string, m: Mutation): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % text.length);
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'swap': {
      const lines = text.split('\n');
      const i = m.a % lines.length;
      const j = m.b % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'replace':
      return text.slice(0, at(m.at)) + m.char + text.slice(at(m.at) + 1);
  }
}

/** Every figure is printed in the text, or the provenance says why it was inferred. */
function assertNoInventedFigure(report: ReportData, text: string): void {
  // a figure printed with thousands separators (`1,387`) counts as printed
  const digits = halfWidth(text).replace(/(\d),(?=\d{3})/g, '$1');
  // only a unit conversion (元 → 万元) may give a figure not printed; a cut or an alignment never does
  const inferred = new Set((report.provenance?.inferred ?? []).filter((c) => c.reason.includes('万元')).map((c) => c.cell));
  for (const c of reportCells(report)) {
    if (c.value === null) continue;
    const path = `${c.table}.${c.row}.${c.column}`;
    if (inferred.has(path)) continue;
    assert.ok(digits.includes(String(Math.abs(c.value))), `${path} = ${c.value} is not in the text`);
  }
  const missing = new Set(report.provenance?.missing ?? []);
  for (const c of reportCells(report)) assert.equal(c.value === null, missing.has(`${c.table}.${c.row}.${c.column}`), `missing list for ${c.table}.${c.row}.${c.column}`);
}

describe('property: mutated and truncated report text', () => {
  for (const [name, original] of Object.entries(texts)) {
    it(`${name}: the parser never throws anything but a clear error and never invents a figure`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
          const text = mutations.reduce(apply, original);
          let report: ReportData;
          try {
            report = parseReportText(text);
          } catch (error) {
            assert.ok(error instanceof DomainError, `unexpected ${String(error)}`);
            return;
          }
          assertNoInventedFigure(report, text);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('figures cut from digit runs are real substrings, and inferred ones carry a reason', () => {
    const report = parseReportText(texts.pingtan);
    for (const c of report.provenance?.inferred ?? []) assert.ok(c.reason.length > 10, c.cell);
    assertNoInventedFigure(report, texts.pingtan);
  });
});
