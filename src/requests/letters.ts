/** Loading the facts for a letter draft, and reading a saved letter. */
import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { findAgencyById } from '../agencies/agencies.ts';
import { loadAgencySettings } from '../agencies/settings.ts';
import type { AgencySettings } from '../agencies/settings.ts';
import type { Actor } from '../accounts/actor.ts';
import type { Db } from '../db/open.ts';
import { applications, letters } from '../db/schema.ts';
import { isSealedText, type SecretKey } from '../db/secretKey.ts';
import { CHANNELS } from '../law/deadline/index.ts';
import { isCaseOutcome, OUTCOME_LAW } from '../law/outcomes.ts';
import type { CaseOutcome } from '../law/outcomes.ts';
import { fillRemedies, remedyKindFor } from '../law/remedies.ts';
import { ValidationError } from '../shared/domainError.ts';
import type { Tx } from '../db/open.ts';
import { parseAnswerFacts } from './answerFacts.ts';
import type { AnswerFacts } from './answerFacts.ts';
import { draftLetter, placeholder } from './letterDraft.ts';
import type { LetterText, ThirdPartyRecord } from './letterDraft.ts';
import { decryptApplicant, findLetter, loadCase, loadEvents } from './queries.ts';
import { remediesAsServed } from './servedOnline.ts';
import type { EventRow, LoadedCase } from './queries.ts';
import { todayInChina } from './today.ts';

export interface LetterView extends LetterText {
  applicationId: string;
  outcome: string;
  status: 'draft' | 'saved' | 'sent';
  /** 文号: given when the letter is sent. */
  number: string | null;
  issuedOn: string | null;
  agencyName: string;
  receiptCode: string;
}

export function parseOutcome(value: string, path = 'outcome'): CaseOutcome {
  if (!isCaseOutcome(value)) throw new ValidationError('答复结果', [{ path, rule: 'enum', message: `「${value}」不是年度报告表三中的办理结果` }]);
  return value;
}

/** The third-party consultation on record (the latest reply or lapse). */
export function thirdPartyRecord(events: readonly EventRow[]): { record: ThirdPartyRecord; on: string | null } {
  const last = [...events].reverse().find((e) => e.kind === 'third-party-replied' || e.kind === 'third-party-lapsed');
  if (last === undefined) return { record: 'none', on: null };
  const date = typeof last.payload['date'] === 'string' ? last.payload['date'] : null;
  if (last.kind === 'third-party-lapsed') return { record: 'lapsed', on: date };
  const opinion = last.payload['opinion'];
  return { record: opinion === 'objects' ? 'objects' : opinion === 'agrees' ? 'agrees' : 'lapsed', on: date };
}

/**
 * The remedies paragraph for a letter: the agency's text for its kind, with 复议机关 and court (placeholders
 * when not set); served online (`delivery`, servedOnline.ts), also the 复议机关's online filing channel when
 * the agency has set it (行政复议法 Art. 22 ¶2; not set: a warning in 机关设置, the letter still goes out).
 */
export function remediesFor(settings: AgencySettings, delivery: string, outcome: CaseOutcome, withheldGrounds: readonly string[] = []): string {
  const kind = remedyKindFor(outcome, withheldGrounds);
  const filled = fillRemedies(settings.remedies[kind], settings.reviewBody ?? placeholder('行政复议机关（机关设置）'), settings.court ?? placeholder('人民法院（机关设置）'));
  return remediesAsServed(filled, settings.reviewOnlineChannel, delivery);
}

/** The earlier answered case of the same applicant, by its receipt code (36(六)). */
export async function findEarlierAnswered(db: Db, c: LoadedCase, receiptCode: string) {
  const rows = await db
    .select({ id: applications.id, receiptCode: applications.receiptCode, applicantKey: applications.applicantKey, answeredOn: applications.answeredOn, outcome: applications.outcome })
    .from(applications)
    .where(and(eq(applications.agencyId, c.row.agencyId), eq(applications.receiptCode, receiptCode)))
    .limit(1);
  const row = rows[0];
  if (row === undefined) return undefined;
  const letter = await findLetter(db, row.id);
  return { ...row, number: letter?.status === 'sent' ? (letter.number ?? null) : null };
}

export interface DraftOptions {
  facts?: AnswerFacts;
  /** The item outcomes of a several-item answer (their refusal grounds choose the remedies). */
  itemOutcomes?: readonly string[];
}

/** The draft text for an outcome, from the case as it stands. */
export async function draftFor(db: Db, key: SecretKey, c: LoadedCase, events: readonly EventRow[], outcome: CaseOutcome, issuedOn: string, options: DraftOptions = {}): Promise<LetterText> {
  const agency = await findAgencyById(db, c.row.agencyId);
  const settings = await loadAgencySettings(db, agency ?? { id: c.row.agencyId, remediesTemplate: null });
  const applicant = decryptApplicant(key, c.row);
  const supplement = [...events].reverse().find((e) => e.kind === 'supplement-received');
  const extended = events.find((e) => e.kind === 'extended');
  const tp = thirdPartyRecord(events);
  const facts = options.facts ?? parseAnswerFacts(c.row.answerFacts ?? undefined);
  const earlier = facts.earlierReceiptCode === undefined ? undefined : await findEarlierAnswered(db, c, facts.earlierReceiptCode);
  const channel = c.row.channel;
  return draftLetter({
    outcome,
    facts,
    agencyName: c.agencyName,
    agencyAddress: agency?.address ?? null,
    agencyPhone: agency?.phone ?? null,
    applicantName: applicant.name,
    natural: applicant.kind === 'natural_person',
    receiptCode: c.row.receiptCode,
    description: c.row.description,
    receivedOn: c.row.receivedOn,
    channelText: Object.hasOwn(CHANNELS, channel) ? CHANNELS[channel as keyof typeof CHANNELS].submitted : null,
    supplementReceivedOn: typeof supplement?.payload['date'] === 'string' ? supplement.payload['date'] : null,
    extendedDays: extended === undefined ? null : Number(extended.payload['days'] ?? 20),
    thirdParty: tp.record,
    thirdPartyRepliedOn: tp.on,
    earlier: earlier === undefined ? null : { receiptCode: earlier.receiptCode, number: earlier.number, answeredOn: earlier.answeredOn },
    remedies: remediesFor(settings, c.row.delivery, outcome, options.itemOutcomes ?? []),
    issuedOn,
  });
}

/** The letter of a case: the saved or sent one, else a fresh draft for `outcome` (or the case's outcome). */
export async function getLetter(db: Db, actor: Actor, key: SecretKey, applicationId: string, outcome?: string, today?: string): Promise<LetterView> {
  const c = await loadCase(db, actor, applicationId);
  const saved = await findLetter(db, applicationId);
  const base = { applicationId, agencyName: c.agencyName, receiptCode: c.row.receiptCode };
  if (saved !== undefined && (outcome === undefined || outcome === saved.outcome || saved.status === 'sent')) {
    const o = parseOutcome(saved.outcome);
    // The articles this case's letter relies on (36(一) vs (二), (四) vs (五), Art. 32 only when consulted).
    const articles = c.row.outcome === o ? (await draftFor(db, key, c, await loadEvents(db, applicationId), o, saved.issuedOn ?? today ?? todayInChina())).articles : OUTCOME_LAW[o].articles;
    return { ...base, title: saved.title, body: openLetterBody(key, saved.body), articles, outcome: o, status: saved.status === 'sent' ? 'sent' : 'saved', number: saved.number ?? null, issuedOn: saved.issuedOn };
  }
  const o = parseOutcome(outcome ?? c.row.outcome ?? 'granted');
  const draft = await draftFor(db, key, c, await loadEvents(db, applicationId), o, today ?? todayInChina());
  return { ...base, ...draft, outcome: o, status: 'draft', number: null, issuedOn: null };
}

/** A stored letter body in clear: sealed with the key (letters saved since encryption), or plain (before). */
export function openLetterBody(key: SecretKey, stored: string): string {
  return isSealedText(stored) ? key.decrypt(stored) : stored;
}

/**
 * Insert or replace the case's letter inside a transaction. The body names the applicant in full, so it is
 * stored encrypted like the personal data; `openLetterBody` reads it.
 */
export async function upsertLetter(
  tx: Tx,
  key: SecretKey,
  c: LoadedCase,
  letter: { outcome: string; title: string; body: string; status: 'saved' | 'sent'; issuedOn: string | null; number?: string | null },
): Promise<void> {
  const number = letter.number ?? null;
  const body = key.encrypt(letter.body);
  await tx
    .insert(letters)
    .values({ id: uuidv7(), agencyId: c.row.agencyId, applicationId: c.row.id, outcome: letter.outcome, title: letter.title, body, status: letter.status, issuedOn: letter.issuedOn, number })
    .onConflictDoUpdate({
      target: letters.applicationId,
      set: { outcome: letter.outcome, title: letter.title, body, status: letter.status, issuedOn: letter.issuedOn, number, updatedAt: sql`now()` },
    });
}
