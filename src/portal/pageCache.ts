/**
 * Public pages kept in memory, whole (status, type, bytes), keyed by URL. Anything a public page shows
 * lives in tables whose changes NOTIFY `gongkai_portal` (triggers in drizzle/0004_catalogue.sql), so
 * every server on the database drops its pages at each commit that changes them; a lost listener
 * connection empties the cache too. Entries also expire after `maxAgeMs` (date-dependent text) and the
 * oldest go first beyond `maxEntries`.
 */
import type { FastifyInstance } from 'fastify';

export const PORTAL_CHANNEL = 'gongkai_portal';
/** Larger answers (e.g. a long sitemap, a DOCX download) are not kept: 2,000 pages stay within tens of MB. */
const MAX_PAGE_BYTES = 512 * 1024;

export interface CachedPage {
  status: number;
  type: string;
  body: Buffer;
  headers: Record<string, string>;
  storedAt: number;
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

  set(key: string, page: Omit<CachedPage, 'storedAt'>, generation: number): void {
    if (generation !== this.#generation || page.body.length > MAX_PAGE_BYTES) return;
    if (this.#pages.size >= this.#maxEntries) {
      const oldest = this.#pages.keys().next();
      if (oldest.done !== true) this.#pages.delete(oldest.value);
    }
    this.#pages.set(key, { ...page, storedAt: Date.now() });
  }

  clear(): void {
    this.#generation += 1;
    this.#pages.clear();
  }

  get size(): number {
    return this.#pages.size;
  }
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

/** Serves cached pages on the routes marked `portalCache` (in this plugin scope) and stores new ones. */
export function installPageCache(app: FastifyInstance, cache: PageCache): void {
  app.decorateRequest('portalCacheGeneration', undefined);
  app.addHook('onRequest', async (req, reply) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.routeOptions.config.portalCache !== true) return;
    const hit = cache.get(req.url);
    if (hit === undefined) {
      req.portalCacheGeneration = cache.generation;
      return;
    }
    reply.headers(hit.headers).header('x-portal-cache', 'hit').status(hit.status).type(hit.type);
    return reply.send(hit.body);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const generation = req.portalCacheGeneration;
    if (generation === undefined || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const type = reply.getHeader('content-type');
    const disposition = reply.getHeader('content-disposition');
    cache.set(req.url, { status: 200, type: typeof type === 'string' ? type : 'text/html; charset=utf-8', body: Buffer.from(payload), headers: typeof disposition === 'string' ? { 'content-disposition': disposition } : {} }, generation);
    return payload;
  });
}
