/**
 * The online application form (条例 Art. 29 ¶2: who applies and how to reach them, what information,
 * in which form and how to receive it). One table of fields drives both the rendered form and the
 * reading of the posted body, and the field names are the ApplicationInput paths, so a validation
 * issue (`applicant.idNumber`) points at its field.
 */
import { APPLICANT_KINDS } from '../law/index.ts';
import { DELIVERIES, DELIVERY_LABELS, FORMS, FORM_LABELS, ID_TYPES, normalizeCode, type ApplicationInput } from '../requests/applicationInput.ts';
import type { Issue } from '../shared/domainError.ts';
import { html, type Raw } from './html.ts';

const ID_TYPE_LABELS = { resident_id: '居民身份证', passport: '护照', other: '其他证件' } as const satisfies Record<(typeof ID_TYPES)[number], string>;

interface Field {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'select' | 'email' | 'tel';
  required?: boolean;
  /** required only for this delivery method */
  requiredFor?: string;
  hint?: string;
  /** full-width characters and spaces normalised */
  code?: boolean;
  options?: readonly { value: string; label: string }[];
  autocomplete?: string;
}

const options = <K extends string>(ids: readonly K[], labels: Record<K, string>) => ids.map((value) => ({ value, label: labels[value] }));

export const FORM_SECTIONS: readonly { legend: string; fields: readonly Field[] }[] = [
  {
    legend: '申请人信息',
    fields: [
      { name: 'applicant.kind', label: '申请人类型', kind: 'select', required: true, options: APPLICANT_KINDS.map((k) => ({ value: k.id, label: k.organisation ? `法人或其他组织：${k.label}` : `公民（${k.label}）` })) },
      { name: 'applicant.name', label: '姓名或名称', kind: 'text', required: true, autocomplete: 'name' },
      { name: 'applicant.idType', label: '证件类型', kind: 'select', hint: '公民填写', options: options(ID_TYPES, ID_TYPE_LABELS) },
      { name: 'applicant.idNumber', label: '证件号码', kind: 'text', hint: '公民必填；身份证号码将校验出生日期和末位校验码', code: true },
      { name: 'applicant.creditCode', label: '统一社会信用代码', kind: 'text', hint: '法人或其他组织必填（18位）', code: true },
      { name: 'applicant.contactPerson', label: '联系人', kind: 'text', hint: '法人或其他组织必填' },
      { name: 'applicant.phone', label: '联系电话', kind: 'tel', required: true, autocomplete: 'tel', code: true },
      { name: 'applicant.email', label: '电子邮箱', kind: 'email', autocomplete: 'email', requiredFor: '选择“电子邮件”获取信息时必填' },
      { name: 'applicant.address', label: '通信地址', kind: 'text', autocomplete: 'street-address', requiredFor: '选择“邮寄”获取信息时必填' },
      { name: 'applicant.postalCode', label: '邮政编码', kind: 'text', autocomplete: 'postal-code', requiredFor: '选择“邮寄”获取信息时必填（6位数字）', code: true },
    ],
  },
  {
    legend: '所需信息情况',
    fields: [
      { name: 'description', label: '所需政府信息的名称或内容描述', kind: 'textarea', required: true, hint: '请写明信息名称、文号，或便于查找的其他特征性描述' },
      { name: 'documentNumber', label: '文号', kind: 'text' },
      { name: 'form', label: '信息的载体形式', kind: 'select', required: true, options: options(FORMS, FORM_LABELS) },
      { name: 'delivery', label: '获取信息的方式', kind: 'select', required: true, options: options(DELIVERIES, DELIVERY_LABELS) },
    ],
  },
];

/** The posted body, flat `name → value`, as ApplicationInput; blank optional fields are left out. */
export function readApplicationForm(body: Record<string, unknown>): ApplicationInput {
  const codes = new Set(FORM_SECTIONS.flatMap((sec) => sec.fields.filter((f) => f.code === true).map((f) => f.name)));
  const value = (name: string): string | undefined => {
    const v = body[name];
    let s = typeof v === 'string' ? v.trim() : undefined;
    if (s !== undefined && codes.has(name)) s = name === 'applicant.phone' ? s.normalize('NFKC').replace(/\u3000/g, ' ').trim() : normalizeCode(s);
    return s === '' ? undefined : s;
  };
  const applicant: Record<string, string | undefined> = {};
  const rest: Record<string, string | undefined> = {};
  for (const section of FORM_SECTIONS) {
    for (const f of section.fields) {
      if (f.name.startsWith('applicant.')) applicant[f.name.slice('applicant.'.length)] = value(f.name);
      else rest[f.name] = value(f.name);
    }
  }
  if (applicant['kind'] !== 'natural_person') delete applicant['idType'];
  return { ...rest, applicant: { ...applicant, name: applicant['name'] ?? '', phone: applicant['phone'] ?? '' } } as unknown as ApplicationInput;
}

/** The issues in the order of the form's fields (then any others). */
export function issuesInFormOrder(issues: readonly Issue[]): Issue[] {
  const order = FORM_SECTIONS.flatMap((sec) => sec.fields.map((f) => f.name));
  const rank = (p: string) => {
    const i = order.indexOf(p);
    return i < 0 ? order.length : i;
  };
  return [...issues].sort((x, y) => rank(x.path) - rank(y.path));
}

export function renderApplicationForm(action: string, values: Record<string, unknown>, issues: readonly Issue[], token: string): Raw {
  const ordered = issuesInFormOrder(issues);
  const errorFor = (name: string) => ordered.filter((i) => i.path === name).map((i) => i.message).join('；');
  const val = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const fieldsWithErrors = [...new Set(ordered.map((i) => i.path))];
  const field = (f: Field) => {
    const id = `f-${f.name.replace(/\./g, '-')}`;
    const error = errorFor(f.name);
    const hint = f.requiredFor ?? f.hint;
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const attrs = html`id="${id}" name="${f.name}"${f.required ? html` required aria-required="true"` : ''}${error ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}`;
    const control =
      f.kind === 'textarea'
        ? html`<textarea ${attrs}>${val(f.name)}</textarea>`
        : f.kind === 'select'
          ? html`<select ${attrs}>${f.required ? '' : html`<option value="">（不填）</option>`}${(f.options ?? []).map((o) => html`<option value="${o.value}"${val(f.name) === o.value ? ' selected' : ''}>${o.label}</option>`)}</select>`
          : html`<input type="${f.kind}" ${attrs} value="${val(f.name)}">`;
    return html`<div class="field"><label for="${id}">${f.label}${f.required ? html`<span class="req" aria-hidden="true"> *</span><span class="skip">（必填）</span>` : f.requiredFor ? html`<span class="req" aria-hidden="true"> ※</span>` : ''}</label>${hint ? html`<div class="hint" id="${id}-hint">${hint}</div>` : ''}${control}${error ? html`<div class="error" id="${id}-error">${error}</div>` : ''}</div>`;
  };
  return html`
${ordered.length > 0 ? html`<div class="notice" role="alert" id="error-summary" tabindex="-1" autofocus aria-labelledby="error-summary-title"><h2 id="error-summary-title">申请未能提交，有 ${fieldsWithErrors.length} 处需要修改：</h2><ol>${fieldsWithErrors.map((p) => html`<li><a href="#f-${p.replace(/\./g, '-')}">${fieldLabel(p)}</a>：${errorFor(p)}</li>`)}</ol></div>` : ''}
<form class="apply" method="post" action="${action}" novalidate>
<input type="hidden" name="token" value="${token}">
<p class="hint">带 <span class="req">*</span> 的为必填项；带 <span class="req">※</span> 的视获取信息的方式而定：邮寄须填通信地址和邮政编码，电子邮件须填电子邮箱。</p>
${FORM_SECTIONS.map((s) => html`<fieldset><legend>${s.legend}</legend>${s.fields.map(field)}</fieldset>`)}
<p class="hint">提交后您将获得受理编号和查询密码，请妥善保存，用于查询办理进度、在线补正、撤回申请和获取答复。</p>
<button type="submit">提交申请</button>
</form>`;
}

function fieldLabel(path: string): string {
  for (const s of FORM_SECTIONS) for (const f of s.fields) if (f.name === path) return f.label;
  return path;
}
