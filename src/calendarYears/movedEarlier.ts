/**
 * The open cases whose due date a calendar load moved earlier (decisions.md #22: "put in front of its
 * clerk"), in the actor's scope, while that recomputed due date is still the case's due date.
 */
import { and, desc, eq, inArray, isNotNull, like, sql } from 'drizzle-orm';
import type { StaffActor } from '../accounts/actor.ts';
import type { Db } from '../db/open.ts';
import { agencies, applications, events } from '../db/schema.ts';
import { OPEN_STATES, WORKFLOW_STATE_LABELS } from '../law/transitions.ts';
import type { WorkflowState } from '../law/transitions.ts';

export interface DueMovedEarlier {
  readonly applicationId: string;
  readonly agencyCode: string;
  readonly receiptCode: string;
  readonly state: string;
  readonly stateLabel: string;
  readonly dueBefore: string;
  readonly dueAfter: string;
  readonly year: number;
  readonly source: string;
  readonly loadedOn: string;
}

export async function casesWithDueMovedEarlier(db: Db, actor: StaffActor): Promise<DueMovedEarlier[]> {
  const rows = await db
    .select({ applicationId: applications.id, agencyCode: agencies.code, receiptCode: applications.receiptCode, state: applications.state, dueOn: applications.dueOn, payload: events.payload })
    .from(events)
    .innerJoin(applications, eq(applications.id, events.applicationId))
    .innerJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(
      and(
        eq(events.kind, 'calendar-recomputed'),
        sql`${events.payload}->>'movedEarlier' = 'true'`,
        inArray(applications.state, [...OPEN_STATES]),
        isNotNull(applications.dueOn),
        like(agencies.path, `${actor.agencyPath}%`),
      ),
    )
    .orderBy(desc(events.id));
  const seen = new Set<string>();
  const out: DueMovedEarlier[] = [];
  for (const r of rows) {
    if (seen.has(r.applicationId)) continue;
    seen.add(r.applicationId);
    const p = r.payload as { dueBefore?: string; dueAfter?: string; year?: number; source?: string; loadedOn?: string };
    if (p.dueAfter !== r.dueOn || p.dueBefore === undefined) continue;
    out.push({
      applicationId: r.applicationId,
      agencyCode: r.agencyCode,
      receiptCode: r.receiptCode,
      state: r.state,
      stateLabel: WORKFLOW_STATE_LABELS[r.state as WorkflowState] ?? r.state,
      dueBefore: p.dueBefore,
      dueAfter: p.dueAfter,
      year: p.year ?? 0,
      source: p.source ?? '',
      loadedOn: p.loadedOn ?? '',
    });
  }
  return out.sort((a, b) => a.dueAfter.localeCompare(b.dueAfter));
}
