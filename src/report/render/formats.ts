/**
 * The output formats of a rendered report, with file extension and media type. Kept apart from the
 * renderers so that code that only needs the list (the CLI's option parsing) does not load pdfkit or docx.
 */
export const REPORT_FORMATS = ['html', 'md', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface FormatInfo {
  extension: string;
  mime: string;
  /** Text formats come back as a string, the others as a Buffer. */
  binary: boolean;
}

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

export function formatInfo(format: ReportFormat): FormatInfo {
  switch (format) {
    case 'html':
      return { extension: '.html', mime: 'text/html; charset=utf-8', binary: false };
    case 'md':
      return { extension: '.md', mime: 'text/markdown; charset=utf-8', binary: false };
    case 'docx':
      return { extension: '.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', binary: true };
    case 'pdf':
      return { extension: '.pdf', mime: 'application/pdf', binary: true };
    default: {
      const never: never = format;
      throw new Error(`unknown report format ${String(never)}`);
    }
  }
}
