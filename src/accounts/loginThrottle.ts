/**
 * Failed-login back-off, kept in the database (table login_throttle) so that every app server shares it:
 * - per username, whichever addresses the attempts come from: after 5 failures each further attempt waits
 *   1 s, 2 s, 4 s … at most 60 s — a growing delay, never a lockout (an attacker cannot keep the owner out
 *   for longer than one delay, and attempts during a delay are refused without counting);
 * - per client address (the real client behind a trusted proxy, see TRUST_PROXY): after 20 failures, 1 s …
 *   at most 300 s — many usernames from one address.
 * Counters start over 15 minutes after the last failure; a successful login clears its username's counter.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { loginThrottle } from '../db/schema.ts';
import { DomainError } from '../shared/domainError.ts';

export const THROTTLE = {
  user: { free: 5, maxDelaySeconds: 60 },
  ip: { free: 20, maxDelaySeconds: 300 },
  windowMinutes: 15,
} as const;

export class LoginThrottledError extends DomainError {
  readonly code = 'auth.throttled';
  readonly kind = 'too-many-requests';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(`登录失败次数过多，请 ${retryAfterSeconds} 秒后再试`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The delay after the n-th failure (0 while under the free attempts). */
export function delayAfter(failures: number, limits: { free: number; maxDelaySeconds: number }): number {
  if (failures < limits.free) return 0;
  return Math.min(2 ** (failures - limits.free), limits.maxDelaySeconds);
}

const buckets = (username: string, address: string | undefined) => ({
  user: `user:${username.toLowerCase()}`,
  ...(address !== undefined ? { ip: `ip:${address}` } : {}),
});

/** Refuses (LoginThrottledError, with Retry-After) while the username or the address waits out a delay. */
export async function assertLoginAllowed(db: Db, username: string, address: string | undefined): Promise<void> {
  const b = buckets(username, address);
  const rows = await db
    .select({ wait: sql<number>`ceil(extract(epoch from (${loginThrottle.blockedUntil} - now())))::int` })
    .from(loginThrottle)
    .where(inArray(loginThrottle.bucket, Object.values(b)));
  const wait = Math.max(0, ...rows.map((r) => Number(r.wait ?? 0)));
  if (wait > 0) throw new LoginThrottledError(wait);
}

/** Counts a failed attempt against the username and the address, and sets their next delay. */
export async function recordLoginFailure(db: Db, username: string, address: string | undefined): Promise<void> {
  const b = buckets(username, address);
  for (const [kind, bucket] of Object.entries(b) as ['user' | 'ip', string][]) {
    const limits = THROTTLE[kind];
    const [row] = await db.execute<{ failures: number }>(sql`
      insert into login_throttle (bucket, failures, blocked_until, updated_at) values (${bucket}, 1, null, now())
      on conflict (bucket) do update set
        failures = case when login_throttle.updated_at < now() - make_interval(mins => ${THROTTLE.windowMinutes}) then 1 else login_throttle.failures + 1 end,
        updated_at = now()
      returning failures`).then((r) => (r as unknown as { rows: { failures: number }[] }).rows);
    const delay = delayAfter(Number(row?.failures ?? 1), limits);
    if (delay > 0) await db.update(loginThrottle).set({ blockedUntil: sql`now() + make_interval(secs => ${delay})` }).where(eq(loginThrottle.bucket, bucket));
  }
}

/** A successful login clears its username's counter (not the address's: one good account must not reset it). */
export async function recordLoginSuccess(db: Db, username: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.bucket, buckets(username, undefined).user));
}

/** Deletes counters whose window has passed. */
export async function purgeLoginThrottle(db: Db): Promise<void> {
  await db.delete(loginThrottle).where(sql`${loginThrottle.updatedAt} < now() - make_interval(mins => ${THROTTLE.windowMinutes})`);
}
