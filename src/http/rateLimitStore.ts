/**
 * A store for @fastify/rate-limit that keeps its counters in the database (table rate_limit), so that
 * every app server on one PostgreSQL counts the same requests: the public intake's 30 a minute per client
 * hold for the site, not per process. One statement per request: an upsert that starts a new window when
 * the old one has passed and returns the count and the time left. On the embedded database (one process)
 * the plugin's in-memory store is used instead.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** Deletes finished windows after this many increments (rows are tiny; this only bounds the table). */
const PURGE_EVERY = 1000;

export function databaseRateLimitStore(db: Db) {
  let sincePurge = 0;
  const purge = () => db.execute(sql`delete from rate_limit where window_start < now() - interval '1 day'`);
  return class DatabaseRateLimitStore {
    /** Each limited route counts apart (`POST /api/v1/…|<client>`), as the in-memory store's children do. */
    readonly #route: string;
    // The plugin passes its merged route parameters, the route itself under `routeInfo`.
    constructor(params?: unknown) {
      const info = (params as { routeInfo?: { method?: unknown; url?: unknown } } | undefined)?.routeInfo;
      this.#route = info?.url === undefined ? '*' : `${String(info.method)} ${String(info.url)}`;
    }

    incr(client: string, cb: Callback, timeWindow: number): void {
      const key = `${this.#route}|${client}`;
      const ms = Math.max(1, Math.round(timeWindow));
      db.execute<{ hits: number; ttl: number }>(sql`
        insert into rate_limit (bucket, hits, window_start) values (${key}, 1, now())
        on conflict (bucket) do update set
          hits = case when rate_limit.window_start <= now() - make_interval(secs => ${ms / 1000}) then 1 else rate_limit.hits + 1 end,
          window_start = case when rate_limit.window_start <= now() - make_interval(secs => ${ms / 1000}) then now() else rate_limit.window_start end
        returning hits, ceil(extract(epoch from (window_start + make_interval(secs => ${ms / 1000}) - now())) * 1000)::int as ttl`)
        .then((r) => {
          const row = (r as unknown as { rows: { hits: number; ttl: number }[] }).rows[0];
          cb(null, { current: Number(row?.hits ?? 1), ttl: Math.max(0, Number(row?.ttl ?? ms)) });
          if (++sincePurge >= PURGE_EVERY) {
            sincePurge = 0;
            purge().catch(() => undefined);
          }
        })
        .catch((err: unknown) => cb(err instanceof Error ? err : new Error(String(err))));
    }

    read(client: string, cb: Callback, timeWindow: number): void {
      const key = `${this.#route}|${client}`;
      const ms = Math.max(1, Math.round(timeWindow));
      db.execute<{ hits: number; ttl: number }>(sql`
        select hits, ceil(extract(epoch from (window_start + make_interval(secs => ${ms / 1000}) - now())) * 1000)::int as ttl
        from rate_limit where bucket = ${key} and window_start > now() - make_interval(secs => ${ms / 1000})`)
        .then((r) => {
          const row = (r as unknown as { rows: { hits: number; ttl: number }[] }).rows[0];
          cb(null, row === undefined ? { current: 0, ttl: 0 } : { current: Number(row.hits), ttl: Math.max(0, Number(row.ttl)) });
        })
        .catch((err: unknown) => cb(err instanceof Error ? err : new Error(String(err))));
    }

    child(params: unknown): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore(params);
    }
  };
}
