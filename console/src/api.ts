/** The one way the console talks to the server: /api/v1 with the session cookie and the CSRF header. */

export interface ProblemIssue {
  /** register import: the row and column of the bad cell */
  row?: number;
  column?: string;
  path: string;
  rule: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ProblemIssue[];
  constructor(status: number, code: string, message: string, issues: ProblemIssue[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

const CSRF_KEY = 'gk_csrf';

export function setCsrfToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(CSRF_KEY);
  else sessionStorage.setItem(CSRF_KEY, token);
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = sessionStorage.getItem(CSRF_KEY) ?? '';
  const res = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  const data: unknown = text === '' ? null : JSON.parse(text);
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; title?: string; errors?: ProblemIssue[] };
    throw new ApiError(res.status, p.code ?? 'unknown', p.detail ?? p.title ?? `请求失败（${res.status}）`, p.errors ?? []);
  }
  return data as T;
}

/**
 * The error as a clerk reads it: the message, and each field and rule — named by the form's own label
 * where `labels` has the field (path → label), else by its path.
 */
export function errorText(err: unknown, labels: Readonly<Record<string, string>> = {}): string {
  if (err instanceof ApiError) {
    const issues = err.issues.map((i) => {
      const label = labels[i.path];
      if (label === undefined) return `${i.message}（${i.path}）`;
      return i.message.startsWith(label) ? i.message : `${label}：${i.message}`;
    });
    return issues.length > 0 ? `填写有误：${issues.join('；')}` : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/** The refused fields of an ApiError, for antd's `form.setFields`: each message shown under its field. */
export function fieldErrors(err: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(err instanceof ApiError)) return [];
  return err.issues.filter((i) => i.path !== '').map((i) => ({ name: i.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)), errors: [i.message] }));
}

/** A file upload (multipart, field `file`). */
export async function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(`/api/v1${path}`, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': sessionStorage.getItem(CSRF_KEY) ?? '' } });
  const data: unknown = await res.json();
  if (!res.ok) {
    const p = data as { code?: string; detail?: string; title?: string; errors?: ProblemIssue[] };
    throw new ApiError(res.status, p.code ?? 'unknown', p.detail ?? p.title ?? `上传失败（${res.status}）`, p.errors ?? []);
  }
  return data as T;
}

/** A text download of a GET (rendered report, the letter) as a page the browser can show. */
export async function fetchText(path: string): Promise<string> {
  const res = await fetch(`/api/v1${path}`, { credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, 'download', `下载失败（${res.status}）`, []);
  return res.text();
}
