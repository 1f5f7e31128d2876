/**
 * The online application form (条例 Art. 29 ¶2: who applies and how to reach them, what information,
 * in which form and how to receive it). One table of fields drives both the rendered form and the
 * reading of the posted body, and the field names are the ApplicationInput paths, so a validation
 * issue (`applicant.idNumber`) points at its field.
 */
import { APPLICANT_KINDS } from '../law/index.ts';
import { DELIVERIES, DELIVERY_LABELS, FORMS, FORM_LABELS, ID_TYPES, type ApplicationInput } from '../requests/applicationInput.ts';
import type { Issue } from '../shared/domainError.ts';
import { html, type Raw } from './html.ts';

const ID_TYPE_LABELS = { resident_id: '居民身份证', passport: '护照', other: '其他证件' } as const satisfies Record<(typeof ID_TYPES)[number], string>;

interface Field {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'select' | 'email' | 'tel';
  required?: boolean;
  hint?: string;
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
      { name: 'applicant.idNumber', label: '证件号码', kind: 'text', hint: '公民填写；身份证号码将校验末位校验码' },
      { name: 'applicant.creditCode', label: '统一社会信用代码', kind: 'text', hint: '法人或其他组织填写（18位）' },
      { name: 'applicant.contactPerson', label: '联系人', kind: 'text', hint: '法人或其他组织填写' },
      { name: 'applicant.phone', label: '联系电话', kind: 'tel', required: true, autocomplete: 'tel' },
      { name: 'applicant.email', label: '电子邮箱', kind: 'email', autocomplete: 'email' },
      { name: 'applicant.address', label: '通信地址', kind: 'text', autocomplete: 'street-address' },
      { name: 'applicant.postalCode', label: '邮政编码', kind: 'text', autocomplete: 'postal-code' },
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
  const value = (name: string): string | undefined => {
    const v = body[name];
    const s = typeof v === 'string' ? v.trim() : undefined;
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

export function renderApplicationForm(action: string, values: Record<string, unknown>, issues: readonly Issue[]): Raw {
  const errorFor = (name: string) => issues.filter((i) => i.path === name).map((i) => i.message).join('；');
  const val = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const field = (f: Field) => {
    const id = `f-${f.name.replace(/\./g, '-')}`;
    const error = errorFor(f.name);
    const describedBy = [f.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const attrs = html`id="${id}" name="${f.name}"${f.required ? html` required aria-required="true"` : ''}${error ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}`;
    const control =
      f.kind === 'textarea'
        ? html`<textarea ${attrs}>${val(f.name)}</textarea>`
        : f.kind === 'select'
          ? html`<select ${attrs}>${f.required ? '' : html`<option value="">（不填）</option>`}${(f.options ?? []).map((o) => html`<option value="${o.value}"${val(f.name) === o.value ? ' selected' : ''}>${o.label}</option>`)}</select>`
          : html`<input type="${f.kind}" ${attrs} value="${val(f.name)}">`;
    return html`<div class="field"><label for="${id}">${f.label}${f.required ? html`<span aria-hidden="true"> *</span>` : ''}</label>${f.hint ? html`<div class="hint" id="${id}-hint">${f.hint}</div>` : ''}${control}${error ? html`<div class="error" id="${id}-error">${error}</div>` : ''}</div>`;
  };
  return html`
${issues.length > 0 ? html`<div class="notice" role="alert"><p>申请未能提交，请修改以下 ${issues.length} 处：</p><ul>${issues.map((i) => html`<li><a href="#f-${i.path.replace(/\./g, '-')}">${fieldLabel(i.path)}</a>：${i.message}</li>`)}</ul></div>` : ''}
<form method="post" action="${action}" novalidate>
${FORM_SECTIONS.map((s) => html`<fieldset><legend>${s.legend}</legend>${s.fields.map(field)}</fieldset>`)}
<p class="hint">带 * 的为必填项。提交后您将获得受理编号和查询密码，请妥善保存，用于查询办理进度和获取答复。</p>
<button type="submit">提交申请</button>
</form>`;
}

function fieldLabel(path: string): string {
  for (const s of FORM_SECTIONS) for (const f of s.fields) if (f.name === path) return f.label;
  return path;
}
