/**
 * Receipt codes (受理编号, `YYYYMMDD-XXXXXX`) and query passwords are drawn from 32 characters that cannot be
 * mistaken for one another when read aloud or copied from paper (no 0/O, 1/I).
 */
import { randomBytes } from 'node:crypto';
import type { CivilDate } from '../calendar/civilDate.ts';

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** `n` random characters of the alphabet (32 divides 256: every character equally likely). */
export function randomCode(n: number): string {
  let out = '';
  for (const b of randomBytes(n)) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return out;
}

/** A new receipt code for a case of `date`; `randomPart` lets a test force a collision. */
export function receiptCodeOf(date: CivilDate | string, randomPart: () => string = () => randomCode(6)): string {
  return `${date.replaceAll('-', '')}-${randomPart()}`;
}
