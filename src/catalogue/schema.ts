/**
 * The catalogue (政府信息公开目录): documents with their metadata, attachments, 政策解读 links, the
 * applications an Art. 44 publication came from, the proposal queue, the 指南 settings (versioned),
 * installation settings for the portal, and online submissions (for redirect-after-POST).
 * Migration: drizzle/0004_catalogue.sql (hand-written; it also creates the GIN index and the
 * NOTIFY triggers that invalidate portal caches).
 */
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { agencies, applications } from '../db/schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();

export const catalogueDocuments = pgTable(
  'catalogue_documents',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    /** 索引号: unique per agency, never reused. */
    indexNumber: text('index_number').notNull(),
    title: text('title').notNull(),
    /** 发布机构 */
    publisher: text('publisher').notNull(),
    /** 发文字号, null for a non-公文 */
    docNumber: text('doc_number'),
    /** 成文日期 */
    writtenOn: text('written_on').notNull(),
    /** 发布日期; null while a draft */
    publishedOn: text('published_on'),
    /** 'system' (制度) or 'proactive' (法定主动公开内容) */
    column: text('column_id').notNull(),
    /** Art. 20 item id ('1'…'15') */
    item: text('item').notNull(),
    /** 主题分类 */
    topic: text('topic').notNull(),
    /** rule / normative / interpretation / other (table 2 （一）) */
    kind: text('kind').notNull(),
    validity: text('validity').notNull().default('valid'),
    validityChangedOn: text('validity_changed_on'),
    /** 内容概述 */
    summary: text('summary').notNull().default(''),
    /** Plain text; paragraphs separated by blank lines (rendered escaped). */
    body: text('body').notNull().default(''),
    keywords: text('keywords').notNull().default(''),
    /** draft / published / withdrawn */
    status: text('status').notNull(),
    withdrawnReason: text('withdrawn_reason'),
    titleTsv: tsvector('title_tsv').notNull(),
    searchTsv: tsvector('search_tsv').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalogue_documents_index_number_uq').on(t.agencyId, t.indexNumber),
    index('catalogue_documents_list_idx').on(t.agencyId, t.status, t.publishedOn),
  ],
);

export const catalogueAttachments = pgTable(
  'catalogue_attachments',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    documentId: text('document_id').notNull().references(() => catalogueDocuments.id),
    sha256: text('sha256').notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('catalogue_attachments_document_idx').on(t.documentId)],
);

/** A 政策解读 (itself a catalogue document of kind interpretation) linked to the documents it explains. */
export const catalogueInterpretations = pgTable(
  'catalogue_interpretations',
  {
    interpretationId: text('interpretation_id').notNull().references(() => catalogueDocuments.id),
    documentId: text('document_id').notNull().references(() => catalogueDocuments.id),
    agencyId: text('agency_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.interpretationId, t.documentId] }), index('catalogue_interpretations_document_idx').on(t.documentId)],
);

/** Art. 44: the applications whose answer a catalogue document now publishes. */
export const catalogueDocumentApplications = pgTable(
  'catalogue_document_applications',
  {
    documentId: text('document_id').notNull().references(() => catalogueDocuments.id),
    applicationId: text('application_id').notNull().references(() => applications.id),
    agencyId: text('agency_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.applicationId] })],
);

/** 依申请转主动 proposals (Art. 44, decisions.md #20). */
export const disclosureProposals = pgTable(
  'disclosure_proposals',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    /** what identifies the information across applications (文号, else the normalised description) */
    subjectKey: text('subject_key').notNull(),
    description: text('description').notNull(),
    /** repeated (≥ N applicants) / clerk / applicant */
    source: text('source').notNull(),
    applicationIds: jsonb('application_ids').$type<string[]>().notNull(),
    /** open / published / dismissed */
    status: text('status').notNull(),
    documentId: text('document_id'),
    note: text('note'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [uniqueIndex('disclosure_proposals_subject_uq').on(t.agencyId, t.subjectKey), index('disclosure_proposals_status_idx').on(t.agencyId, t.status)],
);

/** The 指南 settings of an agency, one row per version (the newest is current). */
export const agencyGuide = pgTable(
  'agency_guide',
  {
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    version: integer('version').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    revisedOn: text('revised_on').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.version] })],
);

/** Installation-wide portal settings (site identity, footer, page tags): one row, id 'site'. */
export const portalSettings = pgTable('portal_settings', {
  id: text('id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** An online application form's one-time token: a reload or a second click finds the first submission. */
export const portalSubmissions = pgTable('portal_submissions', {
  token: text('token').primaryKey(),
  agencyId: text('agency_id').notNull(),
  applicationId: text('application_id'),
  receiptCode: text('receipt_code'),
  /** the query password, encrypted with the installation key, shown on the receipt page for a while */
  passwordCipher: text('password_cipher'),
  done: boolean('done').notNull().default(false),
  createdAt: createdAt(),
});
