/** Password login and sessions (the token lives in an HTTP-only cookie; the CSRF token goes in a header). */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { agencies, sessions, users } from '../db/schema.ts';
import { isRole } from '../law/transitions.ts';
import type { StaffActor } from './actor.ts';
import { LoginFailedError } from './errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { assertLoginAllowed, recordLoginFailure, recordLoginSuccess } from './loginThrottle.ts';

export const SESSION_HOURS = 12;

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  actor: StaffActor;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks the password; on success creates a session. Same error (and similar time) for unknown users.
 * Failures back off per username and per client address (loginThrottle.ts).
 */
export async function login(db: Db, username: string, password: string, clientAddress?: string): Promise<LoginResult> {
  await assertLoginAllowed(db, username, clientAddress);
  const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const user = rows[0];
  if (user === undefined || !user.active) {
    dummyHash ??= hashPassword('not-a-password');
    await verifyPassword(password, await dummyHash);
    await recordLoginFailure(db, username, clientAddress);
    throw new LoginFailedError();
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    await recordLoginFailure(db, username, clientAddress);
    throw new LoginFailedError();
  }
  await recordLoginSuccess(db, username);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  await db.insert(sessions).values({ id: sha256(token), agencyId: user.agencyId, userId: user.id, csrfToken, expiresAt });
  const actor = await actorFor(db, user.id);
  if (actor === undefined) throw new LoginFailedError();
  return { token, csrfToken, expiresAt, actor };
}

async function actorFor(db: Db, userId: string): Promise<StaffActor | undefined> {
  const rows = await db
    .select({ user: users, path: agencies.path })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, userId))
    .limit(1);
  const row = rows[0];
  if (row === undefined || !row.user.active) return undefined;
  return {
    kind: 'staff',
    userId: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    roles: row.user.roles.filter(isRole),
    agencyId: row.user.agencyId,
    agencyPath: row.path,
  };
}

export interface SessionInfo {
  actor: StaffActor;
  csrfToken: string;
}

/** The session of a cookie token, when valid and not expired. */
export async function sessionFor(db: Db, token: string): Promise<SessionInfo | undefined> {
  const rows = await db
    .select({ userId: sessions.userId, csrfToken: sessions.csrfToken })
    .from(sessions)
    .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, new Date().toISOString())))
    .limit(1);
  const s = rows[0];
  if (s === undefined) return undefined;
  const actor = await actorFor(db, s.userId);
  return actor === undefined ? undefined : { actor, csrfToken: s.csrfToken };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sha256(token)));
}

/** Deletes expired sessions. */
export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date().toISOString()));
}
