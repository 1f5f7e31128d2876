/**
 * The metadata and text of a catalogue document (portal.md §3), validated field by field: every issue
 * names its field and rule, all issues at once. Text is kept as given (HTML in it is shown as text).
 */
import { isCivilDate } from '../calendar/civilDate.ts';
import type { CivilDate } from '../calendar/civilDate.ts';
import { ART20_ITEM_IDS, CATALOGUE_COLUMNS, DOCUMENT_KINDS, isArt20Item, isCatalogueColumn, isDocumentKind } from '../law/catalogue.ts';
import type { Art20ItemId, CatalogueColumn, DocumentKind } from '../law/catalogue.ts';
import type { Issue } from '../shared/domainError.ts';
import { ValidationError } from '../shared/domainError.ts';

export interface DocumentInput {
  title: string;
  /** 发布机构 (default: the agency's name) */
  publisher?: string | undefined;
  /** 发文字号 */
  docNumber?: string | undefined;
  /** 成文日期 */
  writtenOn: string;
  column: CatalogueColumn;
  item: Art20ItemId;
  /** 主题分类 */
  topic: string;
  kind: DocumentKind;
  summary?: string | undefined;
  body?: string | undefined;
  keywords?: string | undefined;
  /** 索引号; generated when omitted */
  indexNumber?: string | undefined;
}

/** The fields a 更正 may change (catalogue/correctDocument.ts); the 索引号 never changes. */
export const CORRECTABLE_FIELDS = ['title', 'publisher', 'docNumber', 'writtenOn', 'column', 'item', 'topic', 'kind', 'summary', 'body', 'keywords'] as const;

export const DOCUMENT_LIMITS = { title: 200, publisher: 100, docNumber: 60, topic: 60, summary: 500, body: 200_000, keywords: 200, indexNumber: 60 } as const;

function str(issues: Issue[], path: string, value: unknown, max: number, required: boolean, prefix: string): string | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) issues.push({ path: prefix + path, rule: 'required', message: '必填' });
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.push({ path: prefix + path, rule: 'type', message: '应为文本' });
    return undefined;
  }
  const v = value.trim();
  if ([...v].length > max) issues.push({ path: prefix + path, rule: 'length', message: `最多${max}个字符` });
  return v;
}

/** Validates a document's metadata; `today` bounds 成文日期. Throws ValidationError with every issue. */
export function validateDocumentInput(input: Record<string, unknown>, today: CivilDate, prefix = ''): DocumentInput {
  const issues: Issue[] = [];
  const title = str(issues, 'title', input['title'], DOCUMENT_LIMITS.title, true, prefix);
  const publisher = str(issues, 'publisher', input['publisher'], DOCUMENT_LIMITS.publisher, false, prefix);
  const docNumber = str(issues, 'docNumber', input['docNumber'], DOCUMENT_LIMITS.docNumber, false, prefix);
  const topic = str(issues, 'topic', input['topic'], DOCUMENT_LIMITS.topic, true, prefix);
  const summary = str(issues, 'summary', input['summary'], DOCUMENT_LIMITS.summary, false, prefix);
  const keywords = str(issues, 'keywords', input['keywords'], DOCUMENT_LIMITS.keywords, false, prefix);
  const indexNumber = str(issues, 'indexNumber', input['indexNumber'], DOCUMENT_LIMITS.indexNumber, false, prefix);
  if (indexNumber !== undefined && !/^[\p{L}\p{N}][\p{L}\p{N}/._-]*$/u.test(indexNumber)) {
    issues.push({ path: `${prefix}indexNumber`, rule: 'pattern', message: '索引号只能包含字母、数字和 / . _ -' });
  }
  const body = typeof input['body'] === 'string' ? input['body'] : input['body'] === undefined || input['body'] === null ? '' : undefined;
  if (body === undefined) issues.push({ path: `${prefix}body`, rule: 'type', message: '应为文本' });
  else if (body.length > DOCUMENT_LIMITS.body) issues.push({ path: `${prefix}body`, rule: 'length', message: `正文最多${DOCUMENT_LIMITS.body}个字符` });
  const writtenOn = input['writtenOn'];
  if (!isCivilDate(writtenOn)) issues.push({ path: `${prefix}writtenOn`, rule: 'date', message: '成文日期应为有效日期 YYYY-MM-DD' });
  else if (writtenOn > today) issues.push({ path: `${prefix}writtenOn`, rule: 'not_future', message: `成文日期不能晚于今天（${today}）` });
  const column = input['column'] ?? 'proactive';
  if (!isCatalogueColumn(column)) issues.push({ path: `${prefix}column`, rule: 'enum', message: `应为：${CATALOGUE_COLUMNS.join('、')}` });
  const item = input['item'];
  if (!isArt20Item(item)) issues.push({ path: `${prefix}item`, rule: 'enum', message: `应为第二十条的项：${ART20_ITEM_IDS.join('、')}` });
  const kind = input['kind'] ?? 'other';
  if (!isDocumentKind(kind)) issues.push({ path: `${prefix}kind`, rule: 'enum', message: `应为：${DOCUMENT_KINDS.join('、')}` });
  if (issues.length > 0) throw new ValidationError('文件信息', issues);
  return {
    title: title!,
    topic: topic!,
    writtenOn: writtenOn as string,
    column: column as CatalogueColumn,
    item: item as Art20ItemId,
    kind: kind as DocumentKind,
    body: body ?? '',
    ...(publisher !== undefined ? { publisher } : {}),
    ...(docNumber !== undefined ? { docNumber } : {}),
    ...(summary !== undefined ? { summary } : {}),
    ...(keywords !== undefined ? { keywords } : {}),
    ...(indexNumber !== undefined ? { indexNumber } : {}),
  };
}
