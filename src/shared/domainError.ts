/**
 * The one base class of every domain error. Each concrete error has a stable `code` (for clients and
 * tests) and a `kind`; the kind alone decides the HTTP status and the CLI exit code (see errorKinds.ts),
 * so the mapping is written once.
 *
 * `shared/` is pure and dependency-free: law/ and calendar/ may import it.
 */
export type ErrorKind =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'rule-violation'
  | 'too-many-requests';

/** One problem with one field: where (a dotted path or `row 3, 收到日期`), which rule, in words. */
export interface Issue {
  path: string;
  rule: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: ErrorKind;
  readonly issues: readonly Issue[];

  constructor(message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = new.target.name;
    this.issues = issues;
  }
}

/** Input that does not have the shape or values its schema requires. */
export class ValidationError extends DomainError {
  readonly code: string = 'validation_failed';
  readonly kind = 'invalid-input';

  constructor(what: string, issues: readonly Issue[]) {
    const first = issues
      .slice(0, 20)
      .map((i) => `${i.path}: ${i.message}`)
      .join('\n  ');
    const more = issues.length > 20 ? `\n  ……另有${issues.length - 20}项` : '';
    super(`${what}有误：\n  ${first}${more}`, issues);
  }
}
