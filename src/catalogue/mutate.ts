/**
 * The shared frame of a change to one document: role, scope, expected version, then the update and its
 * audit event in one transaction (0 rows updated → DocumentConflictError).
 */
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { requireRole } from '../accounts/actor.ts';
import type { Tx } from '../db/open.ts';
import { todayInChina } from '../requests/today.ts';
import type { CivilDate } from '../calendar/civilDate.ts';
import { catalogueEvent, PUBLISH_ROLES } from './context.ts';
import type { CatalogueContext } from './context.ts';
import { atVersion, loadDocument, toDocumentView } from './documents.ts';
import type { DocumentRecord, DocumentRow, DocumentView } from './documents.ts';
import { DocumentConflictError } from './errors.ts';
import { catalogueDocuments } from './schema.ts';
import { ValidationError } from '../shared/domainError.ts';

export interface DocumentStepProps {
  documentId: string;
  /** The version the caller last read. */
  version: number;
}

export interface DocumentChange {
  what: string;
  eventKind: string;
  /** Checks on the current document; returns the column changes and the event payload. */
  decide: (doc: DocumentRecord, today: CivilDate) => { set: { [K in keyof DocumentRow]?: DocumentRow[K] | SQL }; payload: Record<string, unknown> };
  alsoWrite?: (tx: Tx, doc: DocumentRecord) => Promise<void>;
}

export async function changeDocument(ctx: CatalogueContext, props: DocumentStepProps, change: DocumentChange): Promise<DocumentView> {
  requireRole(ctx.actor, PUBLISH_ROLES, change.what);
  if (!Number.isInteger(props.version) || props.version < 1) throw new ValidationError('版本', [{ path: 'version', rule: 'integer', message: 'version 应为正整数' }]);
  const { doc } = await loadDocument(ctx.db, ctx.actor, props.documentId);
  if (doc.version !== props.version) throw new DocumentConflictError(props.version, doc.version);
  const today = ctx.today ?? todayInChina();
  const { set, payload } = change.decide(doc, today);
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(catalogueDocuments)
      .set({ ...set, version: doc.version + 1, updatedAt: sql`now()` })
      .where(atVersion(doc.id, props.version))
      .returning({ id: catalogueDocuments.id });
    if (updated.length === 0) throw new DocumentConflictError(props.version);
    await catalogueEvent(tx, ctx, doc.agencyId, change.eventKind, { documentId: doc.id, indexNumber: doc.indexNumber, version: doc.version + 1, ...payload });
    await change.alsoWrite?.(tx, doc);
  });
  const after = await loadDocument(ctx.db, ctx.actor, doc.id);
  return toDocumentView(after.doc, after.agencyCode);
}
