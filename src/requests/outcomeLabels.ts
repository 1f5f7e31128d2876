/** Short labels of case outcomes (group + row of table 3, 2021 template), for views and letters. */
import { CASE_OUTCOMES } from '../law/outcomes.ts';
import type { CaseOutcome } from '../law/outcomes.ts';
import { findTable3Row, TABLE3_GROUPS, table3RowShortName } from '../law/table3.ts';

function label(outcome: CaseOutcome): string {
  const row = findTable3Row('2021', outcome);
  if (row === undefined) return outcome;
  const group = row.groups.filter((g) => g !== 'results').map((g) => TABLE3_GROUPS[g].name);
  return [...group, table3RowShortName(row)].join('·');
}

export const OUTCOME_LABELS = Object.fromEntries(CASE_OUTCOMES.map((o) => [o, label(o)])) as Record<CaseOutcome, string>;
