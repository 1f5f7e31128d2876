/**
 * Table 4 of the annual report: 政府信息公开行政复议、行政诉讼情况. Identical in both templates: one data
 * row of 15 figures under three groups (行政复议; 行政诉讼 split into 未经复议直接起诉 and 复议后起诉).
 */
export const TABLE4_TITLE = '政府信息公开行政复议、行政诉讼情况';
export const LITIGATION_HEADER = '行政诉讼';

export const APPEAL_GROUPS = [
  { id: 'reconsideration', label: '行政复议', litigation: false },
  { id: 'litigation_direct', label: '未经复议直接起诉', litigation: true },
  { id: 'litigation_after_reconsideration', label: '复议后起诉', litigation: true },
] as const;
export type AppealGroupId = (typeof APPEAL_GROUPS)[number]['id'];

/** The four results of an appeal, then the group's 总计. */
export const APPEAL_RESULTS = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
] as const;
export type AppealColumnId = (typeof APPEAL_RESULTS)[number]['id'];
/** What an appeal case can end in (or still be): every column but 总计. */
export type AppealResult = Exclude<AppealColumnId, 'total'>;

export const APPEAL_GROUP_IDS: readonly AppealGroupId[] = APPEAL_GROUPS.map((g) => g.id);
export const APPEAL_COLUMN_IDS: readonly AppealColumnId[] = APPEAL_RESULTS.map((r) => r.id);
