/**
 * A staff member shows the applicant's personal data in full (the case page shows it masked). Deliberate
 * and audited: the event `applicant-revealed` records who looked, when, and why.
 */
import { v7 as uuidv7 } from 'uuid';
import { actorId } from '../accounts/actor.ts';
import type { StaffActor } from '../accounts/actor.ts';
import type { Db } from '../db/open.ts';
import { events } from '../db/schema.ts';
import type { SecretKey } from '../db/secretKey.ts';
import { ValidationError } from '../shared/domainError.ts';
import type { Applicant } from './applicationInput.ts';
import { decryptApplicant, loadCase } from './queries.ts';

export interface RevealApplicantProps {
  applicationId: string;
  /** Why the full data is needed (kept in the audit event). */
  reason: string;
}

export async function revealApplicant(db: Db, key: SecretKey, actor: StaffActor, props: RevealApplicantProps): Promise<{ applicant: Applicant }> {
  const reason = props.reason.trim();
  if (reason.length < 2) throw new ValidationError('查看完整个人信息', [{ path: 'reason', rule: 'required', message: '请说明查看完整个人信息的理由（至少2个字）' }]);
  const c = await loadCase(db, actor, props.applicationId);
  await db.insert(events).values({ id: uuidv7(), agencyId: c.row.agencyId, applicationId: c.row.id, actor: actorId(actor), kind: 'applicant-revealed', payload: { reason } });
  return { applicant: decryptApplicant(key, c.row) };
}
