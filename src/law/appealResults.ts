/**
 * Table 4 for year Y, from appeal records (行政复议 and 行政诉讼 cases about the agency's 政府信息公开
 * answers). The template prints no counting rule; gongkai counts the way table 3 counts applications —
 * results in the year they are given, open matters as a stock at the year's end:
 *
 * - an appeal decided in Y counts under its result (结果维持, 结果纠正, 其他结果) in Y;
 * - an appeal filed on or before 31 December of Y and not decided by then counts as 尚未审结 in Y
 *   (so one still open over several year ends is 尚未审结 in each of those years, and under its result in
 *   the year it is decided);
 * - an appeal decided before Y, or filed after Y, does not count in Y.
 *
 * `total` is the sum of the four results (R4), so every built table 4 reconciles by construction.
 */
import { APPEAL_GROUPS, LITIGATION_HEADER, type AppealGroupId, type AppealResult } from './table4.ts';

/** The appeal route, which is the group of table 4; a suit is named with its 行政诉讼 header. */
export type AppealPath = AppealGroupId;
export const APPEAL_PATHS: readonly { id: AppealPath; label: string }[] = APPEAL_GROUPS.map((g) => ({
  id: g.id,
  label: g.litigation ? `${LITIGATION_HEADER}（${g.label}）` : g.label,
}));

/** The result of a decided appeal; `pending` is not a decision but the absence of one. */
export type AppealDecision = Exclude<AppealResult, 'pending'>;
export const APPEAL_DECISIONS: readonly AppealDecision[] = ['upheld', 'corrected', 'other'];

export interface AppealTimeline {
  /** the day the appeal was filed (申请复议 / 起诉), `YYYY-MM-DD` */
  filedOn: string;
  /** the day it was decided, or null while it is open */
  decidedOn: string | null;
  /** the decision, or null while it is open */
  decision: AppealDecision | null;
}

/** The column of table 4 an appeal counts in for `year`, or null when it does not count in that year. */
export function appealColumnInYear(appeal: AppealTimeline, year: number): AppealResult | null {
  const start = `${String(year).padStart(4, '0')}-01-01`;
  const end = `${String(year).padStart(4, '0')}-12-31`;
  if (appeal.decidedOn !== null && appeal.decision !== null && appeal.decidedOn >= start && appeal.decidedOn <= end) {
    return appeal.decision;
  }
  const openAtYearEnd = appeal.decidedOn === null || appeal.decidedOn > end;
  if (appeal.filedOn <= end && openAtYearEnd) return 'pending';
  return null;
}

/** Whether a decision sends the application back to the agency for a new answer (条例 Art. 51 remedies). */
export function decisionReopensApplication(decision: AppealDecision): boolean {
  switch (decision) {
    case 'corrected':
      return true;
    case 'upheld':
    case 'other':
      return false;
    default: {
      const never: never = decision;
      throw new Error(`unknown appeal decision ${String(never)}`);
    }
  }
}

/**
 * What a 纠正 orders (decisions.md #14; 行政复议法 Arts. 63–66; 行政诉讼法 Arts. 70, 72, 74, 77): 撤销并责令
 * 重新答复 and 责令履行/公开 send the case back for a new answer; 确认违法 and 变更 order no new answer. All
 * count as 结果纠正 in table 4.
 */
export const CORRECTION_KINDS = {
  revoke_reanswer: { label: '撤销并责令重新答复', reopens: true },
  order_performance: { label: '责令履行（公开）', reopens: true },
  confirm_unlawful: { label: '确认违法', reopens: false },
  vary: { label: '变更', reopens: false },
} as const;
export type CorrectionKind = keyof typeof CORRECTION_KINDS;
export const CORRECTION_KIND_IDS = Object.keys(CORRECTION_KINDS) as CorrectionKind[];

export function isCorrectionKind(value: unknown): value is CorrectionKind {
  return typeof value === 'string' && Object.hasOwn(CORRECTION_KINDS, value);
}
