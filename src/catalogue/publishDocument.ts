/** A draft goes on the portal (发布日期); later than Art. 26's 20 working days is allowed and flagged. */
import type { CatalogueContext } from './context.ts';
import type { DocumentView } from './documents.ts';
import { DocumentStateError } from './errors.ts';
import { changeDocument } from './mutate.ts';
import type { DocumentStepProps } from './mutate.ts';
import { checkPublicationDate, publicationLateness } from './publication.ts';

export interface PublishDocumentProps extends DocumentStepProps {
  publishedOn?: string | undefined;
}

export function publishDocument(ctx: CatalogueContext, props: PublishDocumentProps): Promise<DocumentView> {
  return changeDocument(ctx, props, {
    what: '发布政府信息',
    eventKind: 'published',
    decide: (doc, today) => {
      if (doc.status !== 'draft') throw new DocumentStateError(doc.status === 'published' ? '该文件已发布' : '已撤回的文件不能再发布，请新建', 'catalogue.not_draft');
      const publishedOn = checkPublicationDate(props.publishedOn ?? today, doc.writtenOn, today);
      return { set: { status: 'published', publishedOn }, payload: { publishedOn, ...publicationLateness(doc.writtenOn, publishedOn, ctx.calendar) } };
    },
  });
}
