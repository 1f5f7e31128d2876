/**
 * Per agency and year: the table-2 figures entered by hand, and the lock of a published report (with the
 * snapshot the lock protects). Migration: drizzle/0001_report_tables.sql.
 */
import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies } from '../../db/schema.ts';
import type { ProactiveTable, ReportData } from '../reportData.ts';

export const reportYears = pgTable(
  'report_years',
  {
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    year: integer('year').notNull(),
    /** table 2 as entered (ReportData.proactive) */
    proactive: jsonb('proactive').$type<ProactiveTable>(),
    /** set while the year's report is published and locked */
    lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'string' }),
    lockedBy: text('locked_by'),
    /** the report as published, when locked */
    snapshot: jsonb('snapshot').$type<ReportData>(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);
