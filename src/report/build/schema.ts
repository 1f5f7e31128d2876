/**
 * Per agency and year: the table-2 figures entered by hand, the narrative the office edited, and the lock of a published report (with the
 * snapshot the lock protects). Migration: drizzle/0001_report_tables.sql.
 */
import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies } from '../../db/schema.ts';
import type { Narrative, ProactiveTable, ReportData } from '../reportData.ts';

export const reportYears = pgTable(
  'report_years',
  {
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    year: integer('year').notNull(),
    /** table 2 as entered (ReportData.proactive) */
    proactive: jsonb('proactive').$type<ProactiveTable>(),
    /** the report's text as the office edited it (ReportData.narrative; migration 0010) */
    narrative: jsonb('narrative').$type<Narrative>(),
    /** set while the year's report is published and locked */
    lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'string' }),
    lockedBy: text('locked_by'),
    /** the report as published, when locked */
    snapshot: jsonb('snapshot').$type<ReportData>(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);
