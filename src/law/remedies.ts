/**
 * The remedies (救济途径) printed in every letter and notice (decisions.md #11, letters.md §0.1): since
 * 2024-01-01 a refusal under 条例 Arts. 14–16 (and the withheld part of a 部分公开 on those grounds) must
 * go to 行政复议 first (行政复议法 2023, Art. 23 ¶1(四), ¶2); every other answer or notice: 复议 within 60
 * days or 诉讼 within 6 months (行政复议法 Art. 20; 行政诉讼法 Art. 46). Pure.
 */
import type { CaseOutcome } from './outcomes.ts';

export type RemedyKind = 'prereview' | 'general';

/** Outcomes refused under Arts. 14–16. */
export const ARTS_14_16_OUTCOMES = [
  'withheld.state_secret',
  'withheld.prohibited_by_law',
  'withheld.security_stability',
  'withheld.third_party_rights',
  'withheld.internal_affairs',
  'withheld.process_information',
  'withheld.enforcement_file',
] as const satisfies readonly CaseOutcome[];

export function isArts14to16Refusal(outcome: string): boolean {
  return (ARTS_14_16_OUTCOMES as readonly string[]).includes(outcome);
}

/**
 * Which remedy text a letter prints. `withheldGrounds`: the refusal grounds of the withheld part of a
 * 部分公开 (or the items of a several-item answer).
 */
export function remedyKindFor(outcome: CaseOutcome, withheldGrounds: readonly string[] = []): RemedyKind {
  if (isArts14to16Refusal(outcome)) return 'prereview';
  if (outcome === 'partially_granted' && withheldGrounds.some(isArts14to16Refusal)) return 'prereview';
  return 'general';
}

/** `{复议机关}` and `{人民法院}` are replaced by the agency's settings. */
export const DEFAULT_REMEDIES = {
  prereview:
    '根据《中华人民共和国行政复议法》第二十三条的规定，如对本答复中不予公开的决定不服，应当先自收到本告知书之日起60日内向{复议机关}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向{人民法院}提起行政诉讼。',
  general:
    '如对本答复不服，可以自收到本告知书之日起60日内向{复议机关}申请行政复议，或者自收到本告知书之日起6个月内向{人民法院}提起行政诉讼。',
} as const satisfies Record<RemedyKind, string>;

export const REMEDY_BASIS = {
  prereview: '《行政复议法》第二十三条第一款第（四）项、第二款',
  general: '《行政复议法》第二十条；《行政诉讼法》第四十六条',
} as const satisfies Record<RemedyKind, string>;

/** The text with the configured 复议机关 and court filled in. */
export function fillRemedies(template: string, reviewBody: string, court: string): string {
  return template.replaceAll('{复议机关}', reviewBody).replaceAll('{上级机关}', reviewBody).replaceAll('{人民法院}', court);
}
