/**
 * The six sections of every annual report (条例 Art. 50, both templates), in order, with the table each
 * one holds. Renderers print `heading`; parsers also accept the `variants` real reports use.
 */
import { TABLE2_TITLE } from './table2.ts';
import { TABLE3_TITLE } from './table3.ts';
import { TABLE4_TITLE } from './table4.ts';

export const REPORT_SECTIONS = [
  { id: 'overview', number: '一、', title: '总体情况', table: null, variants: [] },
  { id: 'proactive', number: '二、', title: TABLE2_TITLE, table: 'proactive', variants: [] },
  { id: 'applications', number: '三、', title: TABLE3_TITLE, table: 'applications', variants: [] },
  {
    id: 'appeals',
    number: '四、',
    title: TABLE4_TITLE,
    table: 'appeals',
    variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', '政府信息公开行政复议和行政诉讼情况'],
  },
  { id: 'problems', number: '五、', title: '存在的主要问题及改进情况', table: null, variants: ['政府信息公开工作存在的主要问题及改进情况'] },
  { id: 'other', number: '六、', title: '其他需要报告的事项', table: null, variants: [] },
] as const;

export type SectionId = (typeof REPORT_SECTIONS)[number]['id'];
export type ReportTableId = NonNullable<(typeof REPORT_SECTIONS)[number]['table']>;

export function sectionHeading(section: { number: string; title: string }): string {
  return section.number + section.title;
}

/** The report's title as agencies publish it: `国家信访局2020年政府信息公开工作年度报告`. */
export function reportTitle(agency: string, year: number): string {
  return `${agency}${year}年政府信息公开工作年度报告`;
}
