/** Staff users: roles scoped to an agency subtree. */
import { asc, eq, inArray, like } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { getAgencyByCode, isUniqueViolation } from '../agencies/agencies.ts';
import type { Db } from '../db/open.ts';
import { agencies, events, sessions, users } from '../db/schema.ts';
import { isRole, ROLES } from '../law/transitions.ts';
import type { Role } from '../law/transitions.ts';
import type { Issue } from '../shared/domainError.ts';
import { ValidationError } from '../shared/domainError.ts';
import type { Actor } from './actor.ts';
import { actorId, inScope, requireRole } from './actor.ts';
import { ForbiddenError, UsernameTakenError, UserNotFoundError } from './errors.ts';
import { hashPassword } from './passwords.ts';
import { assertPasswordAllowed, passwordIssues } from './passwordPolicy.ts';

export interface AddUserProps {
  username: string;
  displayName?: string | undefined;
  password: string;
  roles: readonly string[];
  agencyCode: string;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  agencyCode: string;
  active: boolean;
}

export const USERNAME_PATTERN = '^[A-Za-z0-9_.-]{2,32}$';
export { MIN_PASSWORD_LENGTH } from './passwordPolicy.ts';

async function validate(props: AddUserProps): Promise<Role[]> {
  const issues: Issue[] = [];
  if (!new RegExp(USERNAME_PATTERN).test(props.username)) issues.push({ path: 'username', rule: 'pattern', message: '用户名应为2–32位字母、数字、_、.或-' });
  if (props.displayName !== undefined && (props.displayName.trim().length === 0 || props.displayName.length > 50)) issues.push({ path: 'displayName', rule: 'length', message: '姓名应为1–50个字符' });
  if (props.roles.length === 0) issues.push({ path: 'roles', rule: 'minItems', message: `至少一个角色（${ROLES.join('、')}）` });
  props.roles.forEach((r, i) => {
    if (!isRole(r)) issues.push({ path: `roles.${i}`, rule: 'enum', message: `未知角色「${r}」，可选：${ROLES.join('、')}` });
  });
  issues.push(...(await passwordIssues(props.password, props.username)));
  if (issues.length > 0) throw new ValidationError('用户信息', issues);
  return [...new Set(props.roles)] as Role[];
}

/** Adds a user to an agency in the actor's subtree. */
export async function addUser(db: Db, actor: Actor, props: AddUserProps): Promise<UserView> {
  requireRole(actor, ['admin'], '管理用户');
  const roles = await validate(props);
  const agency = await getAgencyByCode(db, props.agencyCode, 'agencyCode');
  if (!inScope(actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.username, props.username)).limit(1);
  if (existing.length > 0) throw new UsernameTakenError(props.username);
  const row = {
    id: uuidv7(),
    agencyId: agency.id,
    username: props.username,
    displayName: props.displayName?.trim() ?? props.username,
    passwordHash: await hashPassword(props.password),
    roles,
    active: true,
  };
  try {
    await db.insert(users).values(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new UsernameTakenError(props.username);
    throw err;
  }
  return { id: row.id, username: row.username, displayName: row.displayName, roles, agencyCode: agency.code, active: true };
}

/** Sets a user's password (admin in scope, or the system). */
export async function setPassword(db: Db, actor: Actor, username: string, password: string): Promise<void> {
  requireRole(actor, ['admin'], '管理用户');
  await assertPasswordAllowed(password, username);
  const row = await scopedUser(db, actor, username);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.id));
    // Every session of the old password ends: whoever knew it is logged out everywhere.
    await tx.delete(sessions).where(eq(sessions.userId, row.id));
    await tx.insert(events).values({ id: uuidv7(), agencyId: row.agencyId, applicationId: null, actor: actorId(actor), kind: 'user.password_set', payload: { username } });
  });
}

async function scopedUser(db: Db, actor: Actor, username: string): Promise<{ id: string; agencyId: string; path: string }> {
  const rows = await db.select({ id: users.id, agencyId: users.agencyId, path: agencies.path }).from(users).innerJoin(agencies, eq(agencies.id, users.agencyId)).where(eq(users.username, username)).limit(1);
  const row = rows[0];
  if (row === undefined) throw new UserNotFoundError(username);
  if (!inScope(actor, row.path)) throw new ForbiddenError('该用户不在您的管辖范围内');
  return row;
}

/**
 * Deactivates (or reactivates) a user: a deactivated user cannot log in and every session ends at once;
 * the account and its history stay (cases and events name it).
 */
export async function setUserActive(db: Db, actor: Actor, username: string, active: boolean): Promise<UserView> {
  requireRole(actor, ['admin'], '管理用户');
  const row = await scopedUser(db, actor, username);
  if (!active && actor.kind === 'staff' && actor.userId === row.id) throw new ForbiddenError('不能停用自己的账号');
  await db.transaction(async (tx) => {
    await tx.update(users).set({ active }).where(eq(users.id, row.id));
    if (!active) await tx.delete(sessions).where(eq(sessions.userId, row.id));
    await tx.insert(events).values({ id: uuidv7(), agencyId: row.agencyId, applicationId: null, actor: actorId(actor), kind: active ? 'user.activated' : 'user.deactivated', payload: { username } });
  });
  const view = (await listUsers(db, row.path)).find((u) => u.id === row.id);
  if (view === undefined) throw new UserNotFoundError(username);
  return view;
}

/** Users of the agencies in a subtree. */
export async function listUsers(db: Db, rootPath: string): Promise<UserView[]> {
  const inTree = await db.select({ id: agencies.id, code: agencies.code }).from(agencies).where(like(agencies.path, `${rootPath}%`));
  if (inTree.length === 0) return [];
  const codeOf = new Map(inTree.map((a) => [a.id, a.code]));
  const rows = await db.select().from(users).where(inArray(users.agencyId, [...codeOf.keys()])).orderBy(asc(users.username));
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles.filter(isRole),
    agencyCode: codeOf.get(u.agencyId) ?? '',
    active: u.active,
  }));
}
