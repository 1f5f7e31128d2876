/** Who is acting: a logged-in staff member (roles scoped to an agency subtree), the applicant, or the system. */
import type { Role } from '../law/transitions.ts';
import { ForbiddenError } from './errors.ts';

export interface StaffActor {
  readonly kind: 'staff';
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  /** The root of the user's subtree. */
  readonly agencyId: string;
  readonly agencyPath: string;
}

export interface PublicActor {
  readonly kind: 'applicant';
}

export interface SystemActor {
  readonly kind: 'system';
  /** What acts (`cli`, `demo`, `bench`). */
  readonly name: string;
}

export type Actor = StaffActor | PublicActor | SystemActor;

export const APPLICANT: PublicActor = { kind: 'applicant' };

export function systemActor(name: string): SystemActor {
  return { kind: 'system', name };
}

/** The actor column of events. */
export function actorId(actor: Actor): string {
  switch (actor.kind) {
    case 'staff':
      return actor.userId;
    case 'applicant':
      return 'applicant';
    case 'system':
      return `system:${actor.name}`;
  }
}

/** Whether an agency (by its path) lies in the actor's subtree. The system reaches every agency. */
export function inScope(actor: Actor, agencyPath: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'applicant') return false;
  return agencyPath.startsWith(actor.agencyPath);
}

/** Throws ForbiddenError unless the actor is the system or a staff member with one of `roles`. */
export function requireRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (actor.kind === 'system') return;
  if (actor.kind === 'staff' && actor.roles.some((r) => roles.includes(r))) return;
  throw new ForbiddenError(`无权${what}（需要角色：${roles.join('、') || '无'}）`);
}
