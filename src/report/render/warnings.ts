/**
 * What a person about to publish a report should hear before a renderer prints it: a narrative section
 * left empty, a relation R1–R4 that the figures break. The CLI prints these on stderr; the API returns
 * them in `warnings` (JSON) or the `Gongkai-Report-Warnings` header (downloads). Rendering goes on.
 */
import { REPORT_SECTIONS, sectionHeading } from '../../law/index.ts';
import { checkReport, RULES } from '../check.ts';
import type { ReportData } from '../reportData.ts';

/** Sections that are only text: a report without their text is incomplete (条例 Art. 50). */
const TEXT_SECTIONS = ['overview', 'problems', 'other'] as const;

export function renderWarnings(report: ReportData): string[] {
  const warnings: string[] = [];
  for (const id of TEXT_SECTIONS) {
    if (!report.narrative?.[id]?.trim()) warnings.push(`${sectionHeading(REPORT_SECTIONS.find((s) => s.id === id)!)}：正文为空`);
  }
  for (const v of checkReport(report).violations) {
    warnings.push(`勾稽关系 ${v.rule} 不成立：${v.table}.${v.row}.${v.column} 应为 ${v.expected}，实为 ${v.actual}（${RULES[v.rule]}）`);
  }
  return warnings;
}

/** The warning for online submissions never confirmed, which table 3 does not count (decisions.md #15). */
export function unconfirmedWarning(unconfirmed: readonly { receiptCode: string; submittedOn: string }[]): string[] {
  if (unconfirmed.length === 0) return [];
  const listed = unconfirmed.slice(0, 10).map((u) => `${u.receiptCode}（${u.submittedOn}提交）`).join('、');
  return [`${unconfirmed.length}件网上提交的申请尚未确认收到，未计入表三：${listed}${unconfirmed.length > 10 ? '等' : ''}；请确认收到或以理由驳回`];
}
