/**
 * Plausible bounds for what people type: a date of a case (an application, a conclusion, an appeal) lies in
 * 2000–2099 — 1900-01-01 or 9999-12-31 are typing errors — and free text has a length limit per field.
 */
export const EARLIEST_CASE_DATE = '2000-01-01';
export const LATEST_CASE_DATE = '2099-12-31';

/** Why a civil date (`YYYY-MM-DD`) is implausible for a case, or null when it is plausible. */
export function implausibleCaseDate(date: string): string | null {
  if (date < EARLIEST_CASE_DATE || date > LATEST_CASE_DATE) return `${date} 不在合理范围内（应在 ${EARLIEST_CASE_DATE} 至 ${LATEST_CASE_DATE} 之间）`;
  return null;
}

/** Length limits (characters) of free text that enters through files (the register, appeal records). */
export const TEXT_LIMITS = {
  name: 100,
  ref: 64,
  subject: 2000,
  note: 1000,
  body: 100,
  caseNumber: 100,
} as const;
