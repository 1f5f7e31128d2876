// Auditing published annual reports as a third-party evaluator does.
export { auditReport, auditReports, auditSections, hasFindings, type ReportAudit, type SectionAudit, type SetAudit } from './auditReports.ts';
export { quotedFigures, type QuotedFigure, type QuoteStatus } from './quotedFigures.ts';
export { repeatedShare } from './repetition.ts';
export { carryOverChecks, regionPrefix, regionSums, type CarryOverCheck, type RegionSum } from './regionChecks.ts';
export { formatReportAudit, formatSetAudit } from './formatAudit.ts';
