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

/** A letter or notice cannot be sent before the agency has configured what it must print (decisions.md #13). */
export class AgencySettingsMissingError extends DomainError {
  readonly code = 'agency.settings_missing';
  readonly kind = 'rule-violation';
  constructor(agencyName: string, missing: readonly string[]) {
    super(
      `${agencyName}尚未设置${missing.join('、')}，不能发出告知书或通知书（告知书须写明行政复议机关和人民法院，《行政复议法》第二十条第三款）`,
      missing.map((m) => ({ path: m, rule: 'required', message: `请先在机关设置中填写${m}` })),
    );
  }
}
