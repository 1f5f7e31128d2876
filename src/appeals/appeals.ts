/**
 * Appeal records over the database: record one (linked to the applications it concerns, by id or by the
 * agency's 编号), and a 纠正 reopens each linked application (transition `reopen`, through runStep) for a new
 * answer with a new 20-working-day deadline counted from the day after the decision — in the same
 * transaction as the record and its audit events. The reopening keeps the application's first conclusion
 * (the one the report on that year counted), so a locked year stays as published.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorId, inScope, requireRole, type Actor } from '../accounts/actor.ts';
import { ForbiddenError } from '../accounts/errors.ts';
import { getAgencyByCode, type AgencyRow } from '../agencies/agencies.ts';
import type { Db } from '../db/open.ts';
import { applications, events } from '../db/schema.ts';
import { appealColumnInYear, CORRECTION_KINDS, isCorrectionKind, decisionReopensApplication } from '../law/appealResults.ts';
import { PERMISSIONS } from '../law/transitions.ts';
import { applicationRefs } from '../register/schema.ts';
import { lockedYears, ReportLockedError } from '../report/build/db.ts';
import type { CaseContext } from '../requests/context.ts';
import { reopenApplication } from '../requests/reopenApplication.ts';
import { ValidationError } from '../shared/domainError.ts';
import { appealInputIssues, type AppealInput, type AppealRecord } from './records.ts';
import { appealApplications, appeals } from './schema.ts';

export interface RecordAppealResult {
  appeal: AppealRecord;
  /** applications reopened by a 纠正, with their new due date */
  reopened: { applicationId: string; dueOn: string | null }[];
}

async function scopedAgency(db: Db, actor: Actor, code: string): Promise<AgencyRow> {
  const agency = await getAgencyByCode(db, code, 'agency');
  if (!inScope(actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  return agency;
}

/** A record that would change table 4 of a published (locked) year is refused until the year is reopened. */
async function assertAppealChangeAllowed(db: Db, agencyId: string, value: AppealInput): Promise<void> {
  const decision = value.result === 'pending' ? null : value.result;
  const conflicts = [];
  for (const { year } of await lockedYears(db, agencyId)) {
    const column = appealColumnInYear({ filedOn: value.filedOn, decidedOn: decision === null ? null : value.decidedOn, decision }, year);
    if (column !== null) conflicts.push({ year, cells: [`appeals.${value.path}.${column}`, `appeals.${value.path}.total`] });
  }
  if (conflicts.length > 0) throw new ReportLockedError(conflicts);
}

export async function recordAppeal(ctx: CaseContext, agencyCode: string, input: unknown): Promise<RecordAppealResult> {
  const { db, actor } = ctx;
  requireRole(actor, PERMISSIONS.recordAppeals, '登记行政复议、行政诉讼');
  const { value, issues } = appealInputIssues(input);
  if (value === undefined) throw new ValidationError('行政复议、行政诉讼记录', issues);
  const agency = await scopedAgency(db, actor, agencyCode);

  // Each reference is an application id or a 编号 of this agency.
  const byId = await db.select({ id: applications.id }).from(applications).where(and(eq(applications.agencyId, agency.id), inArray(applications.id, value.applications)));
  const byRef = await db
    .select({ id: applicationRefs.applicationId, ref: applicationRefs.ref })
    .from(applicationRefs)
    .where(and(eq(applicationRefs.agencyId, agency.id), inArray(applicationRefs.ref, value.applications)));
  const resolved = new Map<string, string>();
  for (const r of byId) resolved.set(r.id, r.id);
  for (const r of byRef) resolved.set(r.ref, r.id);
  const unknown = value.applications.filter((a) => !resolved.has(a));
  if (unknown.length > 0)
    throw new ValidationError('行政复议、行政诉讼记录', unknown.map((a) => ({ path: 'appeal.applications', rule: 'application.unknown', message: `${agency.name}没有申请“${a}”` })));
  const applicationIds = [...new Set(value.applications.map((a) => resolved.get(a)!))];

  const id = uuidv7();
  const reopened: RecordAppealResult['reopened'] = [];
  const by = actorId(actor);
  await db.transaction(async (tx) => {
    await assertAppealChangeAllowed(tx as unknown as Db, agency.id, value);
    await tx.insert(appeals).values({ id, agencyId: agency.id, body: value.body, caseNumber: value.caseNumber, path: value.path, filedOn: value.filedOn, result: value.result, decidedOn: value.decidedOn, note: value.note ?? null, correction: value.correction ?? null, servedOn: value.servedOn ?? null });
    await tx.insert(appealApplications).values(applicationIds.map((applicationId) => ({ appealId: id, applicationId, agencyId: agency.id })));
    for (const applicationId of applicationIds) {
      await tx.insert(events).values({ id: uuidv7(), agencyId: agency.id, applicationId, actor: by, kind: 'appeal.recorded', payload: { date: value.filedOn, appealId: id, caseNumber: value.caseNumber, body: value.body, path: value.path, result: value.result, decidedOn: value.decidedOn } });
    }
    // decisions.md #14: only 撤销并责令重新答复 and 责令履行 order a new answer; 确认违法 and 变更 do not.
    const reopens = value.correction !== undefined && CORRECTION_KINDS[value.correction].reopens;
    if (value.result !== 'pending' && value.decidedOn !== null && decisionReopensApplication(value.result) && reopens) {
      // The step runs on the transaction (its own writes become a savepoint): all of it, or none.
      const inTx: CaseContext = { ...ctx, db: tx };
      for (const applicationId of applicationIds) {
        const [row] = await tx.select({ version: applications.version }).from(applications).where(eq(applications.id, applicationId));
        const step = await reopenApplication(inTx, { applicationId, version: row?.version ?? 0, date: value.servedOn ?? value.decidedOn, days: value.periodDays, appealId: id, body: value.body, caseNumber: value.caseNumber });
        reopened.push({ applicationId, dueOn: step.clock.dueOn });
      }
    }
  });
  return { appeal: { id, ...value, applications: applicationIds }, reopened };
}

export interface AppealListItem extends AppealRecord {
  createdAt: string;
}

/** The agency's appeal records (those counting in `year` when given), with the applications they concern. */
export async function listAppeals(db: Db, actor: Actor, agencyCode: string, year?: number): Promise<AppealListItem[]> {
  requireRole(actor, PERMISSIONS.readAppeals, '查看行政复议、行政诉讼记录');
  const agency = await scopedAgency(db, actor, agencyCode);
  const inYear =
    year === undefined ? undefined : and(lte(appeals.filedOn, `${year}-12-31`), or(isNull(appeals.decidedOn), gte(appeals.decidedOn, `${year}-01-01`)));
  const rows = await db.select().from(appeals).where(and(eq(appeals.agencyId, agency.id), inYear)).orderBy(asc(appeals.filedOn), asc(appeals.id));
  const links = rows.length === 0 ? [] : await db.select().from(appealApplications).where(inArray(appealApplications.appealId, rows.map((r) => r.id)));
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    caseNumber: r.caseNumber,
    path: r.path as AppealRecord['path'],
    filedOn: r.filedOn,
    result: r.result as AppealRecord['result'],
    decidedOn: r.decidedOn,
    applications: links.filter((l) => l.appealId === r.id).map((l) => l.applicationId),
    ...(r.note !== null ? { note: r.note } : {}),
    ...(r.correction !== null && isCorrectionKind(r.correction) ? { correction: r.correction } : {}),
    ...(r.servedOn !== null ? { servedOn: r.servedOn } : {}),
    createdAt: r.createdAt,
  }));
}
