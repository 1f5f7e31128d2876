/**
 * The annual report as a document, before any format: the title, the preamble, and the six sections in
 * the template's order, each with its paragraphs and (for 二 to 四) its table grid.
 */
import { REPORT_SECTIONS, reportTitle, sectionHeading, type SectionId } from '../../law/index.ts';
import type { ReportData } from '../reportData.ts';
import { tableGrid, type TableGrid } from './tableLayout.ts';

export interface DocumentSection {
  id: SectionId;
  heading: string;
  paragraphs: string[];
  table: TableGrid | null;
}

export interface ReportDocument {
  title: string;
  preamble: string[];
  sections: DocumentSection[];
}

/** A narrative text as paragraphs: one per non-empty line, trimmed. */
export function paragraphsOf(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function reportDocument(report: ReportData): ReportDocument {
  const narrative = report.narrative ?? {};
  return {
    title: reportTitle(report.agency, report.year),
    preamble: paragraphsOf(narrative.preamble),
    sections: REPORT_SECTIONS.map((s) => ({
      id: s.id,
      heading: sectionHeading(s),
      paragraphs: paragraphsOf(narrative[s.id]),
      table: s.table === null ? null : tableGrid(report, s.table),
    })),
  };
}
