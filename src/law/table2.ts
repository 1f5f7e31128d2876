/**
 * Table 2 of the annual report: 主动公开政府信息情况 — one block per item of 条例 Art. 20, each with a
 * caption row (第二十条第（X）项), a header row (信息内容 + value columns) and its data rows.
 */
import type { TemplateId } from './templateId.ts';

export const TABLE2_TITLE = '主动公开政府信息情况';
export const TABLE2_ROW_HEADER = '信息内容';

/** count: a non-negative integer; signed: an integer that may be negative (本年增/减); amount: 万元, decimals allowed. */
export type Table2ValueKind = 'count' | 'signed' | 'amount';

interface ColumnDef {
  readonly id: string;
  readonly label: string;
  readonly value: Table2ValueKind;
}
interface BlockDef {
  readonly item: string;
  readonly columns: readonly ColumnDef[];
  readonly rows: readonly { readonly id: string; readonly label: string }[];
}

const col = <const Id extends string>(id: Id, label: string, value: Table2ValueKind = 'count') =>
  ({ id, label, value }) as const satisfies ColumnDef;
const rw = <const Id extends string>(id: Id, label: string) => ({ id, label }) as const;

const RULES = rw('rules', '规章');
const LICENSING = rw('licensing', '行政许可');
const PUNISHMENT = rw('punishment', '行政处罚');
const COERCION = rw('coercion', '行政强制');
const FEES = rw('fees', '行政事业性收费');

const PREVIOUS = col('previous', '上一年项目数量');
const CHANGE = col('change', '本年增/减', 'signed');
const DECISIONS_2019 = col('decisions', '处理决定数量');
const DECISIONS_2021 = col('decisions', '本年处理决定数量');

export const TABLE2_BLOCKS = {
  '2019': [
    {
      item: '（一）',
      columns: [col('made', '本年新制作数量'), col('published', '本年新公开数量'), col('total_published', '对外公开总数量')],
      rows: [RULES, rw('normative_documents', '规范性文件')],
    },
    { item: '（五）', columns: [PREVIOUS, CHANGE, DECISIONS_2019], rows: [LICENSING, rw('other_services', '其他对外管理服务事项')] },
    { item: '（六）', columns: [PREVIOUS, CHANGE, DECISIONS_2019], rows: [PUNISHMENT, COERCION] },
    { item: '（八）', columns: [PREVIOUS, CHANGE], rows: [FEES] },
    {
      item: '（九）',
      columns: [col('items', '采购项目数量'), col('amount_wan', '采购总金额', 'amount')],
      rows: [rw('procurement', '政府集中采购')],
    },
  ],
  '2021': [
    {
      item: '（一）',
      columns: [col('issued', '本年制发件数'), col('repealed', '本年废止件数'), col('in_force', '现行有效件数')],
      rows: [RULES, rw('normative_documents', '行政规范性文件')],
    },
    { item: '（五）', columns: [DECISIONS_2021], rows: [LICENSING] },
    { item: '（六）', columns: [DECISIONS_2021], rows: [PUNISHMENT, COERCION] },
    { item: '（八）', columns: [col('amount_wan', '本年收费金额（单位：万元）', 'amount')], rows: [FEES] },
  ],
} as const satisfies Record<TemplateId, readonly BlockDef[]>;

export type Table2Block = (typeof TABLE2_BLOCKS)[TemplateId][number];
export type ProactiveRowId = Table2Block['rows'][number]['id'];
export type ProactiveColumnId = Table2Block['columns'][number]['id'];

/** `第二十条第（一）项` — the caption of a block. */
export function blockCaption(block: Pick<BlockDef, 'item'>): string {
  return `第二十条第${block.item}项`;
}

export function table2Blocks(template: TemplateId): readonly Table2Block[] {
  return TABLE2_BLOCKS[template];
}

/** Every (row, column) cell of table 2 in reading order, with the column's value kind. */
export function table2Cells(template: TemplateId): { row: ProactiveRowId; column: ProactiveColumnId; value: Table2ValueKind }[] {
  return TABLE2_BLOCKS[template].flatMap((b) =>
    b.rows.flatMap((r) => b.columns.map((c) => ({ row: r.id as ProactiveRowId, column: c.id as ProactiveColumnId, value: c.value }))),
  );
}
