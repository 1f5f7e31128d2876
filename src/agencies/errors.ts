import { DomainError } from '../shared/domainError.ts';

export class AgencyNotFoundError extends DomainError {
  readonly code = 'agency.not_found';
  readonly kind = 'not-found';
  constructor(code: string, field = 'code') {
    super(`机关代码「${code}」不存在`, [{ path: field, rule: 'exists', message: '机关不存在' }]);
  }
}

export class AgencyCodeTakenError extends DomainError {
  readonly code = 'agency.code_taken';
  readonly kind = 'conflict';
  constructor(code: string) {
    super(`机关代码「${code}」已被使用`, [{ path: 'code', rule: 'unique', message: '机关代码已存在' }]);
  }
}
