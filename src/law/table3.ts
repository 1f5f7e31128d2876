/**
 * Table 3 of the annual report: 收到和处理政府信息公开申请情况 (国办公开办函〔2019〕60号 and
 * 〔2021〕30号). Every label is written here once; both templates are assembled from the same rows.
 * A row's printed label is `number + name`; `groups` lists its enclosing merged row headers, outer first.
 */
import type { TemplateId } from './templateId.ts';

export const TABLE3_TITLE = '收到和处理政府信息公开申请情况';
/** The top-left header cell: the template's own reconciliation note, printed verbatim. */
export const TABLE3_CORNER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export const TABLE3_GROUPS = {
  results: { number: '三、', name: '本年度办理结果' },
  withheld: { number: '（三）', name: '不予公开' },
  unavailable: { number: '（四）', name: '无法提供' },
  not_processed: { number: '（五）', name: '不予处理' },
  other: { number: '（六）', name: '其他处理' },
} as const;
export type Table3GroupId = keyof typeof TABLE3_GROUPS;

/** count: an intake/balance row; outcome: one result of 三; total: 三（七）总计. */
export type Table3RowKind = 'count' | 'outcome' | 'total';

interface RowDef {
  readonly id: string;
  readonly number: string;
  readonly name: string;
  readonly kind: Table3RowKind;
  readonly groups: readonly Table3GroupId[];
}

const row = <const Id extends string, const Kind extends Table3RowKind>(
  id: Id,
  number: string,
  name: string,
  kind: Kind,
  groups: readonly Table3GroupId[] = [],
): { readonly id: Id; readonly number: string; readonly name: string; readonly kind: Kind; readonly groups: readonly Table3GroupId[] } => ({
  id,
  number,
  name,
  kind,
  groups,
});

const R = {
  received: row('received', '一、', '本年新收政府信息公开申请数量', 'count'),
  carried_over: row('carried_over', '二、', '上年结转政府信息公开申请数量', 'count'),
  granted: row('granted', '（一）', '予以公开', 'outcome', ['results']),
  partially_granted: row('partially_granted', '（二）', '部分公开（区分处理的，只计这一情形，不计其他情形）', 'outcome', ['results']),
  state_secret: row('withheld.state_secret', '1.', '属于国家秘密', 'outcome', ['results', 'withheld']),
  prohibited_by_law: row('withheld.prohibited_by_law', '2.', '其他法律行政法规禁止公开', 'outcome', ['results', 'withheld']),
  security_stability: row('withheld.security_stability', '3.', '危及“三安全一稳定”', 'outcome', ['results', 'withheld']),
  third_party_rights: row('withheld.third_party_rights', '4.', '保护第三方合法权益', 'outcome', ['results', 'withheld']),
  internal_affairs: row('withheld.internal_affairs', '5.', '属于三类内部事务信息', 'outcome', ['results', 'withheld']),
  process_information: row('withheld.process_information', '6.', '属于四类过程性信息', 'outcome', ['results', 'withheld']),
  enforcement_file: row('withheld.enforcement_file', '7.', '属于行政执法案卷', 'outcome', ['results', 'withheld']),
  administrative_query: row('withheld.administrative_query', '8.', '属于行政查询事项', 'outcome', ['results', 'withheld']),
  not_held: row('unavailable.not_held', '1.', '本机关不掌握相关政府信息', 'outcome', ['results', 'unavailable']),
  needs_creation: row('unavailable.needs_creation', '2.', '没有现成信息需要另行制作', 'outcome', ['results', 'unavailable']),
  still_unclear: row('unavailable.still_unclear', '3.', '补正后申请内容仍不明确', 'outcome', ['results', 'unavailable']),
  petition_complaint: row('not_processed.petition_complaint', '1.', '信访举报投诉类申请', 'outcome', ['results', 'not_processed']),
  repeated: row('not_processed.repeated', '2.', '重复申请', 'outcome', ['results', 'not_processed']),
  publication: row('not_processed.publication', '3.', '要求提供公开出版物', 'outcome', ['results', 'not_processed']),
  mass_repetitive: row('not_processed.mass_repetitive', '4.', '无正当理由大量反复申请', 'outcome', ['results', 'not_processed']),
  confirm_or_reissue: row('not_processed.confirm_or_reissue', '5.', '要求行政机关确认或重新出具已获取信息', 'outcome', ['results', 'not_processed']),
  other_2019: row('other', TABLE3_GROUPS.other.number, TABLE3_GROUPS.other.name, 'outcome', ['results']),
  no_supplement: row('other.no_supplement', '1.', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'outcome', ['results', 'other']),
  unpaid_fee: row('other.unpaid_fee', '2.', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'outcome', ['results', 'other']),
  other_other: row('other.other', '3.', '其他', 'outcome', ['results', 'other']),
  processed_total: row('processed_total', '（七）', '总计', 'total', ['results']),
  carried_forward: row('carried_forward', '四、', '结转下年度继续办理', 'count'),
} as const;

const COMMON_HEAD = [
  R.received, R.carried_over, R.granted, R.partially_granted,
  R.state_secret, R.prohibited_by_law, R.security_stability, R.third_party_rights,
  R.internal_affairs, R.process_information, R.enforcement_file, R.administrative_query,
  R.not_held, R.needs_creation, R.still_unclear,
  R.petition_complaint, R.repeated, R.publication, R.mass_repetitive, R.confirm_or_reissue,
] as const;
const COMMON_TAIL = [R.processed_total, R.carried_forward] as const;

export const TABLE3_ROWS = {
  '2019': [...COMMON_HEAD, R.other_2019, ...COMMON_TAIL],
  '2021': [...COMMON_HEAD, R.no_supplement, R.unpaid_fee, R.other_other, ...COMMON_TAIL],
} as const satisfies Record<TemplateId, readonly RowDef[]>;

export type Table3Row = (typeof TABLE3_ROWS)[TemplateId][number];
export type Table3RowId = Table3Row['id'];
export type Table3RowId2019 = (typeof TABLE3_ROWS)['2019'][number]['id'];
export type Table3RowId2021 = (typeof TABLE3_ROWS)['2021'][number]['id'];

/** The outcome rows of 三 — the terms of R2 — in template order. */
export type OutcomeRowId = Extract<Table3Row, { kind: 'outcome' }>['id'];

export function table3Rows(template: TemplateId): readonly Table3Row[] {
  return TABLE3_ROWS[template];
}

export function outcomeRows(template: TemplateId): readonly Table3Row[] {
  return TABLE3_ROWS[template].filter((r) => r.kind === 'outcome');
}

export function table3RowLabel(r: Pick<RowDef, 'number' | 'name'>): string {
  return r.number + r.name;
}

/**
 * A row's name without the counting note the template prints in brackets after it:
 * `部分公开（区分处理的，只计这一情形，不计其他情形）` → `部分公开`. Other names are returned whole.
 */
export function table3RowShortName(r: Pick<RowDef, 'name'>): string {
  return r.name.replace(/（[^（）]*）$/, '');
}

export function groupLabel(id: Table3GroupId): string {
  const g = TABLE3_GROUPS[id];
  return g.number + g.name;
}

export function findTable3Row(template: TemplateId, id: string): Table3Row | undefined {
  return TABLE3_ROWS[template].find((r) => r.id === id);
}
