/** 索引号 (decisions.md #10): `{agency code}/{YYYY}-{NNNNN}`, the next free sequence of the agency's year. */
import { and, eq, like, sql } from 'drizzle-orm';
import type { Tx } from '../db/open.ts';
import { catalogueDocuments } from './schema.ts';

export function formatIndexNumber(agencyCode: string, year: number, sequence: number): string {
  return `${agencyCode}/${year}-${String(sequence).padStart(5, '0')}`;
}

/** The next 索引号 for the agency and year (numbers are never reused: withdrawn documents keep theirs). */
export async function nextIndexNumber(tx: Tx, agencyId: string, agencyCode: string, year: number): Promise<string> {
  const prefix = `${agencyCode}/${year}-`;
  const rows = await tx
    .select({ max: sql<string | null>`max(${catalogueDocuments.indexNumber})` })
    .from(catalogueDocuments)
    .where(and(eq(catalogueDocuments.agencyId, agencyId), like(catalogueDocuments.indexNumber, `${prefix}_____`)));
  const last = rows[0]?.max;
  const n = last === null || last === undefined ? 0 : Number(last.slice(prefix.length));
  return formatIndexNumber(agencyCode, year, (Number.isFinite(n) ? n : 0) + 1);
}
