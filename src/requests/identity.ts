/**
 * Check digits of the two identity numbers an applicant gives: 居民身份证号码 (GB 11643-1999, ISO 7064
 * MOD 11-2) and 统一社会信用代码 (GB 32100-2015, MOD 31). Pure functions.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** Why a 身份证号 is not valid, or null when it is. */
export function residentIdProblem(value: string): string | null {
  if (!/^\d{17}[\dX]$/.test(value)) return '应为18位，前17位为数字，末位为数字或X';
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return '出生日期码不是有效日期';
  if (birth.getTime() > Date.now()) return `出生日期（${birth.toISOString().slice(0, 10)}）晚于今天`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * (ID_WEIGHTS[i] as number);
  if (ID_CHECK[sum % 11] !== value[17]) return '校验码不正确';
  return null;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Why a 统一社会信用代码 is not valid, or null when it is. */
export function creditCodeProblem(value: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return '应为18位，由数字和大写字母组成（不含I、O、Z、S、V）';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(value[i] as string) * (USCC_WEIGHTS[i] as number);
  const check = (31 - (sum % 31)) % 31;
  if (USCC_CHARS[check] !== value[17]) return '校验码不正确';
  return null;
}

/** The check character that completes a 17-character 统一社会信用代码 prefix (for tests and demo data). */
export function creditCodeCheckChar(prefix17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(prefix17[i] as string) * (USCC_WEIGHTS[i] as number);
  return USCC_CHARS[(31 - (sum % 31)) % 31] as string;
}

/** The check character that completes a 17-digit 身份证号 prefix (for tests and demo data). */
export function residentIdCheckChar(prefix17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(prefix17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

/** 张三 → 张*; 张三丰 → 张*丰; organisation names keep their first and last two characters. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  if (chars.length <= 4) return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
  return `${chars.slice(0, 2).join('')}${'*'.repeat(Math.min(chars.length - 4, 6))}${chars.slice(-2).join('')}`;
}

/** 110101199003074514 → 110***********4514; 13812345678 → 138****5678. */
export function maskNumber(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  if (value.length <= 11) return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
