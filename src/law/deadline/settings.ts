/**
 * The clock's open questions as settings (spec/decisions.md). The defaults are gongkai's answers; an
 * agency whose superior office reads a rule differently changes the setting, and the reasoning shows it.
 */
import { ValidationError } from '../../shared/domainError.ts';
import type { Issue } from '../../shared/domainError.ts';

export type EmailReceiptRule = 'mutual-confirmation' | 'mail-system';

export interface DeadlineSettings {
  /** Does the receipt day itself count as day 1? Default no (民法典 Art. 201; decisions.md q6). */
  readonly receiptDayCounts: boolean;
  /** Does the clock stand still from the fee notice to payment? Default yes (decisions.md q4). */
  readonly feeNoticePausesClock: boolean;
  /** E-mail receipt date: both sides confirm (Art. 31(三), default) or the mail system received it (207号). */
  readonly emailReceipt: EmailReceiptRule;
  readonly answerDays: number;
  /** The most an extension may add (Art. 33 ¶2). */
  readonly extensionDays: number;
  readonly supplementNoticeDays: number;
  readonly consultationReplyDays: number;
  readonly feePaymentDays: number;
}

export const DEFAULT_DEADLINE_SETTINGS = {
  receiptDayCounts: false,
  feeNoticePausesClock: true,
  emailReceipt: 'mutual-confirmation',
  answerDays: 20,
  extensionDays: 20,
  supplementNoticeDays: 7,
  consultationReplyDays: 15,
  feePaymentDays: 20,
} as const satisfies DeadlineSettings;

/** The 补正 period (Art. 30 “合理的补正期限”, decisions.md #12): never under 5 working days; 15 when a notice states none. */
export const MIN_SUPPLEMENT_PERIOD_DAYS = 5;
export const DEFAULT_SUPPLEMENT_PERIOD_DAYS = 15;

const DAY_KEYS = ['answerDays', 'extensionDays', 'supplementNoticeDays', 'consultationReplyDays', 'feePaymentDays'] as const;

/** The defaults with the given changes, checked. */
export function resolveDeadlineSettings(changes: Partial<DeadlineSettings> = {}): DeadlineSettings {
  const s: DeadlineSettings = { ...DEFAULT_DEADLINE_SETTINGS, ...changes };
  const issues: Issue[] = [];
  for (const k of DAY_KEYS) {
    if (!Number.isSafeInteger(s[k]) || s[k] < 1 || s[k] > 366) {
      issues.push({ path: k, rule: 'integer', message: `应为1至366之间的整数，得到 ${String(s[k])}` });
    }
  }
  for (const k of ['receiptDayCounts', 'feeNoticePausesClock'] as const) {
    if (typeof s[k] !== 'boolean') issues.push({ path: k, rule: 'boolean', message: '应为 true 或 false' });
  }
  if (s.emailReceipt !== 'mutual-confirmation' && s.emailReceipt !== 'mail-system') {
    issues.push({ path: 'emailReceipt', rule: 'enum', message: '应为 mutual-confirmation 或 mail-system' });
  }
  if (issues.length > 0) throw new ValidationError('期限计算设置', issues);
  return s;
}
