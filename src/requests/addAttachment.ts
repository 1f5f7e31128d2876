/**
 * Attach a file to an application (the applicant's ID copy, the 补正 material, the information
 * provided …): size and type limits, bytes checked against the declared type, stored content-addressed.
 */
import { v7 as uuidv7 } from 'uuid';
import { actorId, requireRole } from '../accounts/actor.ts';
import { attachments, events } from '../db/schema.ts';
import { PERMISSIONS } from '../law/transitions.ts';
import type { CaseContext } from './context.ts';
import { AttachmentRejectedError } from './errors.ts';
import type { FileStore } from './fileStore.ts';
import { loadCase } from './queries.ts';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Allowed types: extension → media type and a check of the first bytes. */
export const ATTACHMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', magic: (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  png: { mediaType: 'image/png', magic: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  jpg: { mediaType: 'image/jpeg', magic: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { mediaType: 'image/jpeg', magic: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004' },
  ofd: { mediaType: 'application/ofd', magic: (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004' },
  txt: { mediaType: 'text/plain; charset=utf-8', magic: (b: Buffer) => !b.includes(0) },
} as const;

export interface AddAttachmentProps {
  applicationId: string;
  filename: string;
  data: Buffer;
}

export interface AttachmentView {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export async function addAttachment(ctx: CaseContext, store: FileStore, props: AddAttachmentProps): Promise<AttachmentView> {
  requireRole(ctx.actor, PERMISSIONS.uploadAttachment, '上传附件');
  const c = await loadCase(ctx.db, ctx.actor, props.applicationId);
  // eslint-disable-next-line no-control-regex
  const filename = props.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200);
  const ext = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
  const type = Object.hasOwn(ATTACHMENT_TYPES, ext) ? ATTACHMENT_TYPES[ext as keyof typeof ATTACHMENT_TYPES] : undefined;
  if (type === undefined) throw new AttachmentRejectedError('attachment.type', `不支持的文件类型「.${ext}」，可上传：${Object.keys(ATTACHMENT_TYPES).join('、')}`);
  if (props.data.length === 0) throw new AttachmentRejectedError('attachment.empty', '文件为空');
  if (props.data.length > MAX_ATTACHMENT_BYTES) throw new AttachmentRejectedError('attachment.size', `文件不能超过${MAX_ATTACHMENT_BYTES / 1024 / 1024}MB`);
  if (!type.magic(props.data)) throw new AttachmentRejectedError('attachment.content', `文件内容与扩展名「.${ext}」不符`);
  const sha256 = await store.put(props.data);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(attachments).values({ id, agencyId: c.row.agencyId, applicationId: c.row.id, sha256, filename, mediaType: type.mediaType, size: props.data.length, uploadedBy: actorId(ctx.actor) });
    await tx.insert(events).values({ id: uuidv7(), agencyId: c.row.agencyId, applicationId: c.row.id, actor: actorId(ctx.actor), kind: 'attachment-added', payload: { attachmentId: id, filename, size: props.data.length } });
  });
  return { id, filename, mediaType: type.mediaType, size: props.data.length, sha256 };
}
