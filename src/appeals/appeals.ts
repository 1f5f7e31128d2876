/**
 * Appeal records over the database: record one (linked to the applications it concerns, by id or by the
 * agency's 编号), and a 纠正 reopens each linked application for a new answer with a new 20-working-day
 * deadline counted from the day after the decision. The reopening keeps the application's first
 * conclusion — the one the report on that year counted — so a locked year stays as published.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorId, inScope, requireRole, type Actor } from '../accounts/actor.ts';
import { ForbiddenError } from '../accounts/errors.ts';
import { getAgencyByCode } from '../agencies/agencies.ts';
import { defaultWorkCalendar, type WorkCalendar } from '../calendar/workCalendar.ts';
import type { Db } from '../db/open.ts';
import { applications, events } from '../db/schema.ts';
import { decisionReopensApplication } from '../law/appealResults.ts';
import { ValidationError } from '../shared/domainError.ts';
import { applicationRefs } from '../register/schema.ts';
import { ensureReportTables } from '../report/build/tables.ts';
import { appealInputIssues, type AppealRecord } from './records.ts';
import { appealApplications, appeals } from './schema.ts';

/** The answer period of 条例 Art. 33 (decisions.md clock conventions): 20 working days. */
const ANSWER_PERIOD_WORKDAYS = 20;

export interface RecordAppealResult {
  appeal: AppealRecord;
  /** applications reopened by a 纠正, with their new due date */
  reopened: { applicationId: string; dueOn: string }[];
}

export async function recordAppeal(db: Db, actor: Actor, agencyCode: string, input: unknown, calendar: WorkCalendar = defaultWorkCalendar()): Promise<RecordAppealResult> {
  requireRole(actor, ['clerk', 'head', 'admin'], '登记行政复议、行政诉讼');
  const { value, issues } = appealInputIssues(input);
  if (value === undefined) throw new ValidationError('The appeal record', issues);
  await ensureReportTables(db);
  const agency = await getAgencyByCode(db, agencyCode, 'agency');
  if (!inScope(actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');

  // Each reference is an application id or a 编号 of this agency.
  const byId = await db.select({ id: applications.id }).from(applications).where(and(eq(applications.agencyId, agency.id), inArray(applications.id, value.applications)));
  const byRef = await db
    .select({ id: applicationRefs.applicationId, ref: applicationRefs.ref })
    .from(applicationRefs)
    .where(and(eq(applicationRefs.agencyId, agency.id), or(inArray(applicationRefs.ref, value.applications))));
  const resolved = new Map<string, string>();
  for (const r of byId) resolved.set(r.id, r.id);
  for (const r of byRef) resolved.set(r.ref, r.id);
  const unknown = value.applications.filter((a) => !resolved.has(a));
  if (unknown.length > 0)
    throw new ValidationError('The appeal record', unknown.map((a) => ({ path: 'appeal.applications', rule: 'application.unknown', message: `${agency.name}没有申请“${a}”` })));
  const applicationIds = [...new Set(value.applications.map((a) => resolved.get(a)!))];

  const id = uuidv7();
  const reopened: { applicationId: string; dueOn: string }[] = [];
  const by = actorId(actor);
  await db.transaction(async (tx) => {
    await tx.insert(appeals).values({ id, agencyId: agency.id, body: value.body, caseNumber: value.caseNumber, path: value.path, filedOn: value.filedOn, result: value.result, decidedOn: value.decidedOn, note: value.note ?? null });
    await tx.insert(appealApplications).values(applicationIds.map((applicationId) => ({ appealId: id, applicationId, agencyId: agency.id })));
    for (const applicationId of applicationIds) {
      await tx.insert(events).values({ id: uuidv7(), agencyId: agency.id, applicationId, actor: by, kind: 'appeal.recorded', payload: { date: value.filedOn, appealId: id, caseNumber: value.caseNumber, body: value.body, path: value.path, result: value.result } });
    }
    if (value.result !== 'pending' && value.decidedOn !== null && decisionReopensApplication(value.result)) {
      const dueOn = calendar.addWorkdays(value.decidedOn, ANSWER_PERIOD_WORKDAYS);
      for (const applicationId of applicationIds) {
        const rows = await tx.select({ version: applications.version }).from(applications).where(eq(applications.id, applicationId));
        const version = (rows[0]?.version ?? 0) + 1;
        // State and deadline change; outcome and closed_on (what the reports counted) stay.
        await tx.update(applications).set({ state: 'processing', dueOn, version }).where(eq(applications.id, applicationId));
        await tx.insert(events).values({
          id: uuidv7(),
          agencyId: agency.id,
          applicationId,
          actor: by,
          kind: 'reopened',
          payload: { date: value.decidedOn, appealId: id, caseNumber: value.caseNumber, reason: `${value.body}${value.caseNumber}结果纠正，重新答复`, dueOn, rule: `自${value.decidedOn}次日起算 ${ANSWER_PERIOD_WORKDAYS} 个工作日`, version },
        });
        reopened.push({ applicationId, dueOn });
      }
    }
  });
  return { appeal: { id, ...value, applications: applicationIds }, reopened };
}
