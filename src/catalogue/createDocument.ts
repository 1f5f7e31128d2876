/**
 * A publisher enters a document into the catalogue: a draft, or published at once (`publish`). The
 * 索引号 is generated unless given; a given one must be new to the agency.
 */
import { v7 as uuidv7 } from 'uuid';
import { inScope, requireRole } from '../accounts/actor.ts';
import { ForbiddenError } from '../accounts/errors.ts';
import { getAgencyByCode, isUniqueViolation } from '../agencies/agencies.ts';
import { yearOf } from '../calendar/civilDate.ts';
import type { Tx } from '../db/open.ts';
import { todayInChina } from '../requests/today.ts';
import { catalogueEvent, PUBLISH_ROLES } from './context.ts';
import type { CatalogueContext } from './context.ts';
import { validateDocumentInput } from './documentInput.ts';
import { loadDocument, searchVectors, toDocumentView } from './documents.ts';
import type { DocumentView } from './documents.ts';
import { IndexNumberTakenError } from './errors.ts';
import { nextIndexNumber } from './indexNumber.ts';
import { checkPublicationDate, publicationLateness } from './publication.ts';
import { catalogueDocuments } from './schema.ts';

export interface CreateDocumentProps {
  agencyCode: string;
  input: Record<string, unknown>;
  /** Publish at once (发布日期 = `publishedOn`, default today). */
  publish?: boolean | undefined;
  publishedOn?: string | undefined;
}

/** Further writes in the document's transaction (e.g. linking the applications of an Art. 44 proposal). */
export type AlsoWrite = (tx: Tx, documentId: string, agencyId: string) => Promise<void>;

export async function createDocument(ctx: CatalogueContext, props: CreateDocumentProps, alsoWrite?: AlsoWrite): Promise<DocumentView> {
  requireRole(ctx.actor, PUBLISH_ROLES, '发布政府信息');
  const agency = await getAgencyByCode(ctx.db, props.agencyCode, 'agencyCode');
  if (!inScope(ctx.actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  const today = ctx.today ?? todayInChina();
  const input = validateDocumentInput(props.input, today);
  const publishedOn = props.publish === true ? checkPublicationDate(props.publishedOn ?? today, input.writtenOn, today) : null;
  const id = uuidv7();
  try {
    await ctx.db.transaction(async (tx) => {
      const indexNumber = input.indexNumber ?? (await nextIndexNumber(tx, agency.id, agency.code, yearOf(input.writtenOn)));
      const publisher = input.publisher ?? agency.name;
      await tx.insert(catalogueDocuments).values({
        id,
        agencyId: agency.id,
        indexNumber,
        title: input.title,
        publisher,
        docNumber: input.docNumber ?? null,
        writtenOn: input.writtenOn,
        publishedOn,
        column: input.column,
        item: input.item,
        topic: input.topic,
        kind: input.kind,
        summary: input.summary ?? '',
        body: input.body ?? '',
        keywords: input.keywords ?? '',
        status: publishedOn === null ? 'draft' : 'published',
        ...searchVectors({ ...input, publisher, indexNumber }),
      });
      await catalogueEvent(tx, ctx, agency.id, 'created', { documentId: id, indexNumber, title: input.title });
      if (publishedOn !== null) {
        await catalogueEvent(tx, ctx, agency.id, 'published', { documentId: id, indexNumber, publishedOn, ...publicationLateness(input.writtenOn, publishedOn, ctx.calendar) });
      }
      await alsoWrite?.(tx, id, agency.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new IndexNumberTakenError(input.indexNumber ?? '');
    throw err;
  }
  const loaded = await loadDocument(ctx.db, ctx.actor, id);
  return toDocumentView(loaded.doc, loaded.agencyCode);
}
