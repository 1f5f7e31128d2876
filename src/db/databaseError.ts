/** The PostgreSQL error behind a driver or drizzle error (drizzle wraps it as `cause`), if any. */
export interface DatabaseError {
  /** SQLSTATE, e.g. 23505 unique_violation, 23502 not_null_violation. */
  code: string;
  column?: string | undefined;
  constraint?: string | undefined;
}

export function databaseErrorOf(err: unknown): DatabaseError | undefined {
  for (let e: unknown = err; typeof e === 'object' && e !== null; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      const { column, constraint } = e as { column?: unknown; constraint?: unknown };
      return { code, column: typeof column === 'string' ? column : undefined, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
  }
  return undefined;
}
