/**
 * A store for @fastify/rate-limit that keeps its counters in the database (table rate_limit), so that
 * every app server on one PostgreSQL counts the same requests: the public intake's 30 a minute per client
 * hold for the site, not per process. On the embedded database (one process) the plugin's in-memory store
 * is used instead.
 *
 * Counting costs no round trip of its own under load: increments that arrive while a counting statement
 * is in flight wait for it and then go together in the next one, one upsert for all their buckets (each
 * bucket once, with how many requests it counts). Every request still gets the exact shared count: the
 * requests of one bucket in one statement are numbered from the count that statement returns.
 */
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { rateLimit } from '../db/schema.ts';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** Deletes finished windows after this many counting statements (rows are tiny; this only bounds the table). */
const PURGE_EVERY = 1000;

/** The milliseconds left of a bucket's window of `secs` seconds. */
const msLeft = (secs: SQL) => sql<number>`ceil(extract(epoch from (${rateLimit.windowStart} + make_interval(secs => ${secs}) - now())) * 1000)::int`;

/**
 * The counting statement, prepared once (named: PostgreSQL plans it once per connection): adds each
 * bucket's count, starting a new window where the old one has passed, and returns the counts and the time
 * left. Buckets are sorted, so that two servers' statements lock shared rows in the same order.
 */
function prepareCount(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  const windowPassed = sql`${rateLimit.windowStart} <= now() - make_interval(secs => ${p('secs')}::float8)`;
  return db
    .insert(rateLimit)
    .select(sql`select b, n, now() from unnest(${p('buckets')}::text[], ${p('counts')}::int[]) as t(b, n) order by b`)
    .onConflictDoUpdate({
      target: rateLimit.bucket,
      set: {
        hits: sql`case when ${windowPassed} then excluded.hits else ${rateLimit.hits} + excluded.hits end`,
        windowStart: sql`case when ${windowPassed} then now() else ${rateLimit.windowStart} end`,
      },
    })
    .returning({
      bucket: rateLimit.bucket,
      hits: rateLimit.hits,
      ttl: msLeft(sql`${p('secs')}::float8`),
    })
    .prepare('gongkai_rate_limit_count');
}

type CountStatement = ReturnType<typeof prepareCount>;

/** The increments of one window length: at most one statement in flight, the rest waiting to go together. */
class IncrementBatcher {
  #waiting = new Map<string, Callback[]>();
  #inFlight = false;

  constructor(
    private readonly statement: CountStatement,
    private readonly windowMs: number,
    private readonly afterStatement: () => void,
  ) {}

  add(bucket: string, cb: Callback): void {
    const list = this.#waiting.get(bucket);
    if (list === undefined) this.#waiting.set(bucket, [cb]);
    else list.push(cb);
    if (!this.#inFlight) this.#flush();
  }

  #flush(): void {
    if (this.#waiting.size === 0) return;
    const batch = this.#waiting;
    this.#waiting = new Map();
    this.#inFlight = true;
    const buckets = [...batch.keys()].sort();
    const counts = buckets.map((b) => batch.get(b)!.length);
    this.statement
      .execute({ buckets, counts, secs: this.windowMs / 1000 })
      .then((r) => {
        for (const row of r) {
          const callbacks = batch.get(row.bucket) ?? [];
          batch.delete(row.bucket);
          const first = Number(row.hits) - callbacks.length + 1;
          const ttl = Math.max(0, Number(row.ttl));
          callbacks.forEach((cb, i) => cb(null, { current: first + i, ttl }));
        }
        for (const callbacks of batch.values()) for (const cb of callbacks) cb(new Error('rate_limit: no count returned'));
      })
      .catch((err: unknown) => {
        const error = err instanceof Error ? err : new Error(String(err));
        for (const callbacks of batch.values()) for (const cb of callbacks) cb(error);
      })
      .finally(() => {
        this.#inFlight = false;
        this.afterStatement();
        this.#flush();
      });
  }
}

export function databaseRateLimitStore(db: Db) {
  let sincePurge = 0;
  const afterStatement = () => {
    if (++sincePurge < PURGE_EVERY) return;
    sincePurge = 0;
    db.execute(sql`delete from rate_limit where window_start < now() - interval '1 day'`).catch(() => undefined);
  };
  const count = prepareCount(db);
  const batchers = new Map<number, IncrementBatcher>();
  const batcherFor = (ms: number): IncrementBatcher => {
    let b = batchers.get(ms);
    if (b === undefined) {
      b = new IncrementBatcher(count, ms, afterStatement);
      batchers.set(ms, b);
    }
    return b;
  };
  return class DatabaseRateLimitStore {
    /** Each limited route counts apart (`POST /api/v1/…|<client>`), as the in-memory store's children do. */
    readonly #route: string;
    // The plugin passes its merged route parameters, the route itself under `routeInfo`.
    constructor(params?: unknown) {
      const info = (params as { routeInfo?: { method?: unknown; url?: unknown } } | undefined)?.routeInfo;
      this.#route = info?.url === undefined ? '*' : `${String(info.method)} ${String(info.url)}`;
    }

    incr(client: string, cb: Callback, timeWindow: number): void {
      batcherFor(Math.max(1, Math.round(timeWindow))).add(`${this.#route}|${client}`, cb);
    }

    read(client: string, cb: Callback, timeWindow: number): void {
      const key = `${this.#route}|${client}`;
      const ms = Math.max(1, Math.round(timeWindow));
      db.execute<{ hits: number; ttl: number }>(sql`
        select hits, ${msLeft(sql`${ms / 1000}`)} as ttl
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
