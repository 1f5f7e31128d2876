/**
 * The two national annual-report templates: 国办公开办函〔2019〕60号 (reports on 2019 and 2020) and
 * 国办公开办函〔2021〕30号 (reports on 2021 onwards).
 */
export const TEMPLATE_IDS = ['2019', '2021'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATE_DOCUMENTS = {
  '2019': { document: '国办公开办函〔2019〕60号', title: '中华人民共和国政府信息公开工作年度报告格式（试行）', firstYear: 2019 },
  '2021': { document: '国办公开办函〔2021〕30号', title: '中华人民共和国政府信息公开工作年度报告格式', firstYear: 2021 },
} as const satisfies Record<TemplateId, { document: string; title: string; firstYear: number }>;

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value);
}

/**
 * The template a report on `year` must use, or null for years before the 2019 regulation's format
 * (reports on 2008–2018 followed older, non-national layouts).
 */
export function templateForYear(year: number): TemplateId | null {
  if (!Number.isInteger(year) || year < TEMPLATE_DOCUMENTS['2019'].firstYear) return null;
  return year < TEMPLATE_DOCUMENTS['2021'].firstYear ? '2019' : '2021';
}
