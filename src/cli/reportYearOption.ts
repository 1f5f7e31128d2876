import { TEMPLATE_DOCUMENTS, templateForYear } from '../law/index.ts';
import { MAX_REPORT_YEAR } from '../report/validateReport.ts';
import { CliInputError } from './errors.ts';

/** `--year`: a statistics year that a national template covers. */
export function parseReportYear(value: string): number {
  const year = Number(value);
  if (templateForYear(year) === null || year > MAX_REPORT_YEAR) {
    throw new CliInputError(`--year ${value}: 应为 ${TEMPLATE_DOCUMENTS['2019'].firstYear} 年以后的年份（报告按 2019 或 2021 模板编制）`);
  }
  return year;
}
