/**
 * Rendering an annual report: one entry point for every output format, with each format's file
 * extension and media type (for downloads, the CLI's `--format`, and HTTP responses).
 */
import type { ReportData } from '../reportData.ts';
import { renderReportDocx } from './docx.ts';
import { renderReportHtml } from './html.ts';
import { renderReportMarkdown } from './markdown.ts';
import { renderReportPdf } from './pdf.ts';
import type { ReportFormat } from './formats.ts';

export { REPORT_FORMATS, formatInfo, isReportFormat, type FormatInfo, type ReportFormat } from './formats.ts';

export interface RenderOptions {
  /** HTML only: a complete printable page (default) or an `<article>` fragment to embed. */
  standalone?: boolean;
}

export function renderReport(report: ReportData, format: 'html' | 'md', options?: RenderOptions): Promise<string>;
export function renderReport(report: ReportData, format: 'docx' | 'pdf', options?: RenderOptions): Promise<Buffer>;
export function renderReport(report: ReportData, format: ReportFormat, options?: RenderOptions): Promise<Buffer | string>;
export async function renderReport(report: ReportData, format: ReportFormat, options: RenderOptions = {}): Promise<Buffer | string> {
  switch (format) {
    case 'html':
      return renderReportHtml(report, { standalone: options.standalone ?? true });
    case 'md':
      return renderReportMarkdown(report);
    case 'docx':
      return renderReportDocx(report);
    case 'pdf':
      return renderReportPdf(report);
    default: {
      const never: never = format;
      throw new Error(`unknown report format ${String(never)}`);
    }
  }
}

export { renderReportDocx, renderReportHtml, renderReportMarkdown, renderReportPdf };
export type { HtmlOptions } from './html.ts';
export { reportTables, tableGrid, type GridCell, type GridRow, type RowGroup, type TableGrid } from './tableLayout.ts';
