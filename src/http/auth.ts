/** The session (HTTP-only cookie), CSRF for state-changing requests, and role checks for routes. */
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StaffActor } from '../accounts/actor.ts';
import { CsrfError, ForbiddenError, NotLoggedInError } from '../accounts/errors.ts';
import { csrfMatches, sessionFor } from '../accounts/sessions.ts';
import type { Db } from '../db/open.ts';
import type { Role } from '../law/transitions.ts';

export const SESSION_COOKIE = 'gk_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffActor | undefined;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('staff', undefined);
  app.addHook('preHandler', async (req: FastifyRequest) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token === undefined || token === '') return;
    const session = await sessionFor(db, token);
    if (session === undefined) return;
    if (!SAFE.has(req.method)) {
      const given = req.headers[CSRF_HEADER];
      if (!csrfMatches(session.csrfToken, typeof given === 'string' ? given : undefined)) throw new CsrfError();
    }
    req.staff = session.actor;
  });
}

/**
 * Declares, in the OpenAPI document, that a state-changing /api/v1 operation needs the session and the
 * CSRF header, so /api/docs sends the header. Login and the public (applicant) operations need neither.
 */
export function declareCsrf(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.url.startsWith('/api/v1/') || methods.every((m) => SAFE.has(m))) return;
    if (route.url === '/api/v1/auth/login' || route.url.startsWith('/api/v1/public/')) return;
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    if (schema['security'] === undefined) route.schema = { ...schema, security: [{ session: [], csrf: [] }] };
  });
}

/** The logged-in staff member, holding one of `roles` (when given); else 401/403. */
export function authorize(req: FastifyRequest, roles?: readonly Role[], what = '执行此操作'): StaffActor {
  const staff = req.staff;
  if (staff === undefined) throw new NotLoggedInError();
  if (roles !== undefined && !staff.roles.some((r) => roles.includes(r))) {
    throw new ForbiddenError(`无权${what}（需要角色：${roles.join('、') || '无'}）`);
  }
  return staff;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure, expires: new Date(expiresAt) });
}
