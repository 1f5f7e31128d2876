/** Takes a document off the portal (撤回), with a reason; its 索引号 stays taken. */
import { ValidationError } from '../shared/domainError.ts';
import type { CatalogueContext } from './context.ts';
import type { DocumentView } from './documents.ts';
import { DocumentStateError } from './errors.ts';
import { changeDocument } from './mutate.ts';
import type { DocumentStepProps } from './mutate.ts';

export interface WithdrawDocumentProps extends DocumentStepProps {
  reason: string;
}

export function withdrawDocument(ctx: CatalogueContext, props: WithdrawDocumentProps): Promise<DocumentView> {
  return changeDocument(ctx, props, {
    what: '撤回政府信息',
    eventKind: 'withdrawn',
    decide: (doc) => {
      if (doc.status === 'withdrawn') throw new DocumentStateError('该文件已撤回', 'catalogue.withdrawn');
      const reason = typeof props.reason === 'string' ? props.reason.trim() : '';
      if (reason === '' || reason.length > 500) throw new ValidationError('撤回', [{ path: 'reason', rule: reason === '' ? 'required' : 'length', message: reason === '' ? '请说明撤回原因' : '最多500个字符' }]);
      return { set: { status: 'withdrawn', withdrawnReason: reason }, payload: { reason, fromStatus: doc.status } };
    },
  });
}
