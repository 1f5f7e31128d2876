/**
 * The one database schema (PostgreSQL 15 compatible; applied to PGlite and PostgreSQL alike).
 * Every table carries agency_id; ids are UUIDv7 strings; civil dates are 'YYYY-MM-DD' text; money is
 * integer fen; events are append-only.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { YearOverride } from '../calendar/workCalendar.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();

/** Agencies form a tree: a region's office above its agencies. `path` is `/id/…/id/` from the root. */
export const agencies = pgTable(
  'agencies',
  {
    id: text('id').primaryKey(),
    /** The agency itself (every table carries agency_id). */
    agencyId: text('agency_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    parentId: text('parent_id'),
    path: text('path').notNull(),
    /** The remedies paragraph printed in answer letters; null → the default (decisions.md). */
    remediesTemplate: text('remedies_template'),
    address: text('address'),
    phone: text('phone'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('agencies_code_uq').on(t.code), index('agencies_path_idx').on(t.path)],
);

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** The root of the subtree the user's roles apply to. */
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: jsonb('roles').$type<string[]>().notNull(),
    active: boolean('active').notNull().default(true),
    /** Where the daily reminders go (optional). */
    email: text('email'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 (hex) of the session token held in the cookie. */
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    userId: text('user_id').notNull().references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const applications = pgTable(
  'applications',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    /** Shown to the applicant; with the query password it opens the public status page. */
    receiptCode: text('receipt_code').notNull(),
    queryPasswordHash: text('query_password_hash').notNull(),
    channel: text('channel').notNull(),
    /** Workflow state (law/transitions.ts). */
    state: text('state').notNull(),
    /** Legal outcome: a CaseOutcome id (law/outcomes.ts), set when the case ends. */
    outcome: text('outcome'),
    /** Visibility, kept apart from state and outcome. */
    visibility: text('visibility').notNull().default('private'),
    applicantKind: text('applicant_kind').notNull(),
    /** Masked applicant name for lists (张*). */
    applicantMasked: text('applicant_masked').notNull(),
    /** AES-256-GCM ciphertext of the applicant's personal data (name, id numbers, contact data). */
    personalData: text('personal_data').notNull(),
    description: text('description').notNull(),
    documentNumber: text('document_number'),
    purpose: text('purpose'),
    /** Form of provision (Art. 29 ¶2 (三)): paper, electronic, inspect. */
    form: text('form').notNull(),
    /** How the applicant wants to obtain it: post, email, pickup, online. */
    delivery: text('delivery').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** Receipt date (Art. 31); null while an online submission is not yet confirmed. */
    receivedOn: text('received_on'),
    /** Cache of the current due date (from the deadline engine over the events). */
    dueOn: text('due_on'),
    /** Cache of the deadline reasoning. */
    clock: jsonb('clock'),
    extension: text('extension').notNull().default('none'),
    answeredOn: text('answered_on'),
    closedOn: text('closed_on'),
    /**
     * The first conclusion, kept when a 纠正 (appeal result) reopens the case: what the report on that year
     * counted. The report counts `first_outcome`/`first_concluded_on` when set, else `outcome`/`closed_on`;
     * the re-answer is written to `outcome`/`closed_on` and does not change a year's figures.
     */
    firstOutcome: text('first_outcome'),
    firstConcludedOn: text('first_concluded_on'),
    /** HMAC (installation key) of the ID number or 统一社会信用代码: links one applicant's cases (decisions.md #17). */
    applicantKey: text('applicant_key'),
    /** The answer's specific facts and reasons (requests/answerFacts.ts), kept for the case view and the register. */
    answerFacts: jsonb('answer_facts').$type<Record<string, unknown>>(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_receipt_code_uq').on(t.receiptCode),
    index('applications_agency_state_idx').on(t.agencyId, t.state),
    index('applications_agency_received_idx').on(t.agencyId, t.receivedOn),
    index('applications_applicant_key_idx').on(t.agencyId, t.applicantKey),
  ],
);

/** Append-only audit events. The deadline is derived from these. */
export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    applicationId: text('application_id').references(() => applications.id),
    /** User id, or 'applicant' / 'system'. */
    actor: text('actor').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [index('events_application_idx').on(t.applicationId, t.id), index('events_agency_idx').on(t.agencyId, t.createdAt)],
);

/** The answer letter (告知书) of an application: a draft until the answer is given. */
export const letters = pgTable(
  'letters',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    applicationId: text('application_id').notNull().references(() => applications.id),
    outcome: text('outcome').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull(),
    /** 文号, given when the letter is sent (agency_settings numbering). */
    number: text('number'),
    issuedOn: text('issued_on'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('letters_application_uq').on(t.applicationId)],
);

/** Files attached to an application, stored content-addressed (sha256) outside the database. */
export const attachments = pgTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    applicationId: text('application_id').notNull().references(() => applications.id),
    sha256: text('sha256').notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_application_idx').on(t.applicationId)],
);

/** One row: facts about this installation — the fingerprint of the key that encrypts its personal data. */
export const installation = pgTable('installation', {
  id: integer('id').primaryKey().default(1),
  /** sha256 of a label and the key (db/installationKey.ts); never the key itself */
  keyFingerprint: text('key_fingerprint').notNull(),
  createdAt: createdAt(),
});

/** Failed-login counters shared by every app server: per username (back-off) and per client address. */
export const loginThrottle = pgTable('login_throttle', {
  /** `user:<username>` or `ip:<address>` */
  bucket: text('bucket').primaryKey(),
  failures: integer('failures').notNull().default(0),
  blockedUntil: timestamp('blocked_until', { withTimezone: true, mode: 'string' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/**
 * Request counters of the rate limits (public intake and receipt queries, login) shared by every app server
 * on PostgreSQL (http/rateLimitStore.ts): `<route>|<client>` → hits in the window that started at window_start.
 * UNLOGGED in the migration (no WAL, no fsync per request; a crash only restarts the windows).
 */
export const rateLimit = pgTable(
  'rate_limit',
  {
    bucket: text('bucket').primaryKey(),
    hits: integer('hits').notNull().default(0),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('rate_limit_window_start_idx').on(t.windowStart)],
);

/**
 * Per-agency settings that letters and the clock need (decisions.md #11–#13, #15, #18; migration 0003).
 * A missing row means "not configured": letters cannot be sent until the 复议机关 and court are set.
 */
export const agencySettings = pgTable('agency_settings', {
  agencyId: text('agency_id').primaryKey(),
  /** department | government (Art. 49 report date, 复议机关 suggestion) */
  organKind: text('organ_kind'),
  /** 行政复议机关 printed in letters (行政复议法 2023, Arts. 24–27). */
  reviewBody: text('review_body'),
  /** The competent people's court. */
  court: text('court'),
  /** Remedies text for every other answer and notice; null → the default (decisions.md #11). */
  remediesGeneral: text('remedies_general'),
  /** Remedies text for Arts. 14–16 refusals (复议前置); null → the default. */
  remediesPrereview: text('remedies_prereview'),
  /** The 复议机关's online channel for filing a 复议 application, printed in letters served online (行政复议法 Art. 22 ¶2; migration 0011). */
  reviewOnlineChannel: text('review_online_channel'),
  /** Changes to the deadline settings (law/deadline/settings.ts). */
  deadline: jsonb('deadline').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  /** The 补正 period in working days (decisions.md #12; never under 5). */
  supplementPeriodDays: integer('supplement_period_days').notNull().default(15),
  /** Online submissions unconfirmed after this many working days are listed to clerks (#15). */
  unconfirmedAfterDays: integer('unconfirmed_after_days').notNull().default(2),
  /** 文号 pattern, e.g. `某信公〔{YYYY}〕{N}号`. */
  letterNumberPattern: text('letter_number_pattern'),
  letterCounterYear: integer('letter_counter_year'),
  letterCounter: integer('letter_counter').notNull().default(0),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Procedural notices (补正告知书, 延期答复告知书, 收费通知书 …) issued in a case: the frozen text with its 文号. */
export const notices = pgTable(
  'notices',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    applicationId: text('application_id').notNull(),
    /** requests/notices.ts NOTICE_KINDS */
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    addressee: text('addressee').notNull(),
    body: text('body').notNull(),
    issuedOn: text('issued_on').notNull(),
    /** The event of the step that issued it. */
    eventKind: text('event_kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('notices_application_idx').on(t.applicationId, t.createdAt)],
);

/**
 * One row per run of a scheduled job (e.g. `daily-reminders` / `2026-12-03`): the server that inserts it
 * runs the job; the others, sharing the database, find it there and skip (INSERT … ON CONFLICT DO NOTHING).
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    runKey: text('run_key').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
    result: jsonb('result').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.job, t.runKey] })],
);

/** What the console shows a staff member (and mails, when SMTP is configured): e.g. the morning reminder. */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    cases: jsonb('cases').$type<{ id: string; receiptCode: string; dueOn: string | null }[]>().notNull().default(sql`'[]'::jsonb`),
    emailedAt: timestamp('emailed_at', { withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Calendar years loaded into the installation from the State Council's yearly notice (or as JSON):
 * append-only, so the table is its own audit trail; the latest row of a year is in force (decisions.md #23).
 * Installation-wide, hence no agency_id.
 */
export const calendarLoads = pgTable(
  'calendar_loads',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    /** The year as the calendar takes it: `{ source, holidays: {festival: dates}, workdays: {…} }`. */
    data: jsonb('data').$type<YearOverride>().notNull(),
    /** The notice's document number or title. */
    source: text('source').notNull(),
    /** The notice's text as loaded, when it was loaded from text. */
    noticeText: text('notice_text'),
    /** User id, or `system:cli`. */
    loadedBy: text('loaded_by').notNull(),
    /** How many open cases had their clock recomputed by this load. */
    recomputed: integer('recomputed').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('calendar_loads_year_idx').on(t.year, t.id)],
);
