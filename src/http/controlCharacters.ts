/**
 * Every request's body, query string and path parameters pass the one control-character check
 * (shared/text.ts) before schema validation: a field error (400 validation_failed), never a 500 from the
 * database or a stored NUL that breaks a later step. A route marked `searchText` takes its `q` as
 * search text instead: any query gives results or an empty list, its control characters read as spaces.
 */
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../shared/domainError.ts';
import { controlCharacterIssues } from '../shared/text.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The query string's `q` is search text (control characters become spaces, never a 400). */
    searchText?: boolean;
  }
}

function withoutSearchText(query: unknown): unknown {
  if (query === null || typeof query !== 'object' || !('q' in query)) return query;
  const { q: _q, ...rest } = query as Record<string, unknown>;
  return rest;
}

export function installControlCharacterCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const query = req.routeOptions.config.searchText === true ? withoutSearchText(req.query) : req.query;
    const issues = [
      ...controlCharacterIssues(req.params, 'params'),
      ...controlCharacterIssues(query, 'querystring'),
      ...(req.isMultipart() ? [] : controlCharacterIssues(req.body)),
    ];
    if (issues.length > 0) throw new ValidationError('请求内容', issues);
  });
}
