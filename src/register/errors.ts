import { ValidationError, type Issue } from '../shared/domainError.ts';

/** One problem in a register file: the row as the spreadsheet numbers it (headers are row 1) and the column header. */
export interface RegisterIssue extends Issue {
  row: number;
  column: string;
}

/** A register file with at least one bad cell: nothing of it is imported. */
export class RegisterInvalidError extends ValidationError {
  override readonly code = 'register.invalid';
  readonly errors: readonly RegisterIssue[];

  constructor(errors: readonly RegisterIssue[]) {
    super('申请台账', errors);
    this.errors = errors;
  }
}

/** A file that cannot be read as a table at all (not CSV/XLSX, broken quoting, no sheet). */
export class RegisterUnreadableError extends ValidationError {
  override readonly code = 'register.unreadable';

  constructor(message: string) {
    super('台账文件', [{ path: '(file)', rule: 'file.unreadable', message }]);
  }
}
