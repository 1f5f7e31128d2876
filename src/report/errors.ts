import { DomainError, ValidationError, type Issue } from '../shared/domainError.ts';

/** A ReportData document that does not fit the contract of spec/report-data.md. */
export class InvalidReportError extends ValidationError {
  override readonly code = 'report.invalid';

  constructor(issues: readonly Issue[]) {
    super('报告数据', issues);
  }
}

/** A file or text that could not be read as an annual report at all. */
export class UnreadableReportError extends DomainError {
  readonly code = 'report.unreadable';
  readonly kind = 'invalid-input';
}
