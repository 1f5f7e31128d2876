import type { ErrorKind } from './domainError.ts';

/** The single mapping of an error kind to its HTTP status and CLI exit code. */
export const ERROR_KINDS = {
  'invalid-input': { status: 400, exit: 2 },
  'not-found': { status: 404, exit: 2 },
  conflict: { status: 409, exit: 3 },
  forbidden: { status: 403, exit: 4 },
  unauthenticated: { status: 401, exit: 4 },
  'rule-violation': { status: 422, exit: 2 },
  'too-many-requests': { status: 429, exit: 5 },
} as const satisfies Record<ErrorKind, { status: number; exit: number }>;
