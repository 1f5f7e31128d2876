/** The logged-in user and the labels from law/ (loaded once after login). */
import { createContext, useContext } from 'react';
import type { Labels, Me } from './types.ts';

export interface Session {
  me: Me;
  labels: Labels;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (s === null) throw new Error('useSession outside the logged-in console');
  return s;
}

export function hasRole(me: Me, ...roles: string[]): boolean {
  return me.roles.some((r) => roles.includes(r));
}

export function labelOf(list: readonly { id: string; label: string }[], id: string | null | undefined): string {
  if (id === null || id === undefined) return '—';
  return list.find((x) => x.id === id)?.label ?? id;
}
