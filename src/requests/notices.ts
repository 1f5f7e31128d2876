/**
 * Procedural notices issued by a step (补正告知书, 延期答复告知书, 收费通知书 …): the step's spec is wrapped
 * so that the notice is drafted before the transaction (refused when the agency's 复议机关, court or 文号
 * pattern is not set), its id and title go into the step's event (the timeline), and its 文号 is allocated
 * and the frozen text stored in the same transaction as the step. DOCX and PDF are rendered from the
 * stored text (renderLetter.ts), so they are the same document every time.
 */
import { and, asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../accounts/actor.ts';
import { findAgencyById } from '../agencies/agencies.ts';
import { allocateLetterNumber, loadAgencySettings, requireLetterSettings } from '../agencies/settings.ts';
import type { AgencySettings } from '../agencies/settings.ts';
import { yearOf } from '../calendar/civilDate.ts';
import type { CivilDate } from '../calendar/civilDate.ts';
import type { Db } from '../db/open.ts';
import { notices } from '../db/schema.ts';
import { fillRemedies } from '../law/remedies.ts';
import { remediesAsServed } from './servedOnline.ts';
import type { CaseContext } from './context.ts';
import { ApplicationNotFoundError } from './errors.ts';
import type { NoticeCase, NoticeText } from './noticeDraft.ts';
import { decryptApplicant, loadCase } from './queries.ts';
import type { EventRow, LoadedCase } from './queries.ts';
import type { StepSpec } from './transition.ts';

export interface NoticeContext {
  c: LoadedCase;
  events: readonly EventRow[];
  date: CivilDate;
  notice: NoticeCase;
  settings: AgencySettings;
}

/** The common facts of every notice of the case; refuses when the agency's letter settings are missing. */
export async function noticeCase(ctx: CaseContext, c: LoadedCase, date: CivilDate): Promise<{ notice: NoticeCase; settings: AgencySettings; pattern: string }> {
  const agency = await findAgencyById(ctx.db, c.row.agencyId);
  const settings = await loadAgencySettings(ctx.db, agency ?? { id: c.row.agencyId, remediesTemplate: null });
  const req = requireLetterSettings(c.agencyName, settings);
  const applicant = decryptApplicant(ctx.key, c.row);
  // A notice is not an answer: its remedies sentence speaks of this notice.
  const remedies = fillRemedies(settings.remedies.general, req.reviewBody, req.court).replaceAll('本答复', '本告知书');
  return {
    settings,
    pattern: req.letterNumberPattern,
    notice: {
      agencyName: c.agencyName,
      agencyAddress: agency?.address ?? null,
      agencyPhone: agency?.phone ?? null,
      applicantName: applicant.name,
      natural: applicant.kind === 'natural_person',
      receiptCode: c.row.receiptCode,
      description: c.row.description,
      receivedOn: c.row.receivedOn,
      issuedOn: date,
      // served as the applicant chose (online: with the online 复议 channel, when set)
      remedies: remediesAsServed(remedies, settings.reviewOnlineChannel, c.row.delivery),
      // the third party is not served by the applicant's delivery method: no online channel is assumed
      thirdPartyRemedies: remedies,
    },
  };
}

/** The step, issuing the notice `build` drafts. */
export function withNotice(ctx: CaseContext, spec: StepSpec, build: (n: NoticeContext) => NoticeText | Promise<NoticeText>): StepSpec {
  let drafted: { id: string; text: NoticeText; pattern: string } | undefined;
  return {
    ...spec,
    prepare: async (c, events, date) => {
      await spec.prepare?.(c, events, date);
      const { notice, settings, pattern } = await noticeCase(ctx, c, date);
      drafted = { id: uuidv7(), text: await build({ c, events, date, notice, settings }), pattern };
    },
    payload: (c, events, date) => {
      const own = typeof spec.payload === 'function' ? spec.payload(c, events, date) : (spec.payload ?? {});
      if (drafted === undefined) throw new Error('notice not prepared');
      return { ...own, notice: { id: drafted.id, kind: drafted.text.kind, title: drafted.text.title } };
    },
    alsoWrite: async (tx, c, date, eventId) => {
      await spec.alsoWrite?.(tx, c, date, eventId);
      if (drafted === undefined) throw new Error('notice not prepared');
      const number = await allocateLetterNumber(tx, c.row.agencyId, drafted.pattern, yearOf(date));
      await tx.insert(notices).values({
        id: drafted.id,
        agencyId: c.row.agencyId,
        applicationId: c.row.id,
        kind: drafted.text.kind,
        number,
        title: drafted.text.title,
        addressee: drafted.text.addressee,
        body: drafted.text.body,
        issuedOn: date,
        eventKind: spec.eventKind,
      });
    },
  };
}

export interface NoticeView {
  id: string;
  kind: string;
  number: string;
  title: string;
  addressee: string;
  body: string;
  issuedOn: string;
  eventKind: string;
  receiptCode: string;
}

/** The notices of a case, oldest first. */
export async function listNotices(db: Db, actor: Actor, applicationId: string): Promise<NoticeView[]> {
  const c = await loadCase(db, actor, applicationId);
  const rows = await db.select().from(notices).where(eq(notices.applicationId, applicationId)).orderBy(asc(notices.createdAt), asc(notices.id));
  return rows.map((r) => ({ id: r.id, kind: r.kind, number: r.number, title: r.title, addressee: r.addressee, body: r.body, issuedOn: r.issuedOn, eventKind: r.eventKind, receiptCode: c.row.receiptCode }));
}

export async function getNotice(db: Db, actor: Actor, applicationId: string, noticeId: string): Promise<NoticeView> {
  const c = await loadCase(db, actor, applicationId);
  const rows = await db.select().from(notices).where(and(eq(notices.applicationId, applicationId), eq(notices.id, noticeId))).limit(1);
  const r = rows[0];
  if (r === undefined) throw new ApplicationNotFoundError(noticeId);
  return { id: r.id, kind: r.kind, number: r.number, title: r.title, addressee: r.addressee, body: r.body, issuedOn: r.issuedOn, eventKind: r.eventKind, receiptCode: c.row.receiptCode };
}
