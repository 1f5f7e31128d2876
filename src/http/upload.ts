/**
 * Reading the one file of a multipart upload. Call it only after the request is authorised for its target
 * (agency scope, case access): nothing of the file is parsed for someone who may not send it. A body that
 * is not multipart, has no file, is too large or ends early (a truncated upload) becomes the route's own
 * 4xx error — never a 500.
 */
import type { FastifyRequest } from 'fastify';
import type { DomainError } from '../shared/domainError.ts';
import { hasControlCharacter } from '../shared/text.ts';

export interface Upload {
  filename: string;
  bytes: Buffer;
}

export type UploadProblem = 'not-multipart' | 'missing' | 'too-large' | 'broken' | 'filename';

export async function readUpload(req: FastifyRequest, refuse: (problem: UploadProblem) => DomainError): Promise<Upload> {
  if (!req.isMultipart()) throw refuse('not-multipart');
  let filename: string;
  let bytes: Buffer;
  let truncated: boolean;
  try {
    const file = await req.file();
    if (file === undefined) throw refuse('missing');
    filename = file.filename;
    bytes = await file.toBuffer();
    truncated = file.file.truncated;
  } catch (err) {
    if (err instanceof Error && 'kind' in err) throw err;
    const status = (err as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status === 413) throw refuse('too-large');
    if (typeof status === 'number' && status < 500) throw err;
    // busboy's "Unexpected end of form", a missing boundary …: the body is not a complete multipart form.
    throw refuse('broken');
  }
  if (truncated) throw refuse('too-large');
  if (hasControlCharacter(filename)) throw refuse('filename');
  return { filename, bytes };
}
