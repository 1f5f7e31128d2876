/**
 * Constructed variants of published annual reports (test/fixtures/reports/variants/README.md): each
 * must parse to exactly the figures written into it — null where it prints none — with its template,
 * year and agency detected and `provenance.missing` listing exactly the null cells.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { reportCells, type ReportData } from '../../src/report/reportData.ts';
import { halfWidth } from '../../src/report/parse/normalize.ts';
import { documentText } from '../../src/report/parse/document.ts';
import { extractBytes, formatOf, parseReportFile } from '../../src/report/parse/parseFile.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'reports', 'variants');
const names = readdirSync(DIR);
const stem = (f: string) => f.replace(/\.[a-z]+$/, '');
const variants = names.filter((f) => /\.(txt|html|htm|md)$/.test(f) && names.includes(`${stem(f)}.expected.json`));

type Expected = Pick<ReportData, 'agency' | 'year' | 'template' | 'proactive' | 'applications' | 'appeals'>;

describe('variants: constructed reports parse to exactly the figures written into them', () => {
  for (const file of variants) {
    it(file, async () => {
      const expected = JSON.parse(readFileSync(join(DIR, `${stem(file)}.expected.json`), 'utf8')) as Expected;
      const report = await parseReportFile(join(DIR, file));
      assert.equal(report.agency, expected.agency, 'agency');
      assert.equal(report.year, expected.year, 'year');
      assert.equal(report.template, expected.template, 'template');
      assert.deepEqual(report.proactive, expected.proactive, 'table 2');
      assert.deepEqual(report.applications, expected.applications, 'table 3');
      assert.deepEqual(report.appeals, expected.appeals, 'table 4');
      const nulls = [...reportCells(report)].filter((c) => c.value === null).map((c) => `${c.table}.${c.row}.${c.column}`);
      assert.deepEqual(report.provenance?.missing, nulls);
      // every figure is printed in the file's text (digits, full-width or with thousands separators), or converted from 元
      const bytes = readFileSync(join(DIR, file));
      const text = halfWidth(documentText(await extractBytes(bytes, formatOf(file, bytes)))).replace(/(\d),(?=\d{3})/g, '$1');
      const converted = new Set((report.provenance?.inferred ?? []).filter((c) => c.reason.includes('万元')).map((c) => c.cell));
      for (const c of reportCells(report)) {
        const path = `${c.table}.${c.row}.${c.column}`;
        if (c.value !== null && !converted.has(path)) assert.ok(text.includes(String(Math.abs(c.value))), `${path} = ${c.value} is not in the text`);
      }
    });
  }
});
