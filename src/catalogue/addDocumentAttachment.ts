/** Attaches a file to a document (PDF, DOCX, XLSX, PNG, JPEG only; size-limited; content checked). */
import { v7 as uuidv7 } from 'uuid';
import { requireRole } from '../accounts/actor.ts';
import { ATTACHMENT_TYPES } from '../requests/addAttachment.ts';
import { AttachmentRejectedError } from '../requests/errors.ts';
import type { FileStore } from '../requests/fileStore.ts';
import { catalogueEvent, PUBLISH_ROLES } from './context.ts';
import type { CatalogueContext } from './context.ts';
import { loadDocument } from './documents.ts';
import { catalogueAttachments } from './schema.ts';

export const DOCUMENT_ATTACHMENT_TYPES = ['pdf', 'docx', 'xlsx', 'png', 'jpg', 'jpeg'] as const;
export const MAX_DOCUMENT_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface AddDocumentAttachmentProps {
  documentId: string;
  filename: string;
  data: Buffer;
}

/** Checks name, type, size and first bytes; returns the safe filename and media type. */
export function checkDocumentFile(filename: string, data: Buffer): { filename: string; mediaType: string } {
  // eslint-disable-next-line no-control-regex
  const safe = filename.replace(/[\\/\u0000-\u001f<>"]/g, '_').slice(0, 200);
  const ext = safe.includes('.') ? safe.split('.').pop()!.toLowerCase() : '';
  if (!(DOCUMENT_ATTACHMENT_TYPES as readonly string[]).includes(ext)) {
    throw new AttachmentRejectedError('attachment.type', `不支持的文件类型「.${ext}」，可上传：${DOCUMENT_ATTACHMENT_TYPES.join('、')}`);
  }
  const type = ATTACHMENT_TYPES[ext as (typeof DOCUMENT_ATTACHMENT_TYPES)[number]];
  if (data.length === 0) throw new AttachmentRejectedError('attachment.empty', '文件为空');
  if (data.length > MAX_DOCUMENT_ATTACHMENT_BYTES) throw new AttachmentRejectedError('attachment.size', `文件不能超过${MAX_DOCUMENT_ATTACHMENT_BYTES / 1024 / 1024}MB`);
  if (!type.magic(data)) throw new AttachmentRejectedError('attachment.content', `文件内容与扩展名「.${ext}」不符`);
  return { filename: safe, mediaType: type.mediaType };
}

export async function addDocumentAttachment(ctx: CatalogueContext, store: FileStore, props: AddDocumentAttachmentProps) {
  requireRole(ctx.actor, PUBLISH_ROLES, '上传附件');
  const { doc } = await loadDocument(ctx.db, ctx.actor, props.documentId);
  const { filename, mediaType } = checkDocumentFile(props.filename, props.data);
  const sha256 = await store.put(props.data);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(catalogueAttachments).values({ id, agencyId: doc.agencyId, documentId: doc.id, sha256, filename, mediaType, size: props.data.length });
    await catalogueEvent(tx, ctx, doc.agencyId, 'attachment-added', { documentId: doc.id, attachmentId: id, filename, size: props.data.length });
  });
  return { id, filename, mediaType, size: props.data.length, sha256 };
}
