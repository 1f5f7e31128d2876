/**
 * The steps a staff member may take on a case now: the transitions table (law/transitions.ts) read for
 * the case's state and the member's roles, narrowed by the facts the steps themselves check (an
 * extension once, approval only of a requested one). The console shows only these.
 */
import { allowedFrom, mayTake, TRANSITION_IDS, TRANSITIONS } from '../law/transitions.ts';
import type { Role, TransitionId, WorkflowState } from '../law/transitions.ts';

export interface AllowedStep {
  id: TransitionId;
  label: string;
}

/** Steps that are not taken from the case page (creation; reopening happens through an appeal record). */
const NOT_ON_CASE_PAGE: ReadonlySet<TransitionId> = new Set(['submit', 'register', 'reopen', 'editLetter']);

export function allowedSteps(state: WorkflowState, extension: string, roles: readonly Role[]): AllowedStep[] {
  return TRANSITION_IDS.filter((id) => {
    if (NOT_ON_CASE_PAGE.has(id)) return false;
    if (!allowedFrom(id, state) || !mayTake(id, roles)) return false;
    if (id === 'requestExtension') return extension === 'none';
    if (id === 'approveExtension') return extension === 'requested';
    return true;
  }).map((id) => ({ id, label: TRANSITIONS[id].label }));
}
