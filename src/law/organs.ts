/**
 * What an agency is, for the law: a 工作部门 of a government or a 人民政府 itself (decisions.md #13, #18).
 * It decides the 复议机关 suggestion (行政复议法 2023, Arts. 24–27) and the annual report's due date
 * (条例 Art. 49). Pure.
 */

export const ORGAN_KINDS = {
  department: { label: '县级以上人民政府工作部门' },
  government: { label: '人民政府' },
  'state-council-department': { label: '国务院部门' },
  vertical: { label: '海关、金融、外汇管理、税务、国家安全机关等垂直管理机关' },
} as const;
export type OrganKind = keyof typeof ORGAN_KINDS;
export const ORGAN_KIND_IDS = Object.keys(ORGAN_KINDS) as OrganKind[];

export function isOrganKind(value: unknown): value is OrganKind {
  return typeof value === 'string' && Object.hasOwn(ORGAN_KINDS, value);
}

export interface ReviewBodySuggestion {
  /** Who the 复议机关 is, in the words of the rule. */
  readonly reviewBody: string;
  readonly article: string;
  readonly court: string;
}

/** The 复议机关 and court an agency of this kind should print (a suggestion the admin confirms). */
export function suggestReviewBody(kind: OrganKind): ReviewBodySuggestion {
  const court = '本机关所在地有管辖权的人民法院';
  switch (kind) {
    case 'department':
      return { reviewBody: '本级人民政府', article: '《行政复议法》第二十四条第一款第（一）项', court };
    case 'government':
      return { reviewBody: '上一级人民政府', article: '《行政复议法》第二十四条第一款第（二）项', court: '本机关所在地的中级人民法院' };
    case 'state-council-department':
      return { reviewBody: '本机关', article: '《行政复议法》第二十五条', court: '本机关所在地的中级人民法院' };
    case 'vertical':
      return { reviewBody: '上一级主管部门', article: '《行政复议法》第二十七条', court };
    default: {
      const never: never = kind;
      throw new Error(`unknown organ kind ${String(never)}`);
    }
  }
}

/** The annual report on `year` is due: departments by 31 January, governments by 31 March (Art. 49). */
export function annualReportDueOn(kind: OrganKind, year: number): string {
  const next = String(year + 1).padStart(4, '0');
  return kind === 'government' ? `${next}-03-31` : `${next}-01-31`;
}

export const ANNUAL_REPORT_ARTICLE = {
  department: '《条例》第四十九条第一款',
  government: '《条例》第四十九条第二款',
} as const;

/** A 复议机关 name that is the Art. 51 complaint route, not a reconsideration body (decisions.md #13). */
export function isComplaintOffice(name: string): boolean {
  return /政务公开办|政府信息公开办|公开办公室/.test(name);
}

/** `某信公〔{YYYY}〕{N}号` → `某信公〔2024〕7号`; `{NNN}` pads to 3 digits. */
export function formatLetterNumber(pattern: string, year: number, n: number): string {
  return pattern
    .replaceAll('{YYYY}', String(year))
    .replace(/\{(N+)\}/g, (_m, ns: string) => String(n).padStart(ns.length, '0'));
}

export function letterNumberPatternIssue(pattern: string): string | null {
  if (!pattern.includes('{YYYY}')) return '文号格式应含年份 {YYYY}';
  if (!/\{N+\}/.test(pattern)) return '文号格式应含序号 {N}';
  if ([...pattern].length > 60) return '文号格式不超过60个字符';
  return null;
}
