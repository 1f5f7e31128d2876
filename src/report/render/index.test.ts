import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REPORT_FORMATS, formatInfo, isReportFormat, renderReport } from './index.ts';
import { fullReport2021, seedReport } from '../../../test/support/reportFixtures.ts';

describe('renderReport', () => {
  it('knows four formats, each with its extension and media type', () => {
    assert.deepEqual([...REPORT_FORMATS], ['html', 'md', 'docx', 'pdf']);
    assert.deepEqual(REPORT_FORMATS.map((f) => formatInfo(f).extension), ['.html', '.md', '.docx', '.pdf']);
    assert.equal(formatInfo('pdf').mime, 'application/pdf');
    assert.equal(formatInfo('docx').mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.ok(isReportFormat('md'));
    assert.ok(!isReportFormat('xlsx'));
  });

  it('returns text for html and md, a Buffer for docx and pdf', async () => {
    for (const report of [seedReport(), fullReport2021()]) {
      for (const format of REPORT_FORMATS) {
        const out = await renderReport(report, format);
        assert.equal(Buffer.isBuffer(out), formatInfo(format).binary, format);
        assert.ok(out.length > 1000, format);
      }
    }
  });

  it('renders HTML standalone by default, or as a fragment', async () => {
    assert.match(await renderReport(seedReport(), 'html'), /^<!doctype html>/);
    assert.match(await renderReport(seedReport(), 'html', { standalone: false }), /^<article class="gk-report"/);
  });
});
