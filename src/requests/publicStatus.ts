/** What the applicant sees with the receipt code and query password: state, dates, steps, and the letter once answered. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import type { SecretKey } from '../db/secretKey.ts';
import { agencies, applications } from '../db/schema.ts';
import { WORKFLOW_STATE_LABELS } from '../law/transitions.ts';
import type { WorkflowState } from '../law/transitions.ts';
import { checkQueryPassword } from './queryPassword.ts';
import { QueryFailedError } from './errors.ts';
import { OUTCOME_LABELS } from './outcomeLabels.ts';
import { EVENT_LABELS, findLetter, loadEvents } from './queries.ts';
import { isProvisionalClock } from './clock.ts';
import { isCaseOutcome } from '../law/outcomes.ts';

export interface PublicStatus {
  receiptCode: string;
  agencyName: string;
  state: string;
  stateLabel: string;
  outcomeLabel: string | null;
  receivedOn: string | null;
  dueOn: string | null;
  /** The due date is 暂定: a year it runs into has no holiday arrangement loaded yet (decisions.md #22). */
  dueProvisional: boolean;
  steps: { label: string; date: string | null }[];
  letterAvailable: boolean;
}

const PUBLIC_KINDS = new Set(['submitted', 'received', 'supplement-requested', 'supplement-received', 'supplement-lapsed', 'extended', 'fee-notice-sent', 'fee-paid', 'fee-lapsed', 'answered', 'delivered', 'withdrawn']);

/** The case behind a receipt code, when the password matches (one error for both failures). */
export async function findByReceipt(db: Db, key: SecretKey, receiptCode: string, password: string) {
  const rows = await db
    .select({ row: applications, agencyName: agencies.name, agencyCode: agencies.code, agencyPath: agencies.path })
    .from(applications)
    .innerJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(eq(applications.receiptCode, receiptCode.trim().toUpperCase()))
    .limit(1);
  const found = rows[0];
  if (found === undefined || !(await checkQueryPassword(key, password.trim(), found.row.queryPasswordHash))) throw new QueryFailedError();
  return found;
}

export async function publicStatus(db: Db, key: SecretKey, receiptCode: string, password: string): Promise<PublicStatus> {
  const found = await findByReceipt(db, key, receiptCode, password);
  const r = found.row;
  const events = await loadEvents(db, r.id);
  const letter = await findLetter(db, r.id);
  return {
    receiptCode: r.receiptCode,
    agencyName: found.agencyName,
    state: r.state,
    stateLabel: WORKFLOW_STATE_LABELS[r.state as WorkflowState] ?? r.state,
    outcomeLabel: r.outcome !== null && isCaseOutcome(r.outcome) ? OUTCOME_LABELS[r.outcome] : null,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    dueProvisional: isProvisionalClock(r.clock),
    steps: events.filter((e) => PUBLIC_KINDS.has(e.kind)).map((e) => ({ label: EVENT_LABELS[e.kind] ?? e.kind, date: typeof e.payload['date'] === 'string' ? e.payload['date'] : null })),
    letterAvailable: letter?.status === 'sent',
  };
}
