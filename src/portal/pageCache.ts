/**
 * Public pages kept in memory, whole (status, headers, bytes), keyed by URL. Anything a public page shows
 * lives in tables whose changes NOTIFY `gongkai_portal` (triggers in drizzle/0004_catalogue.sql), so
 * every server on the database drops its pages at each commit that changes them; a lost listener
 * connection empties the cache too. Entries also expire after `maxAgeMs` (date-dependent text) and the
 * oldest go first beyond `maxEntries`.
 *
 * A stored page is answered before Fastify sees the request (`cachedPageServer`, the app's server
 * factory): no routing, hooks, session lookup or body parsing, the headers written as one precomputed
 * list. They are the headers the page was first sent with (security headers and CSP included), so a
 * cached answer differs from the rendered one only by `date` and `x-portal-cache: hit`.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyServerFactory } from 'fastify';

export const PORTAL_CHANNEL = 'gongkai_portal';
/** Larger answers (e.g. a long sitemap, a DOCX download) are not kept: 2,000 pages stay within tens of MB. */
const MAX_PAGE_BYTES = 512 * 1024;
/** Headers not stored: recomputed per answer (content-length, etag) or per connection. */
const NOT_STORED = new Set(['content-length', 'etag', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'x-portal-cache']);

export interface CachedPage {
  status: number;
  body: Buffer;
  /** The answer's headers (lower-case names), as first sent, without content-length and etag. */
  headers: Record<string, string>;
  /** A strong validator of the body: the answer to a matching If-None-Match is 304. */
  etag: string;
  /** headers + etag, content-length and x-portal-cache as one flat [name, value, …] list for writeHead. */
  rawHeaders: string[];
  /** The same for a 304 (no content-length). */
  rawNotModified: string[];
  storedAt: number;
}

/** The ETag of a page body, sent on every cacheable portal answer (rendered or from the cache). */
export function pageEtag(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

export class PageCache {
  readonly #pages = new Map<string, CachedPage>();
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;
  #generation = 0;
  hits = 0;
  misses = 0;

  constructor(options: { maxEntries?: number; maxAgeMs?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? 2000;
    this.#maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  }

  /** Bumped by every invalidation: a page rendered before it must not be stored after it. */
  get generation(): number {
    return this.#generation;
  }

  get(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.#pages.get(key);
    if (page === undefined || now - page.storedAt > this.#maxAgeMs) {
      if (page !== undefined) this.#pages.delete(key);
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    return page;
  }

  set(key: string, page: { status: number; body: Buffer; headers: Record<string, string> }, generation: number): void {
    if (generation !== this.#generation || page.body.length > MAX_PAGE_BYTES) return;
    if (this.#pages.size >= this.#maxEntries) {
      const oldest = this.#pages.keys().next();
      if (oldest.done !== true) this.#pages.delete(oldest.value);
    }
    const etag = pageEtag(page.body);
    const pairs = Object.entries(page.headers).flat();
    this.#pages.set(key, {
      ...page,
      etag,
      rawHeaders: [...pairs, 'etag', etag, 'content-length', String(page.body.length), 'x-portal-cache', 'hit'],
      rawNotModified: [...pairs, 'etag', etag, 'x-portal-cache', 'hit'],
      storedAt: Date.now(),
    });
  }

  clear(): void {
    this.#generation += 1;
    this.#pages.clear();
  }

  get size(): number {
    return this.#pages.size;
  }
}

/**
 * The key of a page: its URL, and the host and forwarded protocol it was asked for, because the feed and
 * the sitemap print absolute URLs built from them; a request with a made-up Host must not fill the
 * cache that everyone else reads.
 */
export function pageKey(url: string, headers: http.IncomingHttpHeaders): string {
  const proto = headers['x-forwarded-proto'];
  return `${headers.host ?? ''} ${typeof proto === 'string' ? proto : ''} ${url}`;
}

const ACCESS_LOG_LEVELS = new Set(['trace', 'debug', 'info']);

/** If-None-Match names the page's ETag (a list, or `*`). */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Answers a GET or HEAD for a stored page on the bare node:http objects; false when there is none (then
 * Fastify handles the request). Access lines only when the logger is at `info` or finer, as Fastify's own.
 */
export function answerFromCache(cache: PageCache, req: http.IncomingMessage, res: http.ServerResponse, log?: FastifyBaseLogger): boolean {
  const method = req.method;
  if ((method !== 'GET' && method !== 'HEAD') || req.url === undefined) return false;
  const page = cache.get(pageKey(req.url, req.headers));
  if (page === undefined) return false;
  if (notModified(req.headers['if-none-match'], page.etag)) res.writeHead(304, page.rawNotModified).end();
  else res.writeHead(page.status, page.rawHeaders).end(method === 'HEAD' ? undefined : page.body);
  if (log !== undefined && ACCESS_LOG_LEVELS.has(log.level)) log.info({ req: { method, path: req.url.split('?')[0] }, res: { statusCode: res.statusCode }, portalCache: 'hit' }, 'request completed');
  return true;
}

/**
 * The app's node:http server (Fastify's `serverFactory`) with stored pages answered first; the server
 * settings Fastify would apply to its own server are applied here.
 */
export function cachedPageServer(cache: PageCache, log: () => FastifyBaseLogger | undefined): FastifyServerFactory {
  return (handler, options) => {
    const server = http.createServer((req, res) => {
      if (!answerFromCache(cache, req, res, log())) handler(req, res);
    });
    const num = (name: string): number | undefined => (typeof options[name] === 'number' ? options[name] : undefined);
    server.keepAliveTimeout = num('keepAliveTimeout') ?? 72_000;
    server.requestTimeout = num('requestTimeout') ?? 0;
    server.setTimeout(num('connectionTimeout') ?? 0);
    const perSocket = num('maxRequestsPerSocket');
    if (perSocket !== undefined && perSocket > 0) server.maxRequestsPerSocket = perSocket;
    return server;
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's GET answer is a public page the portal cache may keep (same for every visitor). */
    portalCache?: boolean;
  }
  interface FastifyRequest {
    portalCacheGeneration: number | undefined;
  }
}

/**
 * On the routes marked `portalCache` (in this plugin scope): stores each 200 answer with its headers
 * and sends its ETag. Stored pages are answered by cachedPageServer; this scope answers them too for
 * requests that do not come through the server (app.inject), the same way.
 */
export function installPageCache(app: FastifyInstance, cache: PageCache): void {
  app.decorateRequest('portalCacheGeneration', undefined);
  app.addHook('onRequest', async (req, reply) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.routeOptions.config.portalCache !== true) return;
    if (answerFromCache(cache, req.raw, reply.raw)) {
      reply.hijack();
      return;
    }
    req.portalCacheGeneration = cache.generation;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const generation = req.portalCacheGeneration;
    if (generation === undefined || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('set-cookie') || !reply.hasHeader('content-type')) return payload;
    const body = Buffer.from(payload);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && !NOT_STORED.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    cache.set(pageKey(req.url, req.raw.headers), { status: 200, body, headers }, generation);
    const etag = pageEtag(body);
    reply.header('etag', etag);
    // A page rendered now (not yet cached, or dropped since) answers a matching If-None-Match as a cached one does.
    if (notModified(req.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}
