/**
 * One applicant across cases (decisions.md #17): a keyed hash (HMAC with the installation's key) of the
 * ID number or 统一社会信用代码 — never the number itself. It links an applicant's cases for the monthly
 * fee count (109号), 重复申请 (Art. 36(六)) and Art. 35.
 */
import type { SecretKey } from '../db/secretKey.ts';
import type { Applicant } from './applicationInput.ts';

/** The key, or null when the application carries neither number. */
export function applicantKeyOf(key: SecretKey, a: Pick<Applicant, 'idNumber' | 'creditCode'>): string | null {
  const n = (a.creditCode ?? a.idNumber)?.trim().toUpperCase();
  if (n === undefined || n === '') return null;
  return key.keyedHash('applicant', `${a.creditCode !== undefined ? 'org' : 'person'}:${n}`);
}
