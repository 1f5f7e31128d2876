/**
 * Corrects a document's metadata or text (更正): the fields given replace the old ones; the event keeps
 * the old values of what changed. The 索引号 never changes. Art. 26 counts the 20 working days for a
 * changed document from the day the information changed (`changedOn`, default today): the event keeps
 * that day, the day the correction was published, and whether that was late (decisions.md #19).
 */
import { CORRECTABLE_FIELDS, validateDocumentInput } from './documentInput.ts';
import type { CatalogueContext } from './context.ts';
import { searchVectors } from './documents.ts';
import type { DocumentView } from './documents.ts';
import { DocumentStateError } from './errors.ts';
import { changeDocument } from './mutate.ts';
import type { DocumentStepProps } from './mutate.ts';
import { ValidationError } from '../shared/domainError.ts';
import { isCivilDate } from '../calendar/civilDate.ts';
import { publicationLateness } from './publication.ts';

export { CORRECTABLE_FIELDS } from './documentInput.ts';

export interface CorrectDocumentProps extends DocumentStepProps {
  changes: Record<string, unknown>;
  /** Why (shown in the audit trail). */
  reason: string;
  /** The day the information changed (变更之日), when earlier than the correction; default today. */
  changedOn?: string | undefined;
}

export function correctDocument(ctx: CatalogueContext, props: CorrectDocumentProps): Promise<DocumentView> {
  return changeDocument(ctx, props, {
    what: '更正政府信息',
    eventKind: 'corrected',
    decide: (doc, today) => {
      if (doc.status === 'withdrawn') throw new DocumentStateError('已撤回的文件不能更正', 'catalogue.withdrawn');
      const unknown = Object.keys(props.changes).filter((k) => !(CORRECTABLE_FIELDS as readonly string[]).includes(k));
      const issues = unknown.map((k) => ({ path: `changes.${k}`, rule: 'not_correctable', message: `不能更正的字段（可更正：${CORRECTABLE_FIELDS.join('、')}）` }));
      if (typeof props.reason !== 'string' || props.reason.trim() === '') issues.push({ path: 'reason', rule: 'required', message: '请说明更正原因' });
      if (Object.keys(props.changes).length === 0) issues.push({ path: 'changes', rule: 'required', message: '没有要更正的字段' });
      const changedOn = props.changedOn ?? today;
      if (!isCivilDate(changedOn)) issues.push({ path: 'changedOn', rule: 'date', message: '变更日期应为有效日期 YYYY-MM-DD' });
      else if (changedOn > today) issues.push({ path: 'changedOn', rule: 'not_future', message: `变更日期不能晚于今天（${today}）` });
      else if (changedOn < doc.writtenOn) issues.push({ path: 'changedOn', rule: 'not_before_written', message: `变更日期不能早于成文日期（${doc.writtenOn}）` });
      if (issues.length > 0) throw new ValidationError('更正', issues);
      const merged = { ...doc, docNumber: doc.docNumber ?? undefined, ...props.changes };
      const input = validateDocumentInput(merged, today, 'changes.');
      if (doc.publishedOn !== null && input.writtenOn > doc.publishedOn) {
        throw new ValidationError('更正', [{ path: 'changes.writtenOn', rule: 'not_after_published', message: `成文日期不能晚于发布日期（${doc.publishedOn}）` }]);
      }
      const set = {
        title: input.title,
        publisher: input.publisher ?? doc.publisher,
        docNumber: input.docNumber ?? null,
        writtenOn: input.writtenOn,
        column: input.column,
        item: input.item,
        topic: input.topic,
        kind: input.kind,
        summary: input.summary ?? '',
        body: input.body ?? '',
        keywords: input.keywords ?? '',
      };
      const before: Record<string, unknown> = {};
      for (const k of Object.keys(set) as (keyof typeof set)[]) if (set[k] !== doc[k]) before[k] = k === 'body' ? `${doc.body.slice(0, 200)}…` : doc[k];
      const lateness = doc.status === 'published' ? { recordedOn: today, ...publicationLateness(changedOn, today, ctx.calendar) } : {};
      return { set: { ...set, ...searchVectors({ ...set, indexNumber: doc.indexNumber }) }, payload: { reason: props.reason.trim(), before, changedOn, ...lateness } };
    },
  });
}
