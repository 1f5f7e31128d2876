/**
 * One application answered with several outcomes (decisions.md, law.md §7 question 1): table 3 counts an
 * application once (件), under the one result the clerk marks. When some of the requested information was
 * given and some was not, that is 区分处理, which always counts as （二）部分公开 — the label's own rule.
 */
import type { CaseOutcome } from './outcomes.ts';

/**
 * The single table-3 result of an application answered with `outcomes` (in any order, repeats allowed):
 * the outcome itself when there is only one; `partially_granted` when one part was given (予以公开 or
 * 部分公开) and another was not; null when several different refusals leave the choice to the clerk.
 */
export function resultOfSeveralAnswers(outcomes: readonly CaseOutcome[]): CaseOutcome | null {
  const distinct = [...new Set(outcomes)];
  if (distinct.length === 0) return null;
  if (distinct.length === 1) return distinct[0] ?? null;
  if (distinct.includes('granted') || distinct.includes('partially_granted')) return 'partially_granted';
  return null;
}
