/**
 * Content-Security-Policy per part of the site, with frame-ancestors 'none' everywhere:
 * - the portal and the API run no script at all (the portal's one <style> block and style attributes are
 *   inline, images may be data: URLs);
 * - the console (/console, a Vite bundle served from /console/assets) runs its own scripts only, and inline
 *   styles because Ant Design injects <style> tags;
 * - the API documentation (/api/docs, Swagger UI) runs its bundled scripts and one inline initialiser.
 */
import type { FastifyInstance } from 'fastify';

const COMMON = ["default-src 'self'", "base-uri 'none'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'self'", "img-src 'self' data:", "font-src 'self' data:"];

export const CSP = {
  portal: [...COMMON, "script-src 'none'", "style-src 'self' 'unsafe-inline'", "connect-src 'none'"].join('; '),
  console: [...COMMON, "script-src 'self'", "style-src 'self' 'unsafe-inline'", "connect-src 'self'"].join('; '),
  docs: [...COMMON, "script-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'", "connect-src 'self'"].join('; '),
} as const;

export function cspFor(url: string): string {
  const path = url.split('?')[0] ?? '';
  if (path === '/console' || path.startsWith('/console/')) return CSP.console;
  if (path === '/api/docs' || path.startsWith('/api/docs/')) return CSP.docs;
  return CSP.portal;
}

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('content-security-policy', cspFor(req.url));
    return payload;
  });
}
