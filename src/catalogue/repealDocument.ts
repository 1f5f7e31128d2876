/**
 * The document's 有效性 changes: 失效, 废止 or 已修订, with the date it changed (it stays on the portal).
 * The event keeps the day the change was published and whether that was more than 20 working days after
 * the change (Art. 26, decisions.md #19).
 */
import { isCivilDate } from '../calendar/civilDate.ts';
import { VALIDITY_LABELS } from '../law/catalogue.ts';
import { ValidationError } from '../shared/domainError.ts';
import type { CatalogueContext } from './context.ts';
import type { DocumentView } from './documents.ts';
import { DocumentStateError } from './errors.ts';
import { changeDocument } from './mutate.ts';
import { publicationLateness } from './publication.ts';
import type { DocumentStepProps } from './mutate.ts';

export const VALIDITY_CHANGES = ['expired', 'repealed', 'revised'] as const;
export type ValidityChange = (typeof VALIDITY_CHANGES)[number];

export interface RepealDocumentProps extends DocumentStepProps {
  validity: ValidityChange;
  /** The day it stopped being in force. */
  changedOn: string;
  note?: string | undefined;
}

export function repealDocument(ctx: CatalogueContext, props: RepealDocumentProps): Promise<DocumentView> {
  return changeDocument(ctx, props, {
    what: '变更政府信息有效性',
    eventKind: 'validity-changed',
    decide: (doc, today) => {
      if (doc.status !== 'published') throw new DocumentStateError('只有已发布的文件才能标注失效、废止或修订', 'catalogue.not_published');
      if (doc.validity !== 'valid') throw new DocumentStateError(`该文件已${VALIDITY_LABELS[doc.validity as ValidityChange] ?? doc.validity}`, 'catalogue.not_valid', 'validity');
      const issues = [];
      if (!(VALIDITY_CHANGES as readonly string[]).includes(props.validity)) issues.push({ path: 'validity', rule: 'enum', message: `应为：${VALIDITY_CHANGES.join('、')}` });
      if (!isCivilDate(props.changedOn)) issues.push({ path: 'changedOn', rule: 'date', message: '应为有效日期 YYYY-MM-DD' });
      else if (props.changedOn > today) issues.push({ path: 'changedOn', rule: 'not_future', message: `不能晚于今天（${today}）` });
      else if (props.changedOn < doc.writtenOn) issues.push({ path: 'changedOn', rule: 'not_before_written', message: `不能早于成文日期（${doc.writtenOn}）` });
      if (issues.length > 0) throw new ValidationError('有效性变更', issues);
      return { set: { validity: props.validity, validityChangedOn: props.changedOn }, payload: { validity: props.validity, changedOn: props.changedOn, recordedOn: today, ...publicationLateness(props.changedOn, today, ctx.calendar), ...(props.note ? { note: props.note } : {}) } };
    },
  });
}
