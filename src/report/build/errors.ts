import { DomainError, ValidationError, type Issue } from '../../shared/domainError.ts';

/** Cases or appeal records that cannot be counted (a conclusion without an outcome, before receipt …). */
export class UncountableRecordsError extends ValidationError {
  override readonly code = 'report.records_invalid';

  constructor(issues: readonly Issue[]) {
    super('生成报告所用的记录', issues);
  }
}

/** A cell path that is not a cell of the report's template, or whose figure comes from no records. */
export class UnknownCellError extends ValidationError {
  override readonly code = 'report.cell_unknown';

  constructor(path: string, message: string) {
    super('单元格', [{ path, rule: 'cell', message }]);
  }
}

/** Reports that cannot be summed into one (different years or templates). */
export class RollUpMismatchError extends ValidationError {
  override readonly code = 'report.rollup_mismatch';

  constructor(issues: readonly Issue[]) {
    super('汇总的报告', issues);
  }
}

/** Reopening a year whose report is not locked. */
export class ReportNotLockedError extends DomainError {
  readonly code = 'report.not_locked';
  readonly kind = 'conflict';

  constructor(year: number) {
    super(`${year}年的年度报告未锁定，无需重新开放`);
  }
}
