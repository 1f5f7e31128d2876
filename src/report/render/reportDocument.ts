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
  /** The agency the title starts with, where a title too long for one line is broken. */
  agency: string;
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
    agency: report.agency,
    preamble: paragraphsOf(narrative.preamble),
    sections: REPORT_SECTIONS.map((s) => ({
      id: s.id,
      heading: sectionHeading(s),
      paragraphs: paragraphsOf(narrative[s.id]),
      table: s.table === null ? null : tableGrid(report, s.table),
    })),
  };
}

/**
 * Printed width in ems: a CJK character one, an ASCII character half, and the quarter em Word and WPS
 * set between CJK text and a run of ASCII (国家信访局 2020 年).
 */
export function emWidth(text: string): number {
  let ems = 0;
  let previous: boolean | null = null;
  for (const ch of text) {
    const ascii = ch.charCodeAt(0) < 0x2e80;
    ems += ascii ? 0.5 : 1;
    if (previous !== null && previous !== ascii) ems += 0.25;
    previous = ascii;
  }
  return ems;
}

/**
 * The title in its printed lines. A title longer than a line breaks after the agency's name, as official
 * documents set it (国家信访局 / 2020年政府信息公开工作年度报告), rather than wherever the line ends,
 * which would leave 告 alone on the second line.
 */
export function titleLines(doc: Pick<ReportDocument, 'title' | 'agency'>, lineEms: number): string[] {
  const { title, agency } = doc;
  if (emWidth(title) <= lineEms || agency === '' || !title.startsWith(agency) || title === agency) return [title];
  return [agency, title.slice(agency.length)];
}
