import { DomainError } from '../shared/domainError.ts';

export class DocumentNotFoundError extends DomainError {
  readonly code = 'catalogue.document_not_found';
  readonly kind = 'not-found';
  constructor(id: string) {
    super(`文件「${id}」不存在或不在您的管辖范围内`);
  }
}

/** Someone else changed the document since the client read it. */
export class DocumentConflictError extends DomainError {
  readonly code = 'catalogue.version_conflict';
  readonly kind = 'conflict';
  constructor(expected: number, actual?: number) {
    super(`该文件已被他人修改（您看到的是第${expected}版${actual === undefined ? '' : `，当前为第${actual}版`}），请刷新后重试；您的操作未保存`, [
      { path: 'version', rule: 'current', message: '版本号已过期' },
    ]);
  }
}

export class IndexNumberTakenError extends DomainError {
  readonly code = 'catalogue.index_number_taken';
  readonly kind = 'conflict';
  constructor(indexNumber: string, path = 'indexNumber') {
    super(`索引号「${indexNumber}」已被使用（索引号在本机关内唯一且不得重复使用）`, [{ path, rule: 'unique', message: '索引号已存在' }]);
  }
}

/** A command that the document's status does not allow (publish a withdrawn one, repeal a draft …). */
export class DocumentStateError extends DomainError {
  readonly code: string;
  readonly kind = 'rule-violation';
  constructor(message: string, code = 'catalogue.state', path = 'status') {
    super(message, [{ path, rule: code, message }]);
    this.code = code;
  }
}

export class ProposalNotFoundError extends DomainError {
  readonly code = 'catalogue.proposal_not_found';
  readonly kind = 'not-found';
  constructor(id: string) {
    super(`依申请转主动建议「${id}」不存在`);
  }
}
