/**
 * Tables of the register import (migration drizzle/0001_report_tables.sql):
 * each import, and the agency's own 编号 of each imported application (unique per agency when given).
 */
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { agencies, applications } from '../db/schema.ts';

export const registerImports = pgTable(
  'register_imports',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    rows: integer('rows').notNull(),
    importedBy: text('imported_by').notNull(),
    /** `importing` while an embedded-database import writes its chunks (migration 0005), then `complete` */
    status: text('status').notNull().default('complete'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('register_imports_agency_idx').on(t.agencyId)],
);

export const applicationRefs = pgTable(
  'application_refs',
  {
    applicationId: text('application_id').notNull().references(() => applications.id),
    agencyId: text('agency_id').notNull(),
    ref: text('ref').notNull(),
    importId: text('import_id').references(() => registerImports.id),
    /** the register's unknown columns, kept as notes */
    notes: jsonb('notes').$type<Record<string, string>>(),
  },
  (t) => [primaryKey({ columns: [t.applicationId] }), uniqueIndex('application_refs_agency_ref_uq').on(t.agencyId, t.ref)],
);
