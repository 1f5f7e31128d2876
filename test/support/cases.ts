/** Case steps over the API as a clerk takes them, and the text of a rendered letter or notice. */
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { personInput } from './fixtures.ts';
import type { Client } from './http.ts';

export interface CaseRef {
  id: string;
  version: number;
  receiptCode: string;
}

/** A case registered in person on `receivedOn` (201 expected). */
export async function registerCase<V extends CaseRef = CaseRef>(who: Client, receivedOn: string, overrides: Parameters<typeof personInput>[0] = {}, agencyCode = 'gjxfj'): Promise<V> {
  const res = await who.post('/api/v1/applications', { ...personInput(overrides), agencyCode, channel: 'in-person', receivedOn });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.json<{ application: V }>().application;
}

/** One step that must succeed (200); the case's version is updated. Returns the response body. */
export async function stepOk<R extends { application: { version: number } }>(who: Client, c: { id: string; version: number }, path: string, date: string, body: Record<string, unknown> = {}): Promise<R> {
  const res = await who.post(`/api/v1/applications/${c.id}/${path}`, { version: c.version, date, ...body });
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
  const r = res.json<R>();
  c.version = r.application.version;
  return r;
}

/** The text of the PDF at `url`, whitespace removed. */
export async function pdfText(who: Client, url: string): Promise<string> {
  const res = await who.get(url);
  assert.equal(res.status, 200, url);
  assert.equal(res.raw.subarray(0, 5).toString('latin1'), '%PDF-');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(res.raw)), { mergePages: true });
  return text.replace(/\s+/g, '');
}

/** The text of the DOCX at `url` (word/document.xml without its tags), whitespace removed. */
export async function docxText(who: Client, url: string): Promise<string> {
  const res = await who.get(url);
  assert.equal(res.status, 200, url);
  const xml = await (await JSZip.loadAsync(res.raw)).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
}
