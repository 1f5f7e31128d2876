/**
 * The catalogue of proactively disclosed information (条例 Arts. 12, 20, 26) as data: the Art. 20 items,
 * the default 法定主动公开内容 sub-columns, the validity states, the document kinds table 2 counts, and
 * the four columns of 国办公开办函〔2019〕61号. Pure: no I/O.
 */

/** 条例 Art. 20, items （一）–（十五）, with the short sub-column label portals use (portal.md §2). */
export const ART20_ITEMS = [
  { id: '1', numeral: '（一）', column: '政策文件', text: '行政法规、规章和规范性文件' },
  { id: '2', numeral: '（二）', column: '机构职能', text: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名' },
  { id: '3', numeral: '（三）', column: '规划信息', text: '国民经济和社会发展规划、专项规划、区域规划及相关政策' },
  { id: '4', numeral: '（四）', column: '统计信息', text: '国民经济和社会发展统计信息' },
  { id: '5', numeral: '（五）', column: '行政许可和办事服务', text: '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果' },
  { id: '6', numeral: '（六）', column: '行政处罚和行政强制', text: '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定' },
  { id: '7', numeral: '（七）', column: '财政预决算', text: '财政预算、决算信息' },
  { id: '8', numeral: '（八）', column: '行政事业性收费', text: '行政事业性收费项目及其依据、标准' },
  { id: '9', numeral: '（九）', column: '政府集中采购', text: '政府集中采购项目的目录、标准及实施情况' },
  { id: '10', numeral: '（十）', column: '重大建设项目', text: '重大建设项目的批准和实施情况' },
  { id: '11', numeral: '（十一）', column: '扶贫、教育、医疗、社会保障、促进就业', text: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况' },
  { id: '12', numeral: '（十二）', column: '应急管理', text: '突发公共事件的应急预案、预警信息及应对情况' },
  { id: '13', numeral: '（十三）', column: '监督检查', text: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况' },
  { id: '14', numeral: '（十四）', column: '公务员招考', text: '公务员招考的职位、名额、报考条件等事项以及录用结果' },
  { id: '15', numeral: '（十五）', column: '其他法定公开内容', text: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息' },
] as const;
export type Art20ItemId = (typeof ART20_ITEMS)[number]['id'];
export const ART20_ITEM_IDS = ART20_ITEMS.map((i) => i.id) as readonly Art20ItemId[];
export function isArt20Item(value: unknown): value is Art20ItemId {
  return typeof value === 'string' && (ART20_ITEM_IDS as readonly string[]).includes(value);
}
export function art20Item(id: Art20ItemId): (typeof ART20_ITEMS)[number] {
  return ART20_ITEMS.find((i) => i.id === id)!;
}

/** 有效性 (portal.md §3). */
export const VALIDITY = ['valid', 'expired', 'repealed', 'revised'] as const;
export type Validity = (typeof VALIDITY)[number];
export const VALIDITY_LABELS = { valid: '有效', expired: '失效', repealed: '废止', revised: '已修订' } as const satisfies Record<Validity, string>;
export function isValidity(value: unknown): value is Validity {
  return typeof value === 'string' && (VALIDITY as readonly string[]).includes(value);
}

/** What a document is, as far as table 2 （一） counts it. */
export const DOCUMENT_KINDS = ['rule', 'normative', 'interpretation', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS = { rule: '规章', normative: '行政规范性文件', interpretation: '政策解读', other: '其他' } as const satisfies Record<DocumentKind, string>;
export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** The two catalogue columns documents go into (the 指南 is generated, the 年报 are the reports). */
export const CATALOGUE_COLUMNS = ['system', 'proactive'] as const;
export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number];
export function isCatalogueColumn(value: unknown): value is CatalogueColumn {
  return typeof value === 'string' && (CATALOGUE_COLUMNS as readonly string[]).includes(value);
}

/** The four first-level columns of the 政府信息公开 platform, in order (国办公开办函〔2019〕61号). */
export const PLATFORM_COLUMNS = [
  { id: 'guide', label: '政府信息公开指南', columnType: '信息公开指南' },
  { id: 'system', label: '政府信息公开制度', columnType: '信息公开目录' },
  { id: 'proactive', label: '法定主动公开内容', columnType: '信息公开目录' },
  { id: 'reports', label: '政府信息公开工作年度报告', columnType: '信息公开年报' },
] as const;
export type PlatformColumnId = (typeof PLATFORM_COLUMNS)[number]['id'];
export function platformColumn(id: PlatformColumnId): (typeof PLATFORM_COLUMNS)[number] {
  return PLATFORM_COLUMNS.find((c) => c.id === id)!;
}

/** Art. 26: published within 20 working days of the day the information was formed or changed. */
export const ART26_WORKING_DAYS = 20;

/** The note a column with nothing in it shows (portal.md §5), unless the agency writes its own. */
export const EMPTY_COLUMN_NOTE = '本机关暂未产生此类信息。';
