/** Loading the facts for a letter draft, and reading a saved letter. */
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { findAgencyById, remediesText } from '../agencies/agencies.ts';
import type { Actor } from '../accounts/actor.ts';
import type { Db } from '../db/open.ts';
import { letters } from '../db/schema.ts';
import { isSealedText, type SecretKey } from '../db/secretKey.ts';
import { isCaseOutcome, OUTCOME_LAW } from '../law/outcomes.ts';
import type { CaseOutcome } from '../law/outcomes.ts';
import { ValidationError } from '../shared/domainError.ts';
import type { Tx } from '../db/open.ts';
import { draftLetter } from './letterDraft.ts';
import type { LetterText } from './letterDraft.ts';
import { decryptApplicant, findLetter, loadCase, loadEvents } from './queries.ts';
import type { EventRow, LoadedCase } from './queries.ts';
import { todayInChina } from './today.ts';

export interface LetterView extends LetterText {
  applicationId: string;
  outcome: string;
  status: 'draft' | 'saved' | 'sent';
  issuedOn: string | null;
  agencyName: string;
  receiptCode: string;
}

export function parseOutcome(value: string, path = 'outcome'): CaseOutcome {
  if (!isCaseOutcome(value)) throw new ValidationError('答复结果', [{ path, rule: 'enum', message: `「${value}」不是年度报告表三中的办理结果` }]);
  return value;
}

/** The draft text for an outcome, from the case as it stands. */
export async function draftFor(db: Db, key: SecretKey, c: LoadedCase, events: readonly EventRow[], outcome: CaseOutcome, issuedOn: string): Promise<LetterText> {
  const agency = await findAgencyById(db, c.row.agencyId);
  const parent = agency?.parentId ? await findAgencyById(db, agency.parentId) : undefined;
  const applicant = decryptApplicant(key, c.row);
  const supplement = [...events].reverse().find((e) => e.kind === 'supplement-received');
  const extended = events.find((e) => e.kind === 'extended');
  return draftLetter({
    outcome,
    agencyName: c.agencyName,
    applicantName: applicant.name,
    natural: applicant.kind === 'natural_person',
    receiptCode: c.row.receiptCode,
    description: c.row.description,
    receivedOn: c.row.receivedOn,
    supplementReceivedOn: typeof supplement?.payload['date'] === 'string' ? supplement.payload['date'] : null,
    extendedDays: extended === undefined ? null : Number(extended.payload['days'] ?? 20),
    thirdPartyConsulted: events.some((e) => e.kind === 'third-party-sent'),
    remedies: remediesText(agency ?? { remediesTemplate: null }, parent?.name ?? '有关行政复议机关'),
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
    return { ...base, title: saved.title, body: openLetterBody(key, saved.body), articles: OUTCOME_LAW[o].articles, outcome: o, status: saved.status === 'sent' ? 'sent' : 'saved', issuedOn: saved.issuedOn };
  }
  const o = parseOutcome(outcome ?? c.row.outcome ?? 'granted');
  const draft = await draftFor(db, key, c, await loadEvents(db, applicationId), o, today ?? todayInChina());
  return { ...base, ...draft, outcome: o, status: 'draft', issuedOn: null };
}

/** A stored letter body in clear: sealed with the key (letters saved since encryption), or plain (before). */
export function openLetterBody(key: SecretKey, stored: string): string {
  return isSealedText(stored) ? key.decrypt(stored) : stored;
}

/**
 * Insert or replace the case's letter inside a transaction. The body names the applicant in full, so it is
 * stored encrypted like the personal data; `openLetterBody` reads it.
 */
export async function upsertLetter(tx: Tx, key: SecretKey, c: LoadedCase, letter: { outcome: string; title: string; body: string; status: 'saved' | 'sent'; issuedOn: string | null }): Promise<void> {
  const sealed = { ...letter, body: key.encrypt(letter.body) };
  await tx
    .insert(letters)
    .values({ id: uuidv7(), agencyId: c.row.agencyId, applicationId: c.row.id, ...sealed })
    .onConflictDoUpdate({
      target: letters.applicationId,
      set: { outcome: letter.outcome, title: letter.title, body: sealed.body, status: letter.status, issuedOn: letter.issuedOn, updatedAt: sql`now()` },
    });
}
