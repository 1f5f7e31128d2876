/**
 * Every request's body, query string and path parameters pass the one control-character check
 * (shared/text.ts) before schema validation: a field error (400 validation_failed), never a 500 from the
 * database or a stored NUL that breaks a later step.
 */
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../shared/domainError.ts';
import { controlCharacterIssues } from '../shared/text.ts';

export function installControlCharacterCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const issues = [
      ...controlCharacterIssues(req.params, 'params'),
      ...controlCharacterIssues(req.query, 'querystring'),
      ...(req.isMultipart() ? [] : controlCharacterIssues(req.body)),
    ];
    if (issues.length > 0) throw new ValidationError('请求内容', issues);
  });
}
