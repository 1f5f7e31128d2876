/** Reading catalogue documents: one row → view, loading with scope checks, the search lexemes. */
import { and, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { inScope } from '../accounts/actor.ts';
import type { Db, Tx } from '../db/open.ts';
import { agencies } from '../db/schema.ts';
import { VALIDITY_LABELS, DOCUMENT_KIND_LABELS, art20Item, isArt20Item, isValidity, isDocumentKind } from '../law/catalogue.ts';
import { DocumentNotFoundError } from './errors.ts';
import { catalogueDocuments } from './schema.ts';
import { indexTokens } from './tokens.ts';

export type DocumentRow = typeof catalogueDocuments.$inferSelect;

export interface DocumentView {
  id: string;
  agencyCode: string;
  indexNumber: string;
  title: string;
  publisher: string;
  docNumber: string | null;
  writtenOn: string;
  publishedOn: string | null;
  column: string;
  item: string;
  itemLabel: string;
  topic: string;
  kind: string;
  kindLabel: string;
  validity: string;
  validityLabel: string;
  validityChangedOn: string | null;
  summary: string;
  body: string;
  keywords: string;
  status: string;
  withdrawnReason: string | null;
  version: number;
  updatedAt: string;
}

export const DOCUMENT_COLUMNS = {
  id: catalogueDocuments.id,
  agencyId: catalogueDocuments.agencyId,
  indexNumber: catalogueDocuments.indexNumber,
  title: catalogueDocuments.title,
  publisher: catalogueDocuments.publisher,
  docNumber: catalogueDocuments.docNumber,
  writtenOn: catalogueDocuments.writtenOn,
  publishedOn: catalogueDocuments.publishedOn,
  column: catalogueDocuments.column,
  item: catalogueDocuments.item,
  topic: catalogueDocuments.topic,
  kind: catalogueDocuments.kind,
  validity: catalogueDocuments.validity,
  validityChangedOn: catalogueDocuments.validityChangedOn,
  summary: catalogueDocuments.summary,
  body: catalogueDocuments.body,
  keywords: catalogueDocuments.keywords,
  status: catalogueDocuments.status,
  withdrawnReason: catalogueDocuments.withdrawnReason,
  version: catalogueDocuments.version,
  updatedAt: catalogueDocuments.updatedAt,
} as const;
export type DocumentRecord = Pick<DocumentRow, keyof typeof DOCUMENT_COLUMNS>;

export function toDocumentView(r: DocumentRecord, agencyCode: string): DocumentView {
  return {
    id: r.id,
    agencyCode,
    indexNumber: r.indexNumber,
    title: r.title,
    publisher: r.publisher,
    docNumber: r.docNumber,
    writtenOn: r.writtenOn,
    publishedOn: r.publishedOn,
    column: r.column,
    item: r.item,
    itemLabel: isArt20Item(r.item) ? `${art20Item(r.item).numeral}${art20Item(r.item).column}` : r.item,
    topic: r.topic,
    kind: r.kind,
    kindLabel: isDocumentKind(r.kind) ? DOCUMENT_KIND_LABELS[r.kind] : r.kind,
    validity: r.validity,
    validityLabel: isValidity(r.validity) ? VALIDITY_LABELS[r.validity] : r.validity,
    validityChangedOn: r.validityChangedOn,
    summary: r.summary,
    body: r.body,
    keywords: r.keywords,
    status: r.status,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

/** The document with its agency, when the actor may see it (staff: in scope; the public: published only). */
export async function loadDocument(db: Db | Tx, actor: Actor | 'public', id: string): Promise<{ doc: DocumentRecord; agencyCode: string; agencyName: string; agencyPath: string }> {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new DocumentNotFoundError(id);
  const rows = await db
    .select({ doc: DOCUMENT_COLUMNS, agencyCode: agencies.code, agencyName: agencies.name, agencyPath: agencies.path })
    .from(catalogueDocuments)
    .innerJoin(agencies, eq(agencies.id, catalogueDocuments.agencyId))
    .where(eq(catalogueDocuments.id, id))
    .limit(1);
  const found = rows[0];
  if (found === undefined) throw new DocumentNotFoundError(id);
  if (actor === 'public' ? found.doc.status !== 'published' : !inScope(actor, found.agencyPath)) throw new DocumentNotFoundError(id);
  return found as { doc: DocumentRecord; agencyCode: string; agencyName: string; agencyPath: string };
}

/** The tsvector values of a document (title alone, and everything searchable). */
export function searchVectors(d: { title: string; docNumber?: string | null | undefined; publisher: string; indexNumber: string; topic: string; keywords?: string | undefined; summary?: string | undefined; body?: string | undefined }): { titleTsv: SQL; searchTsv: SQL } {
  const all = [d.title, d.docNumber ?? '', d.publisher, d.indexNumber, d.topic, d.keywords ?? '', d.summary ?? '', d.body ?? ''].join('\n');
  return { titleTsv: sql`to_tsvector('simple', ${indexTokens(d.title)})`, searchTsv: sql`to_tsvector('simple', ${indexTokens(all)})` };
}

/** Optimistic concurrency: the update only when the version still matches. */
export function atVersion(id: string, version: number): SQL {
  return and(eq(catalogueDocuments.id, id), eq(catalogueDocuments.version, version))!;
}
