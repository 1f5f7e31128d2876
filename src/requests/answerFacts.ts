/**
 * The specific facts and reasons of an answer (letters.md §8): fields, not free text in a letter, so that
 * the letter, the case view and the register show them, and an answer cannot go out without them.
 * `requiredFacts` says which each outcome needs; `checkAnswerFacts` refuses a missing one naming the
 * field and the article.
 */
import type { CaseOutcome } from '../law/outcomes.ts';
import type { Issue } from '../shared/domainError.ts';
import { ValidationError } from '../shared/domainError.ts';

export interface AnswerFacts {
  /** The specific reason: why this information falls under the ground (refusals, 区分处理, 38, 35). */
  reason?: string | undefined;
  /** Art. 16 is discretionary (可以不予公开): why the agency chose not to disclose. */
  discretion?: string | undefined;
  /** 36(一) already published, or 36(二) disclosed now. */
  grantBasis?: 'published' | 'disclosed' | undefined;
  /** 36(一): where and how it was published (URL, title, 文号/索引号, date). */
  publishedAt?: string | undefined;
  /** 36(二): the way, route and time of provision. */
  provision?: string | undefined;
  /** 36(四) does not exist, or 36(五) not this agency's to disclose. */
  notHeldBasis?: 'not_exist' | 'not_responsible' | undefined;
  /** 36(四): the search made (systems, archives, keywords, period, units asked). */
  search?: string | undefined;
  /** 36(五): the organ responsible, and its contact. */
  responsibleOrgan?: string | undefined;
  responsibleContact?: string | undefined;
  /** Art. 15 without an objecting consultation: why no consultation was possible. */
  noConsultationReason?: string | undefined;
  /** 39 ¶2: how to obtain the publication; 39 ¶1: the proper channel; 36(七): the law and office. */
  route?: string | undefined;
  /** 36(六): the receipt code of the earlier answered application of the same applicant. */
  earlierReceiptCode?: string | undefined;
}

export const FACT_LABELS = {
  reason: '具体理由',
  discretion: '裁量理由（第十六条“可以不予公开”）',
  grantBasis: '公开依据（第三十六条第（一）项或第（二）项）',
  publishedAt: '已主动公开的位置（网址、标题、文号或索引号、日期）',
  provision: '提供信息的方式、途径和时间',
  notHeldBasis: '无法提供的情形（第三十六条第（四）项或第（五）项）',
  search: '检索情况（检索范围、关键词、期间、询问的单位）',
  responsibleOrgan: '负责公开该信息的机关名称',
  responsibleContact: '负责公开该信息的机关联系方式',
  noConsultationReason: '未能征求第三方意见的理由',
  route: '获取途径或办理渠道',
  earlierReceiptCode: '此前已答复申请的受理编号',
} as const satisfies Record<keyof AnswerFacts, string>;

type FactKey = keyof AnswerFacts;

/** The fact fields an outcome needs, with the article that requires them. */
export function requiredFacts(outcome: CaseOutcome, facts: AnswerFacts): { key: FactKey; article: string }[] {
  switch (outcome) {
    case 'granted':
      if (facts.grantBasis === 'published') return [{ key: 'publishedAt', article: '第三十六条第（一）项' }];
      if (facts.grantBasis === 'disclosed') return [{ key: 'provision', article: '第三十六条第（二）项' }];
      return [{ key: 'grantBasis', article: '第三十六条' }];
    case 'partially_granted':
      return [{ key: 'provision', article: '第三十六条第（二）项' }, { key: 'reason', article: '第三十七条' }];
    case 'withheld.state_secret':
    case 'withheld.prohibited_by_law':
    case 'withheld.security_stability':
      return [{ key: 'reason', article: '第十四条、第三十六条第（三）项' }];
    case 'withheld.third_party_rights':
      return [{ key: 'reason', article: '第十五条、第三十六条第（三）项' }];
    case 'withheld.internal_affairs':
      return [{ key: 'reason', article: '第十六条第一款' }, { key: 'discretion', article: '第十六条第一款' }];
    case 'withheld.process_information':
    case 'withheld.enforcement_file':
      return [{ key: 'reason', article: '第十六条第二款' }, { key: 'discretion', article: '第十六条第二款' }];
    case 'withheld.administrative_query':
      return [{ key: 'route', article: '第三十六条第（七）项' }];
    case 'unavailable.not_held':
      if (facts.notHeldBasis === 'not_exist') return [{ key: 'search', article: '第三十六条第（四）项' }];
      if (facts.notHeldBasis === 'not_responsible') {
        return [
          { key: 'reason', article: '第三十六条第（五）项' },
          { key: 'responsibleOrgan', article: '第三十六条第（五）项' },
          { key: 'responsibleContact', article: '第三十六条第（五）项' },
        ];
      }
      return [{ key: 'notHeldBasis', article: '第三十六条第（四）项、第（五）项' }];
    case 'unavailable.needs_creation':
      return [{ key: 'reason', article: '第三十八条' }];
    case 'not_processed.repeated':
      return [{ key: 'earlierReceiptCode', article: '第三十六条第（六）项' }];
    case 'not_processed.publication':
      return [{ key: 'route', article: '第三十九条第二款' }];
    case 'not_processed.mass_repetitive':
      return [{ key: 'reason', article: '第三十五条' }];
    case 'unavailable.still_unclear':
      return [{ key: 'reason', article: '第三十条' }];
    case 'other.other':
      // A withdrawal closes the case without a letter; an answer 其他处理 must say what happened.
      return [{ key: 'reason', article: '年度报告表三（六）3“其他”' }];
    case 'not_processed.petition_complaint':
    case 'not_processed.confirm_or_reissue':
    case 'other.no_supplement':
    case 'other.unpaid_fee':
      return [];
    default: {
      const never: never = outcome;
      throw new Error(`unknown outcome ${String(never)}`);
    }
  }
}

const TEXT_KEYS = ['reason', 'discretion', 'publishedAt', 'provision', 'search', 'responsibleOrgan', 'responsibleContact', 'noConsultationReason', 'route', 'earlierReceiptCode'] as const;

/** Unknown input → AnswerFacts (shape only). */
export function parseAnswerFacts(input: unknown, at = 'facts'): AnswerFacts {
  if (input === undefined || input === null) return {};
  const issues: Issue[] = [];
  if (typeof input !== 'object' || Array.isArray(input)) throw new ValidationError('答复事实', [{ path: at, rule: 'type', message: '应为对象' }]);
  const o = input as Record<string, unknown>;
  const out: AnswerFacts = {};
  for (const k of Object.keys(o)) {
    if (!Object.hasOwn(FACT_LABELS, k)) issues.push({ path: `${at}.${k}`, rule: 'unknown', message: '未知的字段' });
  }
  for (const k of TEXT_KEYS) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v !== 'string' || [...v.trim()].length < 2 || [...v].length > 2000) issues.push({ path: `${at}.${k}`, rule: 'length', message: `${FACT_LABELS[k]}应为2–2000个字符` });
    else out[k] = v.trim().replace(/[。；;，,\s]+$/u, '');
  }
  if (o['grantBasis'] !== undefined) {
    if (o['grantBasis'] === 'published' || o['grantBasis'] === 'disclosed') out.grantBasis = o['grantBasis'];
    else issues.push({ path: `${at}.grantBasis`, rule: 'enum', message: '应为 published（已主动公开）或 disclosed（予以公开）' });
  }
  if (o['notHeldBasis'] !== undefined) {
    if (o['notHeldBasis'] === 'not_exist' || o['notHeldBasis'] === 'not_responsible') out.notHeldBasis = o['notHeldBasis'];
    else issues.push({ path: `${at}.notHeldBasis`, rule: 'enum', message: '应为 not_exist（不存在）或 not_responsible（不属于本机关负责公开）' });
  }
  if (issues.length > 0) throw new ValidationError('答复事实', issues);
  return out;
}

/** Refuses an answer whose outcome lacks a required fact, naming the field and the article. */
export function checkAnswerFacts(outcome: CaseOutcome, facts: AnswerFacts, at = 'facts'): void {
  const issues: Issue[] = [];
  for (const { key, article } of requiredFacts(outcome, facts)) {
    if (facts[key] === undefined) issues.push({ path: `${at}.${key}`, rule: 'required', message: `请填写${FACT_LABELS[key]}（${article.startsWith('第') ? `《条例》${article}` : article}）` });
  }
  if (issues.length > 0) throw new ValidationError('答复', issues);
}
