// Reading published annual reports (text, HTML, PDF, DOCX) back into ReportData.
export { parseReportText, parseExtracted, summarizeChecks, type ParseOptions, type CheckSummary } from './parseReport.ts';
export { parseReportFile, parseReportBytes, extractBytes, formatOf, REPORT_EXTENSIONS } from './parseFile.ts';
export { listReportFiles, parseOne, summarize, type FileResult, type BulkSummary } from './bulk.ts';
export type { ExtractedDocument, InputFormat, SourceLine } from './document.ts';
