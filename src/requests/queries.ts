/** Reads of applications: one case (scoped to the actor), its events, lists with masked personal data. */
import { and, asc, desc, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { inScope } from '../accounts/actor.ts';
import type { Db } from '../db/open.ts';
import { agencies, applications, attachments, events, letters, users } from '../db/schema.ts';
import type { SecretKey } from '../db/secretKey.ts';
import { applicantKindLabel, isApplicantKind } from '../law/applicants.ts';
import { isCaseOutcome } from '../law/outcomes.ts';
import { WORKFLOW_STATE_LABELS } from '../law/transitions.ts';
import type { WorkflowState } from '../law/transitions.ts';
import { OUTCOME_LABELS } from './outcomeLabels.ts';
import type { Applicant } from './applicationInput.ts';
import { ApplicationNotFoundError } from './errors.ts';
import { maskName, maskNumber } from './identity.ts';
import { provisionalYearsOfClock } from './clock.ts';
import type { CaseEvent } from './clock.ts';

export type ApplicationRow = typeof applications.$inferSelect;
export type EventRow = typeof events.$inferSelect;

export interface LoadedCase {
  row: ApplicationRow;
  agencyCode: string;
  agencyName: string;
  agencyPath: string;
}

/** The case, when it exists and the actor may see it; otherwise ApplicationNotFoundError (no existence leak). */
export async function loadCase(db: Db, actor: Actor, id: string): Promise<LoadedCase> {
  const rows = await db
    .select({ row: applications, agencyCode: agencies.code, agencyName: agencies.name, agencyPath: agencies.path })
    .from(applications)
    .innerJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(eq(applications.id, id))
    .limit(1);
  const found = rows[0];
  if (found === undefined || !inScope(actor, found.agencyPath)) throw new ApplicationNotFoundError(id);
  return found;
}

export async function loadEvents(db: Db, applicationId: string): Promise<EventRow[]> {
  return db.select().from(events).where(eq(events.applicationId, applicationId)).orderBy(asc(events.createdAt), asc(events.id));
}

export function toCaseEvents(rows: readonly EventRow[]): CaseEvent[] {
  return rows.map((r) => ({ kind: r.kind, payload: r.payload }));
}

export function decryptApplicant(key: SecretKey, row: Pick<ApplicationRow, 'personalData'>): Applicant {
  return key.decryptJson(row.personalData) as Applicant;
}

export function maskApplicant(a: Applicant): Applicant {
  return {
    ...a,
    name: a.kind === 'natural_person' && typeof a.name === 'string' ? maskName(a.name) : a.name,
    ...(a.idNumber !== undefined ? { idNumber: maskNumber(a.idNumber) } : {}),
    // cases imported from a register may lack a phone number
    ...(typeof a.phone === 'string' ? { phone: maskNumber(a.phone) } : {}),
    ...(a.email !== undefined ? { email: a.email.replace(/^(.).*(@.*)$/, '$1***$2') } : {}),
    ...(a.address !== undefined ? { address: `${[...a.address].slice(0, 6).join('')}****` } : {}),
    ...(a.contactPerson !== undefined ? { contactPerson: maskName(a.contactPerson) } : {}),
  };
}

export interface ApplicationView {
  id: string;
  agencyCode: string;
  agencyName: string;
  receiptCode: string;
  channel: string;
  state: string;
  stateLabel: string;
  outcome: string | null;
  outcomeLabel: string | null;
  visibility: string;
  applicantKind: string;
  applicantKindLabel: string;
  applicant: Applicant;
  description: string;
  documentNumber: string | null;
  purpose: string | null;
  form: string;
  delivery: string;
  submittedAt: string;
  receivedOn: string | null;
  dueOn: string | null;
  clock: unknown;
  extension: string;
  answeredOn: string | null;
  closedOn: string | null;
  /** The answer's specific facts and reasons (answerFacts.ts). */
  answerFacts: Record<string, unknown> | null;
  version: number;
}

/** `plainApplicant`: the applicant the caller has just encrypted into the row (spares decrypting it again). */
export function toView(key: SecretKey, c: LoadedCase, masked: boolean, plainApplicant?: Applicant): ApplicationView {
  const r = c.row;
  const applicant = plainApplicant ?? decryptApplicant(key, r);
  return {
    id: r.id,
    agencyCode: c.agencyCode,
    agencyName: c.agencyName,
    receiptCode: r.receiptCode,
    channel: r.channel,
    state: r.state,
    stateLabel: WORKFLOW_STATE_LABELS[r.state as WorkflowState] ?? r.state,
    outcome: r.outcome,
    outcomeLabel: r.outcome !== null && isCaseOutcome(r.outcome) ? OUTCOME_LABELS[r.outcome] : null,
    visibility: r.visibility,
    applicantKind: r.applicantKind,
    applicantKindLabel: isApplicantKind(r.applicantKind) ? applicantKindLabel(r.applicantKind) : r.applicantKind,
    applicant: masked ? maskApplicant(applicant) : applicant,
    description: r.description,
    documentNumber: r.documentNumber,
    purpose: r.purpose,
    form: r.form,
    delivery: r.delivery,
    submittedAt: r.submittedAt,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    clock: r.clock,
    extension: r.extension,
    answeredOn: r.answeredOn,
    closedOn: r.closedOn,
    answerFacts: r.answerFacts ?? null,
    version: r.version,
  };
}

/** One case for staff, personal data masked (showing it in full is the audited revealApplicant). */
export async function getApplication(db: Db, actor: Actor, key: SecretKey, id: string): Promise<ApplicationView> {
  return toView(key, await loadCase(db, actor, id), true);
}

export interface ListItem {
  id: string;
  agencyCode: string;
  receiptCode: string;
  state: string;
  stateLabel: string;
  outcome: string | null;
  applicantKind: string;
  applicant: string;
  description: string;
  receivedOn: string | null;
  dueOn: string | null;
  /** The years the due date was counted Monday to Friday in (not loaded yet): the due date is 暂定. Empty: final. */
  provisionalYears: number[];
  version: number;
}

export interface ListFilter {
  state?: string | undefined;
  agencyCode?: string | undefined;
  /** Text found in the receipt code, the request or the masked applicant. */
  q?: string | undefined;
  /** `due`: earliest due date first; default newest first. */
  sort?: 'due' | 'newest' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Cases in the actor's subtree, newest first; the applicant's name masked. */
export async function listApplications(db: Db, actor: Actor, filter: ListFilter = {}): Promise<{ items: ListItem[]; total: number }> {
  const root = actor.kind === 'staff' ? actor.agencyPath : '/';
  const conds: SQL[] = [like(agencies.path, `${root}%`)];
  if (filter.state !== undefined) conds.push(eq(applications.state, filter.state));
  if (filter.agencyCode !== undefined) conds.push(eq(agencies.code, filter.agencyCode));
  const q = filter.q?.trim();
  if (q !== undefined && q !== '') {
    const pattern = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const found = or(ilike(applications.receiptCode, pattern), ilike(applications.description, pattern), ilike(applications.applicantMasked, pattern));
    if (found !== undefined) conds.push(found);
  }
  const where = and(...conds);
  const rows = await db
    .select({
      id: applications.id,
      agencyCode: agencies.code,
      receiptCode: applications.receiptCode,
      state: applications.state,
      outcome: applications.outcome,
      applicantKind: applications.applicantKind,
      applicant: applications.applicantMasked,
      description: applications.description,
      receivedOn: applications.receivedOn,
      dueOn: applications.dueOn,
      clock: applications.clock,
      version: applications.version,
    })
    .from(applications)
    .innerJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(where)
    .orderBy(...(filter.sort === 'due' ? [sql`${applications.dueOn} asc nulls last`, desc(applications.id)] : [desc(applications.id)]))
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .innerJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(where);
  return {
    items: rows.map(({ clock, ...r }) => ({ ...r, provisionalYears: provisionalYearsOfClock(clock), stateLabel: WORKFLOW_STATE_LABELS[r.state as WorkflowState] ?? r.state })),
    total: count?.n ?? 0,
  };
}

export interface TimelineEntry {
  id: string;
  kind: string;
  label: string;
  date: string | null;
  actor: string;
  /** The staff member's display name (or 申请人 / 系统). */
  actorName: string;
  at: string;
  dueOn: string | null;
  reasoning: readonly string[];
  payload: Record<string, unknown>;
}

export const EVENT_LABELS: Record<string, string> = {
  submitted: '提交申请',
  received: '收到申请（起算）',
  'supplement-requested': '告知补正',
  'supplement-received': '收到补正申请（重新起算）',
  'supplement-lapsed': '逾期未补正',
  'third-party-sent': '征求第三方意见',
  'third-party-replied': '收到第三方意见',
  'agency-consultation-sent': '征求其他机关意见',
  'agency-consultation-replied': '收到其他机关意见',
  'extension-requested': '申请延期答复',
  extended: '批准延期答复',
  'fee-notice-sent': '发出收费通知',
  'fee-paid': '收到缴费',
  'fee-lapsed': '逾期未缴费',
  'letter-saved': '保存告知书',
  answered: '作出答复',
  delivered: '送达',
  withdrawn: '申请人撤回申请',
  split: '拆分申请（一事一申请）',
  'submission-rejected': '不予登记（非政府信息公开申请）',
  'third-party-lapsed': '第三方逾期未提出意见',
  'third-party-disclosure-notified': '书面告知第三方决定公开',
  'agency-consultation-lapsed': '其他机关逾期未答复（视为同意）',
  'reasons-requested': '要求申请人说明理由（第三十五条）',
  'reasons-received': '收到申请人说明的理由',
  'reasons-lapsed': '申请人逾期未说明理由',
  'attachment-added': '添加附件',
  'applicant-revealed': '查看申请人完整信息',
  imported: '由台账导入',
  reopened: '重新办理',
  'calendar-recomputed': '载入节假日安排，重新计算答复期限',
};

/** The case's steps: who, when, what, and the due date with its reasoning after each step. */
export async function timeline(db: Db, actor: Actor, id: string): Promise<TimelineEntry[]> {
  await loadCase(db, actor, id);
  const rows = await loadEvents(db, id);
  const ids = [...new Set(rows.map((e) => e.actor))];
  const names = new Map((await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]));
  return rows.map((e) => toTimelineEntry(e, names));
}

function actorName(actor: string, names: ReadonlyMap<string, string>): string {
  if (actor === 'applicant') return '申请人';
  if (actor.startsWith('system')) return '系统';
  return names.get(actor) ?? actor;
}

export function toTimelineEntry(e: EventRow, names: ReadonlyMap<string, string> = new Map()): TimelineEntry {
  const { dueOn, reasoning, ...rest } = e.payload as { dueOn?: string | null; reasoning?: string[] } & Record<string, unknown>;
  return {
    id: e.id,
    kind: e.kind,
    label: EVENT_LABELS[e.kind] ?? e.kind,
    date: typeof rest['date'] === 'string' ? rest['date'] : null,
    actor: e.actor,
    actorName: actorName(e.actor, names),
    at: e.createdAt,
    dueOn: dueOn ?? null,
    reasoning: reasoning ?? [],
    payload: rest,
  };
}

export async function listAttachments(db: Db, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return [];
  return db.select().from(attachments).where(inArray(attachments.applicationId, [...applicationIds]));
}

export async function findLetter(db: Db, applicationId: string) {
  const rows = await db.select().from(letters).where(eq(letters.applicationId, applicationId)).limit(1);
  return rows[0];
}
