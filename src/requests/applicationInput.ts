/**
 * What an application contains (Art. 29 ¶2), validated field by field. The shape is also checked by the
 * HTTP schema; this checks the rules (check digits, which fields each applicant kind needs …) so that the
 * CLI, the demo and the API get the same errors.
 */
import type { CivilDate } from '../calendar/civilDate.ts';
import { isCivilDate } from '../calendar/civilDate.ts';
import { APPLICANT_KIND_IDS, isApplicantKind } from '../law/applicants.ts';
import type { ApplicantKind } from '../law/applicants.ts';
import { CHANNEL_IDS, type Channel } from '../law/deadline/index.ts';

export type { Channel };
import type { Issue } from '../shared/domainError.ts';
import { ValidationError } from '../shared/domainError.ts';
import { controlCharacterIssues } from '../shared/text.ts';
import { creditCodeProblem, residentIdProblem } from './identity.ts';

/** The channels of Art. 31: the deadline engine's, where their ids and labels live. */
export const CHANNELS: readonly Channel[] = CHANNEL_IDS;

export const FORMS = ['paper', 'electronic', 'inspect'] as const;
export type Form = (typeof FORMS)[number];
export const FORM_LABELS = { paper: '纸质', electronic: '电子', inspect: '查阅、抄录' } as const satisfies Record<Form, string>;

export const DELIVERIES = ['post', 'email', 'pickup', 'online'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DELIVERY_LABELS = { post: '邮寄', email: '电子邮件', pickup: '自行领取', online: '网上获取' } as const satisfies Record<Delivery, string>;

export const ID_TYPES = ['resident_id', 'passport', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

/** The applicant's personal data (stored encrypted). */
export interface Applicant {
  kind: ApplicantKind;
  /** A natural person's name, or the organisation's name. */
  name: string;
  idType?: IdType | undefined;
  idNumber?: string | undefined;
  creditCode?: string | undefined;
  legalRepresentative?: string | undefined;
  contactPerson?: string | undefined;
  phone: string;
  email?: string | undefined;
  address?: string | undefined;
  postalCode?: string | undefined;
}

export interface ApplicationInput {
  applicant: Applicant;
  /** The information requested: name, document number or a description that lets the agency find it. */
  description: string;
  documentNumber?: string | undefined;
  purpose?: string | undefined;
  form: Form;
  delivery: Delivery;
}

function inList<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function text(issues: Issue[], path: string, value: unknown, min: number, max: number, required: boolean): void {
  if (value === undefined || value === null) {
    if (required) issues.push({ path, rule: 'required', message: '必填' });
    return;
  }
  if (typeof value !== 'string') {
    issues.push({ path, rule: 'type', message: '应为文本' });
    return;
  }
  const n = [...value.trim()].length;
  if (n < min || n > max) issues.push({ path, rule: 'length', message: min > 0 ? `应为${min}–${max}个字符` : `最多${max}个字符` });
}

/** Validates (and normalises: trims, upper-cases id numbers) an application; throws ValidationError with every issue. */
export function validateApplicationInput(input: ApplicationInput, prefix = ''): ApplicationInput {
  const control = controlCharacterIssues(input, prefix.replace(/\.$/, ''));
  if (control.length > 0) throw new ValidationError('申请', control);
  const issues: Issue[] = [];
  const p = (s: string) => `${prefix}${s}`;
  const a = input.applicant;
  if (!isApplicantKind(a.kind)) issues.push({ path: p('applicant.kind'), rule: 'enum', message: `应为：${APPLICANT_KIND_IDS.join('、')}` });
  text(issues, p('applicant.name'), a.name, 1, 100, true);
  text(issues, p('applicant.phone'), a.phone, 5, 20, true);
  if (typeof a.phone === 'string' && !/^[0-9+\-() ]{5,20}$/.test(a.phone.trim())) issues.push({ path: p('applicant.phone'), rule: 'pattern', message: '联系电话只能包含数字、空格、+、-、括号' });
  if (a.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email)) issues.push({ path: p('applicant.email'), rule: 'format', message: '电子邮箱格式不正确' });
  text(issues, p('applicant.address'), a.address, 0, 200, false);
  if (a.postalCode !== undefined && !/^\d{6}$/.test(a.postalCode)) issues.push({ path: p('applicant.postalCode'), rule: 'pattern', message: '邮政编码应为6位数字' });
  const natural = a.kind === 'natural_person';
  let idNumber = a.idNumber?.trim().toUpperCase();
  let creditCode = a.creditCode?.trim().toUpperCase();
  if (natural) {
    const idType = a.idType ?? 'resident_id';
    if (!inList(ID_TYPES, idType)) issues.push({ path: p('applicant.idType'), rule: 'enum', message: `应为：${ID_TYPES.join('、')}` });
    if (idNumber === undefined || idNumber === '') issues.push({ path: p('applicant.idNumber'), rule: 'required', message: '自然人申请须提供身份证件号码' });
    else if (idType === 'resident_id') {
      const problem = residentIdProblem(idNumber);
      if (problem !== null) issues.push({ path: p('applicant.idNumber'), rule: 'resident_id', message: `身份证号码${problem}` });
    } else if (idNumber.length < 4 || idNumber.length > 40) issues.push({ path: p('applicant.idNumber'), rule: 'length', message: '证件号码应为4–40个字符' });
    if (creditCode !== undefined) issues.push({ path: p('applicant.creditCode'), rule: 'not_allowed', message: '自然人申请不填写统一社会信用代码' });
  } else if (isApplicantKind(a.kind)) {
    if (creditCode === undefined || creditCode === '') issues.push({ path: p('applicant.creditCode'), rule: 'required', message: '法人或其他组织申请须提供统一社会信用代码' });
    else {
      const problem = creditCodeProblem(creditCode);
      if (problem !== null) issues.push({ path: p('applicant.creditCode'), rule: 'credit_code', message: `统一社会信用代码${problem}` });
    }
    text(issues, p('applicant.legalRepresentative'), a.legalRepresentative, 1, 50, false);
    text(issues, p('applicant.contactPerson'), a.contactPerson, 1, 50, true);
    if (idNumber !== undefined) issues.push({ path: p('applicant.idNumber'), rule: 'not_allowed', message: '法人或其他组织申请不填写身份证件号码' });
    idNumber = undefined;
  }
  if (!natural) idNumber = undefined;
  else creditCode = undefined;
  text(issues, p('description'), input.description, 5, 2000, true);
  text(issues, p('documentNumber'), input.documentNumber, 0, 100, false);
  text(issues, p('purpose'), input.purpose, 0, 500, false);
  if (!inList(FORMS, input.form)) issues.push({ path: p('form'), rule: 'enum', message: `应为：${FORMS.join('、')}` });
  if (!inList(DELIVERIES, input.delivery)) issues.push({ path: p('delivery'), rule: 'enum', message: `应为：${DELIVERIES.join('、')}` });
  if (issues.length > 0) throw new ValidationError('申请', issues);
  const applicant: Applicant = {
    kind: a.kind,
    name: a.name.trim(),
    phone: a.phone.trim(),
    ...(natural ? { idType: a.idType ?? 'resident_id', idNumber } : { creditCode, contactPerson: a.contactPerson?.trim() }),
    ...(a.legalRepresentative !== undefined && !natural ? { legalRepresentative: a.legalRepresentative.trim() } : {}),
    ...(a.email !== undefined ? { email: a.email.trim() } : {}),
    ...(a.address !== undefined ? { address: a.address.trim() } : {}),
    ...(a.postalCode !== undefined ? { postalCode: a.postalCode } : {}),
  };
  return {
    applicant,
    description: input.description.trim(),
    form: input.form,
    delivery: input.delivery,
    ...(input.documentNumber !== undefined ? { documentNumber: input.documentNumber.trim() } : {}),
    ...(input.purpose !== undefined ? { purpose: input.purpose.trim() } : {}),
  };
}

/** A civil date field: valid, and not after `today`. */
export function checkStepDate(value: string, field: string, today: CivilDate, notBefore?: CivilDate | null): CivilDate {
  if (!isCivilDate(value)) throw new ValidationError('日期', [{ path: field, rule: 'date', message: '应为有效日期 YYYY-MM-DD' }]);
  if (value > today) throw new ValidationError('日期', [{ path: field, rule: 'not_future', message: `不能晚于今天（${today}）` }]);
  if (notBefore !== undefined && notBefore !== null && value < notBefore) {
    throw new ValidationError('日期', [{ path: field, rule: 'not_before_previous', message: `不能早于上一步的日期（${notBefore}）` }]);
  }
  return value;
}

/** Full-width digits, letters and spaces (ＩＤ、电话、邮编 typed with a Chinese IME) made plain; spaces removed. */
export function normalizeCode(value: string): string {
  return value.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

/**
 * What the delivery method needs (an online application): 邮寄 → 通信地址 and 邮政编码; 电子邮件 → 电子邮箱;
 * and a 居民身份证 whose birth date lies after today.
 */
export function onlineApplicationIssues(input: ApplicationInput, today: CivilDate, prefix = ''): Issue[] {
  const issues: Issue[] = [];
  const a: Partial<Applicant> = input.applicant ?? {};
  const blank = (v: string | undefined) => v === undefined || v.trim() === '';
  if (input.delivery === 'post') {
    if (blank(a.address)) issues.push({ path: `${prefix}applicant.address`, rule: 'required_for_post', message: '选择邮寄时必须填写通信地址' });
    if (blank(a.postalCode)) issues.push({ path: `${prefix}applicant.postalCode`, rule: 'required_for_post', message: '选择邮寄时必须填写邮政编码' });
  }
  if (input.delivery === 'email' && blank(a.email)) issues.push({ path: `${prefix}applicant.email`, rule: 'required_for_email', message: '选择电子邮件时必须填写电子邮箱' });
  const id = a.idNumber?.trim().toUpperCase();
  if (a.kind === 'natural_person' && (a.idType ?? 'resident_id') === 'resident_id' && id !== undefined && /^\d{17}[\dX]$/.test(id)) {
    const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    if (birth > today) issues.push({ path: `${prefix}applicant.idNumber`, rule: 'birth_not_future', message: `身份证号码中的出生日期（${birth}）晚于今天` });
  }
  return issues;
}
