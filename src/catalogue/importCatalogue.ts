/**
 * `gongkai catalogue import`: an old site's documents from CSV, XLSX or JSON, plus their attachment
 * files from a directory. All or nothing: every row is checked first and every problem reported with
 * its row; only a file without problems is written, in one transaction.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { inScope, requireRole } from '../accounts/actor.ts';
import { ForbiddenError } from '../accounts/errors.ts';
import { getAgencyByCode } from '../agencies/agencies.ts';
import { isCivilDate } from '../calendar/civilDate.ts';
import { ART20_ITEMS, DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, VALIDITY, VALIDITY_LABELS } from '../law/catalogue.ts';
import { readCsvTable, readXlsxTable } from '../register/read.ts';
import type { RawCell } from '../register/validate.ts';
import type { FileStore } from '../requests/fileStore.ts';
import { todayInChina } from '../requests/today.ts';
import type { Issue } from '../shared/domainError.ts';
import { ValidationError } from '../shared/domainError.ts';
import { checkDocumentFile } from './addDocumentAttachment.ts';
import { catalogueEvent, PUBLISH_ROLES } from './context.ts';
import type { CatalogueContext } from './context.ts';
import { validateDocumentInput } from './documentInput.ts';
import type { DocumentInput } from './documentInput.ts';
import { searchVectors } from './documents.ts';
import { formatIndexNumber } from './indexNumber.ts';
import { catalogueAttachments, catalogueDocuments } from './schema.ts';
import { and, eq, inArray, like } from 'drizzle-orm';

/** Header → field. Chinese headers as on the portal, or the API's field names. */
export const IMPORT_HEADERS: Record<string, string> = {
  标题: 'title', 名称: 'title', title: 'title',
  发布机构: 'publisher', publisher: 'publisher',
  发文字号: 'docNumber', 文号: 'docNumber', docNumber: 'docNumber',
  成文日期: 'writtenOn', writtenOn: 'writtenOn',
  发布日期: 'publishedOn', publishedOn: 'publishedOn',
  栏目: 'column', column: 'column',
  类别: 'item', item: 'item',
  主题分类: 'topic', topic: 'topic',
  文件类型: 'kind', kind: 'kind',
  有效性: 'validity', validity: 'validity',
  有效性变更日期: 'validityChangedOn', validityChangedOn: 'validityChangedOn',
  内容概述: 'summary', summary: 'summary',
  正文: 'body', body: 'body',
  主题词: 'keywords', 关键词: 'keywords', keywords: 'keywords',
  索引号: 'indexNumber', indexNumber: 'indexNumber',
  附件: 'attachments', attachments: 'attachments',
};

export type ImportFormat = 'csv' | 'xlsx' | 'json';
export function importFormatOf(file: string): ImportFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : ext === '.json' ? 'json' : undefined;
}

interface ImportRow {
  row: number;
  fields: Record<string, unknown>;
}

function cellText(c: RawCell | undefined): string | undefined {
  if (c === null || c === undefined) return undefined;
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  const s = String(c).trim();
  return s === '' ? undefined : s;
}

/** The rows of a file, fields named (unknown headers are refused). */
export async function readImportRows(bytes: Uint8Array, format: ImportFormat): Promise<ImportRow[]> {
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      throw new ValidationError('导入文件', [{ path: 'file', rule: 'json', message: `JSON 无法解析：${e instanceof Error ? e.message : String(e)}` }]);
    }
    const list = Array.isArray(data) ? data : typeof data === 'object' && data !== null && Array.isArray((data as { documents?: unknown }).documents) ? (data as { documents: unknown[] }).documents : undefined;
    if (list === undefined) throw new ValidationError('导入文件', [{ path: 'file', rule: 'shape', message: 'JSON 应为文件数组，或 {"documents": [...]}' }]);
    return list.map((item, i) => ({ row: i + 1, fields: typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {} }));
  }
  const table = format === 'csv' ? readCsvTable(bytes) : await readXlsxTable(bytes);
  const names = table.headers.map((h) => IMPORT_HEADERS[String(h).trim()]);
  const unknown = table.headers.map((h, i) => ({ h, i })).filter((x) => names[x.i] === undefined && String(x.h).trim() !== '');
  if (unknown.length > 0) throw new ValidationError('导入文件', unknown.map((u) => ({ path: `表头第${u.i + 1}列`, rule: 'unknown_header', message: `不认识的列「${u.h}」；可用：${[...new Set(Object.keys(IMPORT_HEADERS).filter((k) => /\p{Script=Han}/u.test(k)))].join('、')}` })));
  return table.rows
    .filter((r) => r.cells.some((c) => cellText(c) !== undefined))
    .map((r) => {
      const fields: Record<string, unknown> = {};
      names.forEach((n, i) => {
        if (n !== undefined) {
          const v = cellText(r.cells[i]);
          if (v !== undefined) fields[n] = v;
        }
      });
      return { row: r.row, fields };
    });
}

const COLUMN_WORDS: Record<string, string> = { 制度: 'system', 政府信息公开制度: 'system', 法定主动公开内容: 'proactive', 主动公开: 'proactive' };
function normalizeWords(f: Record<string, unknown>): Record<string, unknown> {
  const out = { ...f };
  const col = typeof f['column'] === 'string' ? f['column'] : undefined;
  if (col !== undefined && COLUMN_WORDS[col]) out['column'] = COLUMN_WORDS[col];
  const item = typeof f['item'] === 'string' ? f['item'].trim() : undefined;
  if (item !== undefined) out['item'] = ART20_ITEMS.find((i) => i.numeral === item || i.column === item || `第二十条第${i.numeral}项` === item)?.id ?? item;
  const kind = typeof f['kind'] === 'string' ? f['kind'] : undefined;
  if (kind !== undefined) out['kind'] = DOCUMENT_KINDS.find((k) => DOCUMENT_KIND_LABELS[k] === kind || (k === 'normative' && kind === '规范性文件')) ?? kind;
  const validity = typeof f['validity'] === 'string' ? f['validity'] : undefined;
  if (validity !== undefined) out['validity'] = VALIDITY.find((v) => VALIDITY_LABELS[v] === validity) ?? validity;
  return out;
}

export interface ImportResult {
  imported: number;
  attachments: number;
}

/** Imports `bytes` for the agency; attachments are read from `filesDir` (names in the 附件 column, `;`-separated). */
export async function importCatalogue(ctx: CatalogueContext, store: FileStore | undefined, props: { agencyCode: string; bytes: Uint8Array; format: ImportFormat; filesDir?: string | undefined }): Promise<ImportResult> {
  requireRole(ctx.actor, PUBLISH_ROLES, '导入政府信息');
  const agency = await getAgencyByCode(ctx.db, props.agencyCode, 'agency');
  if (!inScope(ctx.actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  const today = ctx.today ?? todayInChina();
  const rows = await readImportRows(props.bytes, props.format);
  if (rows.length === 0) throw new ValidationError('导入文件', [{ path: 'file', rule: 'empty', message: '文件中没有数据行' }]);
  if (rows.length > 20_000) throw new ValidationError('导入文件', [{ path: 'file', rule: 'too_many', message: '一次最多导入20000行' }]);
  const issues: Issue[] = [];
  const ready: { row: number; input: DocumentInput; publishedOn: string; validity: string; validityChangedOn: string | null; files: { filename: string; mediaType: string; data: Buffer }[] }[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const f = normalizeWords(r.fields);
    const prefix = `第${r.row}行.`;
    const before = issues.length;
    let input: DocumentInput | undefined;
    try {
      input = validateDocumentInput(f, today, prefix);
    } catch (e) {
      if (e instanceof ValidationError) issues.push(...e.issues);
      else throw e;
    }
    const publishedOn = f['publishedOn'];
    if (!isCivilDate(publishedOn)) issues.push({ path: `${prefix}publishedOn`, rule: 'date', message: '发布日期应为有效日期 YYYY-MM-DD' });
    else if (publishedOn > today) issues.push({ path: `${prefix}publishedOn`, rule: 'not_future', message: `发布日期不能晚于今天（${today}）` });
    else if (isCivilDate(f['writtenOn']) && publishedOn < (f['writtenOn'] as string)) issues.push({ path: `${prefix}publishedOn`, rule: 'not_before_written', message: '发布日期不能早于成文日期' });
    const validity = f['validity'] ?? 'valid';
    if (!(VALIDITY as readonly unknown[]).includes(validity)) issues.push({ path: `${prefix}validity`, rule: 'enum', message: `应为：${VALIDITY.map((v) => VALIDITY_LABELS[v]).join('、')}` });
    const changed = f['validityChangedOn'];
    if (validity !== 'valid' && !isCivilDate(changed)) issues.push({ path: `${prefix}validityChangedOn`, rule: 'required', message: '失效、废止或修订的文件须填写有效性变更日期' });
    if (input?.indexNumber !== undefined) {
      const first = seen.get(input.indexNumber);
      if (first !== undefined) issues.push({ path: `${prefix}indexNumber`, rule: 'unique', message: `与第${first}行的索引号重复` });
      else seen.set(input.indexNumber, r.row);
    }
    const files: { filename: string; mediaType: string; data: Buffer }[] = [];
    const names = typeof f['attachments'] === 'string' ? f['attachments'].split(/[;；]/).map((s) => s.trim()).filter((s) => s !== '') : [];
    for (const name of names) {
      if (props.filesDir === undefined || store === undefined) {
        issues.push({ path: `${prefix}attachments`, rule: 'no_files_dir', message: '有附件时须指定附件目录（--files）' });
        break;
      }
      const full = path.resolve(props.filesDir, name);
      if (!full.startsWith(path.resolve(props.filesDir) + path.sep)) {
        issues.push({ path: `${prefix}attachments`, rule: 'path', message: `附件「${name}」不在附件目录内` });
        continue;
      }
      try {
        const data = await readFile(full);
        const checked = checkDocumentFile(path.basename(name), data);
        files.push({ ...checked, data });
      } catch (e) {
        issues.push({ path: `${prefix}attachments`, rule: 'file', message: `附件「${name}」：${e instanceof Error && 'code' in e && e.code === 'ENOENT' ? '找不到文件' : e instanceof Error ? e.message : String(e)}` });
      }
    }
    if (issues.length === before && input !== undefined) ready.push({ row: r.row, input, publishedOn: publishedOn as string, validity: validity as string, validityChangedOn: validity === 'valid' ? null : (changed as string), files });
  }
  // 索引号 already used by the agency
  const given = [...seen.keys()];
  for (let i = 0; i < given.length; i += 500) {
    const taken = await ctx.db.select({ n: catalogueDocuments.indexNumber }).from(catalogueDocuments).where(and(eq(catalogueDocuments.agencyId, agency.id), inArray(catalogueDocuments.indexNumber, given.slice(i, i + 500))));
    for (const t of taken) issues.push({ path: `第${seen.get(t.n)}行.indexNumber`, rule: 'unique', message: `索引号「${t.n}」已被本机关使用` });
  }
  if (issues.length > 0) throw new ValidationError(`导入文件（${issues.length}处问题，未导入任何文件）`, issues);

  const stored = new Map<object, string>();
  for (const r of ready) for (const f of r.files) stored.set(f, await store!.put(f.data));
  let attachments = 0;
  await ctx.db.transaction(async (tx) => {
    const next = new Map<number, number>();
    for (const r of ready) {
      let indexNumber = r.input.indexNumber;
      if (indexNumber === undefined) {
        const year = Number(r.input.writtenOn.slice(0, 4));
        if (!next.has(year)) {
          const rows = await tx.select({ n: catalogueDocuments.indexNumber }).from(catalogueDocuments).where(and(eq(catalogueDocuments.agencyId, agency.id), like(catalogueDocuments.indexNumber, `${agency.code}/${year}-_____`)));
          next.set(year, rows.reduce((m, x) => Math.max(m, Number(x.n.slice(-5)) || 0), 0));
        }
        let n = next.get(year)! + 1;
        while (seen.has(formatIndexNumber(agency.code, year, n))) n += 1;
        next.set(year, n);
        indexNumber = formatIndexNumber(agency.code, year, n);
      }
      const id = uuidv7();
      const publisher = r.input.publisher ?? agency.name;
      await tx.insert(catalogueDocuments).values({
        id, agencyId: agency.id, indexNumber, title: r.input.title, publisher, docNumber: r.input.docNumber ?? null, writtenOn: r.input.writtenOn, publishedOn: r.publishedOn,
        column: r.input.column, item: r.input.item, topic: r.input.topic, kind: r.input.kind, validity: r.validity, validityChangedOn: r.validityChangedOn,
        summary: r.input.summary ?? '', body: r.input.body ?? '', keywords: r.input.keywords ?? '', status: 'published',
        ...searchVectors({ ...r.input, publisher, indexNumber }),
      });
      for (const f of r.files) {
        await tx.insert(catalogueAttachments).values({ id: uuidv7(), agencyId: agency.id, documentId: id, sha256: stored.get(f)!, filename: f.filename, mediaType: f.mediaType, size: f.data.length });
        attachments += 1;
      }
    }
    await catalogueEvent(tx, ctx, agency.id, 'imported', { documents: ready.length, attachments });
  });
  return { imported: ready.length, attachments };
}
