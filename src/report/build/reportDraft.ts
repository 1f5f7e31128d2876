/** The narrative draft of an agency's year: from the report's figures, last year's, and the fees collected. */
import type { Actor } from '../../accounts/actor.ts';
import type { Db } from '../../db/open.ts';
import { draftNarrative, type NarrativeDraft } from '../draft/draftNarrative.ts';
import { buildAgencyReport, scopedAgency } from './db.ts';
import { feesCollected } from './feesCollected.ts';

export async function reportDraft(db: Db, actor: Actor, agencyCode: string, year: number): Promise<NarrativeDraft> {
  const built = await buildAgencyReport(db, actor, agencyCode, year);
  const agency = await scopedAgency(db, actor, agencyCode);
  return draftNarrative(built.report, built.previous, { feesCollected: await feesCollected(db, agency.id, year) });
}
