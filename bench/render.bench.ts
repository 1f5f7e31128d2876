/**
 * The renderers' cost: the seed report (国家信访局 2020) in each format, after a warm-up (which also
 * parses the PDF font once), as renders per second and ms per render, with the output size.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../src/report/render/index.ts';
import { parseReportData } from '../src/report/validateReport.ts';

const SEED = new URL('../test/fixtures/reports/seed-2020.expected.json', import.meta.url);
const ITERATIONS: Record<ReportFormat, number> = { html: 500, md: 500, docx: 30, pdf: 20 };
const WARM_UP = 3;

export async function run(): Promise<string[]> {
  const report = parseReportData(JSON.parse(readFileSync(SEED, 'utf8')));
  const lines: string[] = [];
  for (const format of REPORT_FORMATS) {
    for (let i = 0; i < WARM_UP; i++) await renderReport(report, format);
    const n = ITERATIONS[format];
    let size = 0;
    const start = performance.now();
    for (let i = 0; i < n; i++) size = (await renderReport(report, format)).length;
    const ms = (performance.now() - start) / n;
    const unit = typeof (await renderReport(report, format)) === 'string' ? 'chars' : 'bytes';
    lines.push(`render ${format.padEnd(4)}: ${ms.toFixed(2)} ms/render, ${(1000 / ms).toFixed(1)} renders/s (${n} runs, ${size.toLocaleString('en')} ${unit})`);
  }
  return lines;
}
