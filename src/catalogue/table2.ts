/**
 * Table 2 （一） from the catalogue: 规章 and 行政规范性文件, counted from the documents' kind, 成文日期,
 * 发布日期 and 有效性 (withdrawn documents never count).
 * 2021 form: 本年制发件数 = 成文 in the year; 本年废止件数 = 失效 or 废止 in the year; 现行有效件数 = 有效 at
 * the year's end (成文 by then). 2019 form: 本年新制作数量 = 成文 in the year; 本年新公开数量 = 发布 in the
 * year; 对外公开总数量 = published by the year's end.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import type { TemplateId } from '../law/templateId.ts';
import { catalogueDocuments } from './schema.ts';

export interface CatalogueDocForTable2 {
  id: string;
  kind: string;
  writtenOn: string;
  publishedOn: string | null;
  validity: string;
  validityChangedOn: string | null;
}

/** Cell path → the documents it counts. */
export type CatalogueFigures = Record<string, string[]>;

const ROWS = { rule: 'rules', normative: 'normative_documents' } as const;

export function table2FromCatalogue(docs: readonly CatalogueDocForTable2[], year: number, template: TemplateId): CatalogueFigures {
  const out: CatalogueFigures = {};
  const y = String(year);
  const end = `${year}-12-31`;
  const columns = template === '2021' ? ['issued', 'repealed', 'in_force'] : ['made', 'published', 'total_published'];
  for (const row of Object.values(ROWS)) for (const c of columns) out[`proactive.${row}.${c}`] = [];
  for (const d of docs) {
    if (d.kind !== 'rule' && d.kind !== 'normative') continue;
    const row = ROWS[d.kind];
    const add = (column: string) => out[`proactive.${row}.${column}`]!.push(d.id);
    const published = d.publishedOn !== null && d.publishedOn <= end;
    const endedBy = d.validity !== 'valid' && d.validityChangedOn !== null && d.validityChangedOn <= end;
    if (template === '2021') {
      if (d.writtenOn.startsWith(y)) add('issued');
      if ((d.validity === 'repealed' || d.validity === 'expired') && d.validityChangedOn?.startsWith(y)) add('repealed');
      if (published && d.writtenOn <= end && !endedBy) add('in_force');
    } else {
      if (d.writtenOn.startsWith(y)) add('made');
      if (d.publishedOn?.startsWith(y)) add('published');
      if (published) add('total_published');
    }
  }
  return out;
}

/** The agency's rules and normative documents (published ones), or null when its catalogue holds no document at all. */
export async function loadCatalogueForTable2(db: Db, agencyId: string): Promise<CatalogueDocForTable2[] | null> {
  const any = await db.select({ id: catalogueDocuments.id }).from(catalogueDocuments).where(and(eq(catalogueDocuments.agencyId, agencyId), eq(catalogueDocuments.status, 'published'))).limit(1);
  if (any.length === 0) return null;
  return db
    .select({ id: catalogueDocuments.id, kind: catalogueDocuments.kind, writtenOn: catalogueDocuments.writtenOn, publishedOn: catalogueDocuments.publishedOn, validity: catalogueDocuments.validity, validityChangedOn: catalogueDocuments.validityChangedOn })
    .from(catalogueDocuments)
    .where(and(eq(catalogueDocuments.agencyId, agencyId), eq(catalogueDocuments.status, 'published'), inArray(catalogueDocuments.kind, ['rule', 'normative'])));
}
