/**
 * Normal forms for matching labels and reading figures. Published reports mix full-width and
 * half-width digits and brackets, insert spaces inside labels, and vary list numbering — so both the
 * template labels (from law/) and the report text are reduced to the same key before comparing.
 */

/** Full-width digits, letters, brackets and spaces to their ASCII forms (NFKC). */
export function halfWidth(text: string): string {
  return text.normalize('NFKC');
}

const NOT_LABEL_CHAR = /[^\p{Script=Han}\p{L}\p{N}]+/gu;

/** A label reduced to its letters and digits: no spaces, punctuation, brackets or quotes. */
export function labelKey(text: string): string {
  return halfWidth(text).replace(NOT_LABEL_CHAR, '');
}

/** A label's key with its digits removed: the form in which labels appear in the label stream. */
export function labelStreamKey(text: string): string {
  return labelKey(text).replace(/\p{Nd}+/gu, '');
}

/** The part of a label before its parenthetical note: `部分公开（区分处理的…）` → `部分公开`. */
export function labelHead(text: string): string {
  const head = halfWidth(text).split('(')[0] ?? '';
  return labelStreamKey(head);
}

export function isHan(char: string | undefined): boolean {
  return char !== undefined && /\p{Script=Han}/u.test(char);
}
