/**
 * What a third-party evaluator (第三方评估) checks in a set of published reports: per report, the
 * broken relations R1–R4, prose figures that contradict the tables, the six statutory sections in
 * order, and the share of prose repeated from the agency's previous report; across the set, the
 * carry-over between years and a region's report against the sum of its agencies.
 */
import { REPORT_SECTIONS, type SectionId } from '../../law/index.ts';
import { checkReport, type RelationResult } from '../check.ts';
import type { ReportData } from '../reportData.ts';
import { quotedFigures, type QuotedFigure } from './quotedFigures.ts';
import { carryOverChecks, regionSums, type CarryOverCheck, type RegionSum } from './regionChecks.ts';
import { repeatedShare } from './repetition.ts';

export interface SectionAudit {
  found: SectionId[];
  missing: SectionId[];
  inOrder: boolean;
}

export interface ReportAudit {
  source: string | null;
  agency: string;
  year: number;
  template: string;
  relations: { passed: number; violated: RelationResult[]; unchecked: number };
  quoted: QuotedFigure[];
  /** null when the report was not parsed from a document (no section positions known) */
  sections: SectionAudit | null;
  repetition: { previousSource: string | null; previousYear: number; share: number | null } | null;
  missingCells: number;
  inferredCells: number;
  /** the report is printed on another year's form (read on the form its tables follow) */
  templateMismatch: { printed: string; expected: string } | null;
  /** tables the file does not hold (a partial report) */
  tablesMissing: string[];
}

export interface SetAudit {
  reports: ReportAudit[];
  carryOver: CarryOverCheck[];
  regions: RegionSum[];
}

export function auditSections(report: ReportData): SectionAudit | null {
  const order = report.provenance?.['sections'];
  if (!Array.isArray(order)) return null;
  const found = order.filter((s): s is SectionId => REPORT_SECTIONS.some((r) => r.id === s));
  const canonical = REPORT_SECTIONS.map((s) => s.id);
  const missing = canonical.filter((id) => !found.includes(id));
  const ranks = found.map((id) => canonical.indexOf(id));
  return { found, missing, inOrder: ranks.every((r, i) => i === 0 || r > ranks[i - 1]!) };
}

export function auditReport(report: ReportData, set: readonly ReportData[] = []): ReportAudit {
  const checks = checkReport(report);
  const previous = set.find((r) => r.agency === report.agency && r.year === report.year - 1);
  return {
    source: report.provenance?.source ?? null,
    agency: report.agency,
    year: report.year,
    template: report.template,
    relations: { passed: checks.passed, violated: checks.violations, unchecked: checks.unchecked.length },
    quoted: quotedFigures(report),
    sections: auditSections(report),
    repetition: previous ? { previousSource: previous.provenance?.source ?? null, previousYear: previous.year, share: repeatedShare(report, previous) } : null,
    missingCells: report.provenance?.missing?.length ?? 0,
    inferredCells: report.provenance?.inferred?.length ?? 0,
    templateMismatch: templateMismatchOf(report),
    tablesMissing: tablesMissingOf(report),
  };
}

function templateMismatchOf(report: ReportData): { printed: string; expected: string } | null {
  const m = report.provenance?.['templateMismatch'];
  if (typeof m !== 'object' || m === null) return null;
  const { printed, expected } = m as Record<string, unknown>;
  return typeof printed === 'string' && typeof expected === 'string' ? { printed, expected } : null;
}

function tablesMissingOf(report: ReportData): string[] {
  const p = report.provenance?.['partial'];
  const list = typeof p === 'object' && p !== null ? (p as Record<string, unknown>)['tablesMissing'] : undefined;
  return Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string') : [];
}

export function auditReports(reports: readonly ReportData[]): SetAudit {
  return {
    reports: reports.map((r) => auditReport(r, reports)),
    carryOver: carryOverChecks(reports),
    regions: regionSums(reports),
  };
}

/** Whether an audit found anything an evaluator would mark down. */
export function hasFindings(audit: ReportAudit): boolean {
  return audit.relations.violated.length > 0
    || audit.templateMismatch !== null
    || audit.quoted.some((q) => q.status === 'contradicts')
    || (audit.sections !== null && (audit.sections.missing.length > 0 || !audit.sections.inOrder));
}
