import { DomainError } from '../shared/domainError.ts';

export class ApplicationNotFoundError extends DomainError {
  readonly code = 'application.not_found';
  readonly kind = 'not-found';
  constructor(id: string) {
    super(`申请「${id}」不存在或不在您的管辖范围内`);
  }
}

/** Someone else changed the case since the client read it (optimistic concurrency). */
export class ConflictError extends DomainError {
  readonly code = 'application.version_conflict';
  readonly kind = 'conflict';
  constructor(expected: number, actual?: number) {
    super(
      `该申请已被他人修改（您看到的是第${expected}版${actual === undefined ? '' : `，当前为第${actual}版`}），请刷新后重试；您的操作未保存`,
      [{ path: 'version', rule: 'current', message: '版本号已过期' }],
    );
  }
}

/** The step is not possible from the case's workflow state, or a rule of the regulation forbids it. */
export class TransitionNotAllowedError extends DomainError {
  readonly code: string;
  readonly kind = 'rule-violation';
  constructor(message: string, code = 'application.transition_not_allowed', path = 'state') {
    super(message, [{ path, rule: code, message }]);
    this.code = code;
  }
}

export class AttachmentRejectedError extends DomainError {
  readonly code: string;
  readonly kind = 'invalid-input';
  constructor(code: string, message: string) {
    super(message, [{ path: 'file', rule: code, message }]);
    this.code = code;
  }
}

export class QueryFailedError extends DomainError {
  readonly code = 'application.query_failed';
  readonly kind = 'not-found';
  constructor() {
    super('受理编号或查询密码不正确');
  }
}
