/** Appeal records (行政复议, 行政诉讼) and the applications they concern (migration drizzle/0001_report_tables.sql). */
import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies, applications } from '../db/schema.ts';

export const appeals = pgTable(
  'appeals',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    body: text('body').notNull(),
    caseNumber: text('case_number').notNull(),
    /** reconsideration | litigation_direct | litigation_after_reconsideration (law/appealResults.ts) */
    path: text('path').notNull(),
    filedOn: text('filed_on').notNull(),
    /** upheld | corrected | other | pending */
    result: text('result').notNull(),
    decidedOn: text('decided_on'),
    /** What a 纠正 orders (law/appealResults.ts CORRECTION_KINDS): only some reopen the case (decisions.md #14). */
    correction: text('correction'),
    /** The day the decision was served on the agency: the new answer period counts from the day after. */
    servedOn: text('served_on'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('appeals_agency_idx').on(t.agencyId, t.filedOn)],
);

export const appealApplications = pgTable(
  'appeal_applications',
  {
    appealId: text('appeal_id').notNull().references(() => appeals.id),
    applicationId: text('application_id').notNull().references(() => applications.id),
    agencyId: text('agency_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.appealId, t.applicationId] }), index('appeal_applications_application_idx').on(t.applicationId)],
);
