/** Errors as RFC 9457 problem+json, mapped once: DomainError kind → status via shared/errorKinds.ts. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError } from '../shared/domainError.ts';
import type { Issue } from '../shared/domainError.ts';
import { ERROR_KINDS } from '../shared/errorKinds.ts';
import { safeError } from '../shared/safeError.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors: Issue[];
  /** on a 500: the id the server's log line carries */
  requestId?: string;
}

const TITLES: Record<number, string> = {
  400: '请求内容不正确',
  401: '未登录',
  403: '无权操作',
  404: '未找到',
  409: '冲突',
  413: '内容过大',
  415: '不支持的内容类型',
  422: '不符合规定',
  429: '请求过于频繁',
  500: '服务器内部错误',
};

export function problem(status: number, code: string, detail: string, errors: Issue[] = []): Problem {
  return { type: `urn:gongkai:problem:${code}`, title: TITLES[status] ?? '错误', status, detail, code, errors };
}

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function ajvIssue(context: string | undefined, e: AjvError): Issue {
  const parts = (e.instancePath ?? '').split('/').filter((p) => p !== '');
  if (e.keyword === 'required' && typeof e.params?.['missingProperty'] === 'string') parts.push(e.params['missingProperty']);
  if (e.keyword === 'additionalProperties' && typeof e.params?.['additionalProperty'] === 'string') parts.push(e.params['additionalProperty']);
  const prefix = context !== undefined && context !== 'body' ? `${context}.` : '';
  const path = prefix + (parts.join('.') || context || '');
  const p = e.params ?? {};
  const messages: Record<string, string> = {
    required: '必填',
    type: `类型应为 ${String(p['type'])}`,
    minLength: `至少${String(p['limit'])}个字符`,
    maxLength: `最多${String(p['limit'])}个字符`,
    pattern: '格式不正确',
    format: `格式应为 ${String(p['format'])}`,
    enum: '不是允许的值',
    const: '不是允许的值',
    anyOf: '不是允许的值',
    minimum: `不能小于${String(p['limit'])}`,
    maximum: `不能大于${String(p['limit'])}`,
    minItems: `至少${String(p['limit'])}项`,
    maxItems: `最多${String(p['limit'])}项`,
    additionalProperties: '不允许的字段',
  };
  return { path, rule: e.keyword ?? 'schema', message: messages[e.keyword ?? ''] ?? e.message ?? '不正确' };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | DomainError | Error, req, reply) => {
    let body: Problem;
    if (err instanceof DomainError) {
      body = problem(ERROR_KINDS[err.kind].status, err.code, err.message, [...err.issues]);
      if ('retryAfterSeconds' in err && typeof err.retryAfterSeconds === 'number') reply.header('retry-after', String(err.retryAfterSeconds));
    } else if ('validation' in err && Array.isArray(err.validation)) {
      const issues = (err.validation as AjvError[]).map((e) => ajvIssue((err as FastifyError).validationContext, e));
      const dedup = issues.filter((i, n) => issues.findIndex((j) => j.path === i.path && j.rule === i.rule) === n);
      body = problem(400, 'validation_failed', `请求内容不正确：${dedup.map((i) => `${i.path}：${i.message}`).join('；')}`, dedup);
    } else if ('statusCode' in err && typeof err.statusCode === 'number' && err.statusCode < 500) {
      const code = (err as FastifyError).code ?? 'http_error';
      const status = err.statusCode;
      const detail = status === 429 ? '请求过于频繁，请稍后再试' : status === 413 ? '上传内容过大' : err.message;
      body = problem(status, status === 429 ? 'too_many_requests' : code.toLowerCase(), detail);
    } else {
      // Never the error itself: a failed query's message holds its SQL parameters (shared/safeError.ts).
      req.log.error({ reqId: req.id, ...safeError(err) }, 'unhandled error');
      body = { ...problem(500, 'internal_error', `服务器内部错误，请稍后重试（请求编号 ${req.id}）`), requestId: req.id } as Problem;
    }
    return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    const body = problem(404, 'route_not_found', `没有这个地址：${req.method} ${req.url.split('?')[0]}`);
    return reply.status(404).type('application/problem+json; charset=utf-8').send(body);
  });
}
