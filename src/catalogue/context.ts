import type { Actor } from '../accounts/actor.ts';
import type { CivilDate } from '../calendar/civilDate.ts';
import type { WorkCalendar } from '../calendar/workCalendar.ts';
import type { Db, Tx } from '../db/open.ts';
import type { Role } from '../law/transitions.ts';
import { v7 as uuidv7 } from 'uuid';
import { actorId } from '../accounts/actor.ts';
import { events } from '../db/schema.ts';

/** What every catalogue command needs. */
export interface CatalogueContext {
  readonly db: Db;
  readonly actor: Actor;
  /** Overrides today's date in China (tests, demo, import). */
  readonly today?: CivilDate;
  readonly calendar?: WorkCalendar;
}

/** Who may change the catalogue (publish, correct, repeal, withdraw, link, import). */
export const PUBLISH_ROLES = ['publisher'] as const satisfies readonly Role[];
/** Who may read the staff views (drafts, late list, queue). */
export const READ_ROLES = ['publisher', 'clerk', 'head', 'supervisor', 'admin'] as const satisfies readonly Role[];
/** Who may suggest information for the 依申请转主动 queue. */
export const SUGGEST_ROLES = ['clerk', 'head', 'publisher'] as const satisfies readonly Role[];

/** The audit event of a catalogue change, written in the change's transaction. */
export async function catalogueEvent(tx: Tx, ctx: CatalogueContext, agencyId: string, kind: string, payload: Record<string, unknown>): Promise<void> {
  await tx.insert(events).values({ id: uuidv7(), agencyId, applicationId: null, actor: actorId(ctx.actor), kind: `catalogue.${kind}`, payload });
}
