/**
 * From an extracted document (lines of cells) to ReportData: detect the template, year and agency,
 * read tables 2–4, cut the narrative into sections, run the checks, and record all of it in the
 * provenance. A figure the text does not give is null and listed as missing — never guessed.
 */
import {
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  LITIGATION_HEADER,
  TABLE2_TITLE,
  TABLE3_TITLE,
  TABLE4_TITLE,
  table2Blocks,
  table3Rows,
  TEMPLATE_DOCUMENTS,
  templateForYear,
} from '../../law/index.ts';
import { checkReport, type CheckReport } from '../check.ts';
import { UnreadableReportError } from '../errors.ts';
import { emptyReport, reportCells, type InferredCell, type ReportData } from '../reportData.ts';
import { detectAgency, detectTemplate, detectYear } from './detectMetadata.ts';
import { documentText, type ExtractedDocument } from './document.ts';
import { findSections, orderedSections, type SectionHits } from './findSections.ts';
import { LabelStream } from './labelStream.ts';
import { extractNarrative } from './narrative.ts';
import { labelStreamKey } from './normalize.ts';
import { readAppeals } from './readAppeals.ts';
import { readApplications } from './readApplications.ts';
import type { ReadContext } from './readContext.ts';
import { readProactive } from './readProactive.ts';
import { tokenize } from './tokens.ts';
import { linesFromText } from './extract/text.ts';

export interface ParseOptions {
  /** the file the text came from, for the provenance and as a last clue to the agency */
  source?: string;
  /** the statistics year, when the caller knows it better than the text */
  year?: number;
}

/** Table-3 labels a text must show (exactly) before table 3 is taken to be there. */
const MIN_TABLE3_LABELS = 3;

/**
 * Which of the report's tables the text shows: table 3 by its row labels, table 2 by its block captions
 * and column headers, table 4 by its group and result headers. A file with none is no annual report; a
 * file with some is read as a partial report (scraped pages are cut; tables are published as images).
 */
export function tableEvidence(stream: LabelStream): { any: boolean; table3: number; absent: string[] } {
  const has = (label: string) => stream.text.includes(labelStreamKey(label));
  const table3Keys = table3Rows('2021').map((r) => labelStreamKey(r.name)).filter((k) => k.length >= 4);
  const table3 = table3Keys.filter((k) => stream.text.includes(k)).length;
  const table2Labels = (['2019', '2021'] as const).flatMap((t) => table2Blocks(t).flatMap((b) => b.columns.map((c) => c.label)));
  const table2 = new Set(table2Labels.filter(has)).size >= 2;
  const table4 = APPEAL_GROUPS.filter((g) => has(g.label)).length >= 2 || (has(LITIGATION_HEADER) && APPEAL_RESULTS.filter((r) => has(r.label)).length >= 3);
  const absent = [
    ...(table2 ? [] : [TABLE2_TITLE]),
    ...(table3 >= MIN_TABLE3_LABELS ? [] : [TABLE3_TITLE]),
    ...(table4 ? [] : [TABLE4_TITLE]),
  ];
  return { any: absent.length < 3, table3, absent };
}

export function parseReportText(text: string, options: ParseOptions = {}): ReportData {
  return parseExtracted({ format: 'text', lines: linesFromText(text) }, options);
}

export function parseExtracted(doc: ExtractedDocument, options: ParseOptions = {}): ReportData {
  const tokens = tokenize(doc.lines);
  const stream = new LabelStream(tokens);
  const plainLines = documentText(doc).split('\n');

  const evidence = tableEvidence(stream);
  if (!evidence.any) {
    const empty = stream.text.length === 0;
    throw new UnreadableReportError(
      empty
        ? 'no text to read (empty, or not a text document)'
        : `not a 政府信息公开工作年度报告: no table of a report was found (收到和处理政府信息公开申请情况: ${evidence.table3} of its row labels; no 主动公开 block header, no 行政复议/行政诉讼 header)`,
    );
  }

  const yearFound = options.year !== undefined ? { value: options.year, how: 'given by the caller' } : detectYear(plainLines, doc.title);
  if (!yearFound) throw new UnreadableReportError('the statistics year is not stated (no 统计期限 and no year in the title)');
  const year = yearFound.value;
  const byYear = templateForYear(year);
  if (byYear === null) {
    throw new UnreadableReportError(`a report on ${year}: the national templates cover reports from ${TEMPLATE_DOCUMENTS['2019'].firstYear} on`);
  }
  const template = detectTemplate(stream, year);
  const agency = detectAgency(plainLines, doc.title, options.source);

  const report = emptyReport(agency?.value ?? '', year, template.value);
  const sections = findSections(stream, tokens);
  const narrative = extractNarrative(tokens, stream, sections);
  const ctx: ReadContext = {
    tokens,
    stream,
    report,
    inferred: [],
    notes: [],
    prose: [narrative.preamble, narrative.overview, narrative.problems, narrative.other].filter(Boolean).join('\n'),
  };
  if (template.value !== byYear) ctx.notes.push(`the tables follow the ${template.value} template, though reports on ${year} use the ${byYear} template`);
  for (const t of evidence.absent) ctx.notes.push(`partial report: ${t} is not in the file (its cells are unknown)`);
  if (!agency) ctx.notes.push('the agency is not named in a title or signature');

  const regions = tableRegions(stream, sections, report.template);
  readProactive(ctx, regions.proactive[0], regions.proactive[1]);
  readApplications(ctx, regions.applications[0], regions.applications[1]);
  readAppeals(ctx, regions.appeals[0], regions.appeals[1]);
  if (Object.keys(narrative).length > 0) report.narrative = narrative;

  const checks = checkReport(report);
  report.provenance = {
    ...(options.source !== undefined ? { source: options.source } : {}),
    format: doc.format,
    ...(template.value !== byYear ? { templateMismatch: { printed: template.value, expected: byYear } } : {}),
    ...(evidence.absent.length > 0 ? { partial: { tablesMissing: evidence.absent } } : {}),
    detected: {
      template: template.value,
      year,
      agency: agency?.value ?? null,
      how: { template: template.how, year: yearFound.how, agency: agency?.how ?? 'not found' },
    },
    missing: [...reportCells(report)].filter((c) => c.value === null).map((c) => `${c.table}.${c.row}.${c.column}`),
    inferred: dedupe(ctx.inferred),
    checks: summarizeChecks(checks),
    sections: orderedSections(sections).map((s) => s.id),
    notes: ctx.notes,
  };
  return report;
}

export interface CheckSummary {
  ok: boolean;
  passed: number;
  violated: number;
  unchecked: number;
  results: { rule: string; row: string; column: string; status: string; expected: number | null; actual: number | null }[];
}

export function summarizeChecks(checks: CheckReport): CheckSummary {
  return {
    ok: checks.ok,
    passed: checks.passed,
    violated: checks.violations.length,
    unchecked: checks.unchecked.length,
    results: checks.results.map((r) => ({ rule: r.rule, row: r.row, column: r.column, status: r.status, expected: r.expected, actual: r.actual })),
  };
}

function dedupe(cells: InferredCell[]): InferredCell[] {
  const seen = new Map<string, InferredCell>();
  for (const c of cells) seen.set(c.cell, c);
  return [...seen.values()];
}

type Region = [number, number];

/** The stretch of the label stream each table is looked for in, bounded by the section headings. */
function tableRegions(stream: LabelStream, sections: SectionHits, template: ReportData['template']): Record<'proactive' | 'applications' | 'appeals', Region> {
  const end = stream.text.length;
  const starts = Object.values(sections).map((h) => h.start);
  const boundary = (after: number) => Math.min(end, ...starts.filter((s) => s > after));
  const received = stream.findExact(labelStreamKey(table3Rows(template)[0]!.name), sections.proactive?.end ?? 0, end);

  const p0 = sections.proactive?.end ?? sections.overview?.end ?? 0;
  const p1 = sections.applications?.start ?? received?.start ?? boundary(p0);
  const a0 = sections.applications?.end ?? Math.min(p1, received?.start ?? p1);
  let a1 = boundary(a0);
  let b0 = sections.appeals?.end ?? a1;
  if (!sections.appeals) {
    // no heading: table 4 starts at its first header label after table 3's last row label
    const lastRow = table3Rows(template).at(-1)!;
    const last = stream.findExact(labelStreamKey(lastRow.name), a0, a1);
    const header = APPEAL_GROUPS.map((g) => stream.findExact(labelStreamKey(g.label), last?.end ?? a0, end)).filter((h) => h !== null);
    const first = Math.min(...header.map((h) => h.start));
    if (Number.isFinite(first)) {
      a1 = Math.min(a1, first);
      b0 = first;
    }
  }
  const b1 = boundary(b0);
  return { proactive: [p0, Math.max(p0, p1)], applications: [a0, Math.max(a0, a1)], appeals: [b0, Math.max(b0, b1)] };
}
