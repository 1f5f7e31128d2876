/** Lists, filters and search over the catalogue (the portal's columns and the staff API). */
import { controlCharactersAsSpaces } from '../shared/text.ts';
import { and, asc, count, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { agencies } from '../db/schema.ts';
import { catalogueAttachments, catalogueInterpretations, catalogueDocuments } from './schema.ts';
import { DOCUMENT_COLUMNS, toDocumentView } from './documents.ts';
import type { DocumentView } from './documents.ts';
import { queryTerms, toTsquery } from './tokens.ts';

export interface DocumentFilter {
  agencyId?: string | undefined;
  /** agencies below this path (staff scope) */
  agencyPath?: string | undefined;
  column?: string | undefined;
  item?: string | undefined;
  topic?: string | undefined;
  kind?: string | undefined;
  /** year of 发布日期 (published) */
  year?: number | undefined;
  validity?: string | undefined;
  /** default: published only */
  status?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

export const MAX_PAGE_SIZE = 100;

function paging(f: { page?: number | undefined; pageSize?: number | undefined }): { page: number; pageSize: number; offset: number } {
  const pageSize = Math.min(Math.max(Math.trunc(f.pageSize ?? 20) || 20, 1), MAX_PAGE_SIZE);
  const page = Math.min(Math.max(Math.trunc(f.page ?? 1) || 1, 1), 100_000);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

function conditions(f: DocumentFilter): SQL[] {
  const c: SQL[] = [eq(catalogueDocuments.status, f.status ?? 'published')];
  if (f.agencyId !== undefined) c.push(eq(catalogueDocuments.agencyId, f.agencyId));
  if (f.agencyPath !== undefined) c.push(like(agencies.path, `${f.agencyPath}%`));
  if (f.column !== undefined) c.push(eq(catalogueDocuments.column, f.column));
  if (f.item !== undefined) c.push(eq(catalogueDocuments.item, f.item));
  if (f.topic !== undefined) c.push(eq(catalogueDocuments.topic, f.topic));
  if (f.kind !== undefined) c.push(eq(catalogueDocuments.kind, f.kind));
  if (f.validity !== undefined) c.push(eq(catalogueDocuments.validity, f.validity));
  if (f.year !== undefined) c.push(like(f.status === 'draft' ? catalogueDocuments.writtenOn : catalogueDocuments.publishedOn, `${f.year}-%`));
  return c;
}

/** Newest first (发布日期, then 索引号). */
export async function listDocuments(db: Db, f: DocumentFilter): Promise<Page<DocumentView>> {
  const { page, pageSize, offset } = paging(f);
  const where = and(...conditions(f));
  const [rows, totals] = await Promise.all([
    db
      .select({ doc: DOCUMENT_COLUMNS, agencyCode: agencies.code })
      .from(catalogueDocuments)
      .innerJoin(agencies, eq(agencies.id, catalogueDocuments.agencyId))
      .where(where)
      .orderBy(desc(catalogueDocuments.publishedOn), desc(catalogueDocuments.writtenOn), desc(catalogueDocuments.indexNumber))
      .limit(pageSize)
      .offset(offset),
    db.select({ n: count() }).from(catalogueDocuments).innerJoin(agencies, eq(agencies.id, catalogueDocuments.agencyId)).where(where),
  ]);
  const total = Number(totals[0]?.n ?? 0);
  return { items: rows.map((r) => toDocumentView(r.doc, r.agencyCode)), total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

export interface SearchHit extends DocumentView {
  titleHit: boolean;
  agencyName: string;
}

export interface SearchResult extends Page<SearchHit> {
  query: string;
  /** the words the query was cut into (for highlighting) */
  terms: string[];
}

/**
 * Full-text search (jieba lexemes in a GIN-indexed tsvector): documents whose title matches first, then
 * the newest. Any query — any length, script or punctuation — gives results or an empty list.
 */
export async function searchDocuments(db: Db, q: string, f: DocumentFilter): Promise<SearchResult> {
  const { page, pageSize, offset } = paging(f);
  const query = typeof q === 'string' ? controlCharactersAsSpaces(q).trim().slice(0, 200) : '';
  const terms = queryTerms(query);
  const tsq = toTsquery(terms);
  if (tsq === null) return { items: [], total: 0, page, pageSize, pages: 1, query, terms };
  const match = sql`${catalogueDocuments.searchTsv} @@ to_tsquery('simple', ${tsq})`;
  const titleHit = sql<boolean>`(${catalogueDocuments.titleTsv} @@ to_tsquery('simple', ${tsq}))`;
  const where = and(match, ...conditions(f));
  const [rows, totals] = await Promise.all([
    db
      .select({ doc: DOCUMENT_COLUMNS, agencyCode: agencies.code, agencyName: agencies.name, titleHit })
      .from(catalogueDocuments)
      .innerJoin(agencies, eq(agencies.id, catalogueDocuments.agencyId))
      .where(where)
      .orderBy(desc(titleHit), desc(catalogueDocuments.publishedOn), desc(catalogueDocuments.indexNumber))
      .limit(pageSize)
      .offset(offset),
    db.select({ n: count() }).from(catalogueDocuments).innerJoin(agencies, eq(agencies.id, catalogueDocuments.agencyId)).where(where),
  ]);
  const total = Number(totals[0]?.n ?? 0);
  return {
    items: rows.map((r) => ({ ...toDocumentView(r.doc, r.agencyCode), titleHit: r.titleHit === true, agencyName: r.agencyName })),
    total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    query,
    terms,
  };
}

/** The 主题分类 in use by an agency's published documents (for filters). */
export async function listTopics(db: Db, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ topic: catalogueDocuments.topic })
    .from(catalogueDocuments)
    .where(and(eq(catalogueDocuments.agencyId, agencyId), eq(catalogueDocuments.status, 'published')))
    .orderBy(asc(catalogueDocuments.topic));
  return rows.map((r) => r.topic);
}

/** The years with published documents, newest first. */
export async function listYears(db: Db, agencyId: string | undefined): Promise<number[]> {
  const year = sql<string>`substr(${catalogueDocuments.publishedOn}, 1, 4)`;
  const rows = await db
    .selectDistinct({ year })
    .from(catalogueDocuments)
    .where(and(eq(catalogueDocuments.status, 'published'), ...(agencyId !== undefined ? [eq(catalogueDocuments.agencyId, agencyId)] : [])))
    .orderBy(desc(year));
  return rows.map((r) => Number(r.year)).filter((y) => Number.isInteger(y));
}

/** Published document counts per Art. 20 item of an agency. */
export async function countByItem(db: Db, agencyId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ item: catalogueDocuments.item, n: count() })
    .from(catalogueDocuments)
    .where(and(eq(catalogueDocuments.agencyId, agencyId), eq(catalogueDocuments.status, 'published'), eq(catalogueDocuments.column, 'proactive')))
    .groupBy(catalogueDocuments.item);
  return new Map(rows.map((r) => [r.item, Number(r.n)]));
}

export interface LinkedDocument {
  id: string;
  title: string;
  indexNumber: string;
  publishedOn: string | null;
}

/** The 解读 of a document and the documents a 解读 explains (published ones only when `publicOnly`). */
export async function interpretationLinks(db: Db, documentId: string, publicOnly: boolean): Promise<{ interpretations: LinkedDocument[]; interprets: LinkedDocument[] }> {
  const pick = { id: catalogueDocuments.id, title: catalogueDocuments.title, indexNumber: catalogueDocuments.indexNumber, publishedOn: catalogueDocuments.publishedOn, status: catalogueDocuments.status };
  const [a, b] = await Promise.all([
    db.select(pick).from(catalogueInterpretations).innerJoin(catalogueDocuments, eq(catalogueDocuments.id, catalogueInterpretations.interpretationId)).where(eq(catalogueInterpretations.documentId, documentId)),
    db.select(pick).from(catalogueInterpretations).innerJoin(catalogueDocuments, eq(catalogueDocuments.id, catalogueInterpretations.documentId)).where(eq(catalogueInterpretations.interpretationId, documentId)),
  ]);
  const keep = (rows: (LinkedDocument & { status: string })[]) => rows.filter((r) => !publicOnly || r.status === 'published').map(({ status: _s, ...r }) => r);
  return { interpretations: keep(a), interprets: keep(b) };
}

export async function documentAttachments(db: Db, documentIds: readonly string[]) {
  if (documentIds.length === 0) return [];
  return db.select().from(catalogueAttachments).where(inArray(catalogueAttachments.documentId, [...documentIds])).orderBy(asc(catalogueAttachments.createdAt));
}
