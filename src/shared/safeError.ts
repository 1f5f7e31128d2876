/**
 * What may be said about an unexpected error in a log or on a terminal: its class, a stable code (the
 * SQLSTATE and constraint of a database error, a Node error code) and where it was thrown — never its
 * message text when that can hold data: a failed query's message carries the SQL and its parameters
 * (letter text, names, receipt codes, password hashes), and PostgreSQL's detail quotes the row's values.
 */
export interface SafeError {
  errorName: string;
  errorCode: string;
  constraint?: string;
  /** the stack frames only (no message line) */
  stack?: string;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

/** True for errors raised by the database driver or the ORM around it. */
function isDatabaseError(err: unknown): boolean {
  const name = field(err, 'name');
  if (name === 'DrizzleQueryError' || name === 'DatabaseError') return true;
  const code = field(err, 'code');
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && field(err, 'severity') !== undefined;
}

export function safeError(err: unknown): SafeError {
  const cause = field(err, 'cause');
  const db = isDatabaseError(err) || isDatabaseError(cause);
  const source = db && isDatabaseError(cause) ? cause : err;
  const name = String(field(err, 'name') ?? typeof err);
  const code = field(source, 'code') ?? field(err, 'code');
  const constraint = field(source, 'constraint');
  const stack = field(err, 'stack');
  const frames = typeof stack === 'string' ? stack.split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 8).join('\n') : undefined;
  return {
    errorName: name,
    errorCode: typeof code === 'string' ? code : db ? 'database_error' : 'internal_error',
    ...(typeof constraint === 'string' ? { constraint } : {}),
    ...(frames !== undefined && frames !== '' ? { stack: frames } : {}),
  };
}
