/** The columns of the register (spec/register.md): id, Chinese header, and whether a file must have it. */
export const REGISTER_COLUMNS = [
  { id: 'ref', label: '编号', required: false },
  { id: 'received_on', label: '收到日期', required: true },
  { id: 'channel', label: '申请方式', required: false },
  { id: 'applicant_type', label: '申请人类型', required: true },
  { id: 'applicant_name', label: '申请人', required: false },
  { id: 'subject', label: '申请内容', required: false },
  { id: 'outcome', label: '办理结果', required: false },
  { id: 'concluded_on', label: '办结日期', required: false },
] as const;
export type RegisterColumnId = (typeof REGISTER_COLUMNS)[number]['id'];

/** A header as written, without whitespace, a BOM, or the `*` that templates put on required columns. */
export function normalizeHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').replace(/[\s\u3000*＊]+/g, '').replace(/[（(]必填[）)]$/, '');
}

const BY_HEADER = new Map<string, RegisterColumnId>();
for (const c of REGISTER_COLUMNS) {
  BY_HEADER.set(c.id, c.id);
  BY_HEADER.set(c.label, c.id);
}

/** The column a header names (by id, case-insensitive, or Chinese name), or undefined for a notes column. */
export function columnForHeader(header: string): RegisterColumnId | undefined {
  const h = normalizeHeader(header);
  return BY_HEADER.get(h) ?? BY_HEADER.get(h.toLowerCase());
}

export function columnLabel(id: RegisterColumnId): string {
  return REGISTER_COLUMNS.find((c) => c.id === id)!.label;
}
