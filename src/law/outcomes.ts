/**
 * The legal outcome of an application: which table-3 row it counts in, and the articles of 条例 that
 * ground the answer. Cases always record the fine-grained (2021) outcome; a report on the 2019 template
 * folds the three 其他处理 outcomes into its single 其他处理 row (spec/register.md).
 *
 * Mapping sources: law.md §2.5 (inference where marked there) and decisions.md.
 */
import type { OutcomeRowId, Table3RowId2019 } from './table3.ts';
import type { TemplateId } from './templateId.ts';

/** The outcomes a case can end in: every outcome row of the 2021 template. */
export type CaseOutcome = Exclude<OutcomeRowId, 'other'>;

/** Art. 14 and 15 refusals are mandatory; Art. 16 refusals are the agency's discretion (law.md §1.2). */
export type Discretion = 'mandatory' | 'discretionary' | 'not-a-refusal';

interface OutcomeLaw {
  /** The articles the answer letter cites. */
  readonly articles: readonly string[];
  readonly discretion: Discretion;
}

export const OUTCOME_LAW = {
  granted: { articles: ['第三十六条第（一）项', '第三十六条第（二）项'], discretion: 'not-a-refusal' },
  partially_granted: { articles: ['第三十七条'], discretion: 'not-a-refusal' },
  'withheld.state_secret': { articles: ['第十四条', '第三十六条第（三）项'], discretion: 'mandatory' },
  'withheld.prohibited_by_law': { articles: ['第十四条', '第三十六条第（三）项'], discretion: 'mandatory' },
  'withheld.security_stability': { articles: ['第十四条', '第三十六条第（三）项'], discretion: 'mandatory' },
  'withheld.third_party_rights': { articles: ['第十五条', '第三十二条', '第三十六条第（三）项'], discretion: 'mandatory' },
  'withheld.internal_affairs': { articles: ['第十六条第一款', '第三十六条第（三）项'], discretion: 'discretionary' },
  'withheld.process_information': { articles: ['第十六条第二款', '第三十六条第（三）项'], discretion: 'discretionary' },
  'withheld.enforcement_file': { articles: ['第十六条第二款', '第三十六条第（三）项'], discretion: 'discretionary' },
  'withheld.administrative_query': { articles: ['第三十六条第（七）项'], discretion: 'not-a-refusal' },
  'unavailable.not_held': { articles: ['第三十六条第（四）项', '第三十六条第（五）项'], discretion: 'not-a-refusal' },
  'unavailable.needs_creation': { articles: ['第三十八条'], discretion: 'not-a-refusal' },
  'unavailable.still_unclear': { articles: ['第三十条'], discretion: 'not-a-refusal' },
  'not_processed.petition_complaint': { articles: ['第三十九条第一款'], discretion: 'not-a-refusal' },
  'not_processed.repeated': { articles: ['第三十六条第（六）项'], discretion: 'not-a-refusal' },
  'not_processed.publication': { articles: ['第三十九条第二款'], discretion: 'not-a-refusal' },
  'not_processed.mass_repetitive': { articles: ['第三十五条'], discretion: 'not-a-refusal' },
  'not_processed.confirm_or_reissue': { articles: [], discretion: 'not-a-refusal' },
  'other.no_supplement': { articles: ['第三十条'], discretion: 'not-a-refusal' },
  'other.unpaid_fee': { articles: ['第四十二条'], discretion: 'not-a-refusal' },
  'other.other': { articles: [], discretion: 'not-a-refusal' },
} as const satisfies Record<CaseOutcome, OutcomeLaw>;

export const CASE_OUTCOMES = Object.keys(OUTCOME_LAW) as CaseOutcome[];

export function isCaseOutcome(value: string): value is CaseOutcome {
  return Object.hasOwn(OUTCOME_LAW, value);
}

/** The table-3 row a case outcome counts in, on the given template. */
export function outcomeRowFor(outcome: CaseOutcome, template: TemplateId): OutcomeRowId {
  switch (template) {
    case '2021':
      return outcome;
    case '2019':
      return foldOutcomeTo2019(outcome);
    default: {
      const never: never = template;
      throw new Error(`unknown template ${String(never)}`);
    }
  }
}

/** 2021 → 2019: the three （六） sub-rows become the single （六）其他处理 row; every other row is unchanged. */
export function foldOutcomeTo2019(outcome: OutcomeRowId): Extract<OutcomeRowId, Table3RowId2019> {
  switch (outcome) {
    case 'other.no_supplement':
    case 'other.unpaid_fee':
    case 'other.other':
    case 'other':
      return 'other';
    default:
      return outcome;
  }
}
