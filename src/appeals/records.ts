/**
 * Reconsideration (行政复议) and litigation (行政诉讼) records about the agency's answers, linked to the
 * applications they concern (table 4). An input is `unknown` until `parseAppealInput` has checked it.
 */
import { controlCharacterIssues } from '../shared/text.ts';
import { implausibleCaseDate, TEXT_LIMITS } from '../shared/bounds.ts';
import { isCivilDate } from '../calendar/civilDate.ts';
import { APPEAL_PATHS, CORRECTION_KIND_IDS, CORRECTION_KINDS, isCorrectionKind, type AppealDecision, type AppealPath, type CorrectionKind } from '../law/appealResults.ts';
import { APPEAL_RESULTS, type AppealResult } from '../law/table4.ts';
import { ValidationError, type Issue } from '../shared/domainError.ts';
import type { AppealForReport } from '../report/build/appeals.ts';

export type AppealResultValue = AppealResult;

/** The results as records say them: table 4's labels without 结果 (维持, 纠正, 其他, 尚未审结); 尚未审结 is an open appeal. */
export const APPEAL_RESULT_VALUES: readonly { id: AppealResultValue; label: string }[] = APPEAL_RESULTS.filter(
  (r): r is Extract<(typeof APPEAL_RESULTS)[number], { id: AppealResult }> => r.id !== 'total',
).map((r) => ({ id: r.id, label: r.label.replace(/^结果|结果$/, '') }));

/** Accepted in input: the short words and table 4's own labels (结果维持 …). */
const RESULT_WORDS: readonly { id: AppealResultValue; label: string }[] = [
  ...APPEAL_RESULT_VALUES,
  ...APPEAL_RESULTS.flatMap((r) => (r.id === 'total' ? [] : [{ id: r.id, label: r.label }])),
];

export interface AppealInput {
  /** the reviewing body: 复议机关 or court (e.g. 国务院, 北京市第二中级人民法院) */
  body: string;
  /** its case number (案号), e.g. 国复〔2020〕123号 or （2020）京02行初45号 */
  caseNumber: string;
  path: AppealPath;
  filedOn: string;
  result: AppealResultValue;
  /** required unless the result is 尚未审结 */
  decidedOn: string | null;
  /** the applications the appeal concerns (ids, or the agency's 编号 in a file) */
  applications: string[];
  note?: string;
  /** What a 纠正 orders (required for 纠正): only 撤销并责令重新答复 and 责令履行 reopen the case (decisions.md #14). */
  correction?: CorrectionKind;
  /** The day the decision was served on the agency: the new answer period counts from the day after (default: decidedOn). */
  servedOn?: string;
  /** The period for the new answer the decision sets, in working days (default 20). */
  periodDays?: number;
}

export interface AppealRecord extends AppealInput {
  id: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function lookup<T extends string>(value: unknown, list: readonly { id: T; label: string }[]): T | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return list.find((x) => x.id === v || x.label === v || v.startsWith(x.label))?.id;
}

/** Check one appeal input; `at` prefixes the issue paths (`appeals[3]`). */
export function appealInputIssues(input: unknown, at = 'appeal'): { value?: AppealInput; issues: Issue[] } {
  const issues: Issue[] = [];
  const add = (field: string, rule: string, message: string) => issues.push({ path: `${at}.${field}`, rule, message });
  if (!isObject(input)) return { issues: [{ path: at, rule: 'type', message: 'must be an object' }] };
  const control = controlCharacterIssues(input, at);
  if (control.length > 0) return { issues: control };
  const text = (field: string): string | undefined => {
    const v = input[field];
    if (typeof v !== 'string' || v.trim() === '') {
      add(field, 'required', '必填');
      return undefined;
    }
    const max = field === 'body' ? TEXT_LIMITS.body : TEXT_LIMITS.caseNumber;
    if ([...v.trim()].length > max) {
      add(field, 'length', `最多${max}个字符`);
      return undefined;
    }
    return v.trim();
  };
  const body = text('body');
  const caseNumber = text('caseNumber');
  const path = lookup(input['path'], APPEAL_PATHS);
  if (path === undefined) add('path', 'enum', `应为 ${APPEAL_PATHS.map((p) => `${p.id}（${p.label}）`).join('、')}`);
  const result = lookup(input['result'], RESULT_WORDS);
  if (result === undefined) add('result', 'enum', `应为 ${APPEAL_RESULT_VALUES.map((r) => r.label).join('、')}`);
  const filedOn = input['filedOn'];
  if (!isCivilDate(filedOn)) add('filedOn', 'date', '应为 YYYY-MM-DD 日期');
  else if (implausibleCaseDate(filedOn) !== null) add('filedOn', 'date.implausible', implausibleCaseDate(filedOn)!);
  const decidedRaw = input['decidedOn'] ?? null;
  let decidedOn: string | null = null;
  if (decidedRaw !== null) {
    if (!isCivilDate(decidedRaw)) add('decidedOn', 'date', '应为 YYYY-MM-DD 日期');
    else if (implausibleCaseDate(decidedRaw) !== null) add('decidedOn', 'date.implausible', implausibleCaseDate(decidedRaw)!);
    else decidedOn = decidedRaw;
  }
  if (result !== undefined && result !== 'pending' && decidedRaw === null) add('decidedOn', 'required', '已审结的须填写审结日期');
  if (result === 'pending' && decidedRaw !== null) add('decidedOn', 'pending-without-date', '尚未审结的不应有审结日期');
  if (decidedOn !== null && isCivilDate(filedOn) && decidedOn < filedOn) add('decidedOn', 'decided-before-filed', `审结日期 ${decidedOn} 早于提起日期 ${filedOn}`);
  const apps = input['applications'];
  if (!Array.isArray(apps) || apps.length === 0 || !apps.every((a) => typeof a === 'string' && a.trim() !== ''))
    add('applications', 'required', '应列出所涉及的政府信息公开申请（至少一件）');
  const note = input['note'];
  if (note !== undefined && typeof note !== 'string') add('note', 'type', '应为文字');
  else if (typeof note === 'string' && [...note].length > TEXT_LIMITS.note) add('note', 'length', `最多${TEXT_LIMITS.note}个字符`);
  const correction = input['correction'];
  if (result === 'corrected' && !isCorrectionKind(correction)) {
    add('correction', 'required', `结果为纠正的，应写明纠正方式：${CORRECTION_KIND_IDS.map((k) => `${k}（${CORRECTION_KINDS[k].label}）`).join('、')}`);
  } else if (result !== 'corrected' && correction !== undefined) add('correction', 'corrected-only', '只有结果为纠正的才有纠正方式');
  const periodDays = input['periodDays'];
  if (periodDays !== undefined && (!Number.isSafeInteger(periodDays) || (periodDays as number) < 1 || (periodDays as number) > 366 || !isCorrectionKind(correction))) add('periodDays', 'range', '纠正决定确定的重新答复期限应为1–366个工作日（仅限结果纠正）');
  const servedOn = input['servedOn'];
  if (servedOn !== undefined && (!isCivilDate(servedOn) || decidedOn === null || servedOn < decidedOn)) add('servedOn', 'date', '送达日期应为不早于审结日期的 YYYY-MM-DD 日期');
  if (issues.length > 0 || body === undefined || caseNumber === undefined || path === undefined || result === undefined || !isCivilDate(filedOn)) return { issues };
  return {
    value: {
      body,
      caseNumber,
      path,
      filedOn,
      result,
      decidedOn,
      applications: (apps as string[]).map((a) => a.trim()),
      ...(typeof note === 'string' ? { note } : {}),
      ...(isCorrectionKind(correction) ? { correction } : {}),
      ...(typeof servedOn === 'string' ? { servedOn } : {}),
      ...(typeof periodDays === 'number' ? { periodDays } : {}),
    },
    issues,
  };
}

/** A JSON list of appeals (a file or an API body): all valid, or a ValidationError listing every problem. */
export function parseAppealInputs(input: unknown): AppealInput[] {
  if (!Array.isArray(input)) throw new ValidationError('行政复议、行政诉讼记录', [{ path: '(root)', rule: 'type', message: '应为行政复议、行政诉讼记录的 JSON 数组' }]);
  const out: AppealInput[] = [];
  const issues: Issue[] = [];
  input.forEach((item, i) => {
    const r = appealInputIssues(item, `appeals[${i}]`);
    issues.push(...r.issues);
    if (r.value) out.push(r.value);
  });
  if (issues.length > 0) throw new ValidationError('行政复议、行政诉讼记录', issues);
  return out;
}

/** The record as the report counts it. */
export function appealForReport(record: AppealRecord): AppealForReport {
  const decision: AppealDecision | null = record.result === 'pending' ? null : record.result;
  return { id: record.id, path: record.path, filedOn: record.filedOn, decidedOn: decision === null ? null : record.decidedOn, decision };
}
