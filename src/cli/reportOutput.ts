import type { ReportData } from '../report/reportData.ts';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../report/render/formats.ts';
import { CliInputError } from './errors.ts';
import { writeFileAtomic } from './io.ts';

export function reportFormatOption(value: string | undefined): ReportFormat {
  if (!isReportFormat(value)) throw new CliInputError(`--format ${value ?? '(missing)'}: must be one of ${REPORT_FORMATS.join(', ')}`);
  return value;
}

/**
 * Render a report and write it to `out`, or to stdout. A binary format is not written to a terminal.
 * Rendering finishes before anything is written, so a failure leaves no partial file. The renderers
 * (pdfkit, docx) are loaded only here, so that other commands start fast.
 */
export async function writeRenderedReport(report: ReportData, format: ReportFormat, out: string | undefined, options: { fragment?: boolean } = {}): Promise<void> {
  const [{ renderReport }, { renderWarnings }] = await Promise.all([import('../report/render/index.ts'), import('../report/render/warnings.ts')]);
  for (const w of renderWarnings(report)) process.stderr.write(`警告：${w}\n`);
  const rendered = await renderReport(report, format, { standalone: !options.fragment });
  if (out !== undefined) {
    writeFileAtomic(out, rendered);
    process.stderr.write(`${out}\n`);
  } else if (typeof rendered === 'string') process.stdout.write(rendered);
  else if (process.stdout.isTTY) throw new CliInputError(`--format ${format} is a binary format: name the file with --out FILE`);
  else process.stdout.write(rendered);
}
