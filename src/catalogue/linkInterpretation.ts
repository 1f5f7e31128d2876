/** Links a 政策解读 to the documents it explains (portal.md §3.2): both pages then show the other. */
import { requireRole } from '../accounts/actor.ts';
import { ValidationError } from '../shared/domainError.ts';
import { catalogueEvent, PUBLISH_ROLES } from './context.ts';
import type { CatalogueContext } from './context.ts';
import { loadDocument } from './documents.ts';
import type { DocumentRecord } from './documents.ts';
import { catalogueInterpretations } from './schema.ts';

export interface LinkInterpretationProps {
  interpretationId: string;
  documentIds: string[];
}

export async function linkInterpretation(ctx: CatalogueContext, props: LinkInterpretationProps): Promise<{ interpretationId: string; documentIds: string[] }> {
  requireRole(ctx.actor, PUBLISH_ROLES, '关联政策解读');
  if (!Array.isArray(props.documentIds) || props.documentIds.length === 0 || props.documentIds.length > 50) {
    throw new ValidationError('政策解读关联', [{ path: 'documentIds', rule: 'length', message: '应列出1–50个被解读文件' }]);
  }
  const interp = await loadDocument(ctx.db, ctx.actor, props.interpretationId);
  if (interp.doc.kind !== 'interpretation') throw new ValidationError('政策解读关联', [{ path: 'interpretationId', rule: 'kind', message: '该文件的类别不是“政策解读”' }]);
  const ids = [...new Set(props.documentIds)];
  const targets: DocumentRecord[] = [];
  for (const [n, id] of ids.entries()) {
    const t = await loadDocument(ctx.db, ctx.actor, id);
    if (t.doc.agencyId !== interp.doc.agencyId) throw new ValidationError('政策解读关联', [{ path: `documentIds.${n}`, rule: 'same_agency', message: '被解读文件应属于同一机关' }]);
    if (t.doc.id === interp.doc.id) throw new ValidationError('政策解读关联', [{ path: `documentIds.${n}`, rule: 'self', message: '不能关联自身' }]);
    targets.push(t.doc);
  }
  await ctx.db.transaction(async (tx) => {
    for (const t of targets) await tx.insert(catalogueInterpretations).values({ interpretationId: interp.doc.id, documentId: t.id, agencyId: t.agencyId }).onConflictDoNothing();
    await catalogueEvent(tx, ctx, interp.doc.agencyId, 'interpretation-linked', { documentId: interp.doc.id, documentIds: ids });
  });
  return { interpretationId: interp.doc.id, documentIds: ids };
}
