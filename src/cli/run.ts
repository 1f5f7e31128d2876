/**
 * Every command's action runs through `action()`: a domain error becomes its message on stderr and the
 * exit code of its kind (shared/errorKinds.ts); anything else is a bug and exits 70 with its stack.
 */
import { DomainError } from '../shared/domainError.ts';
import { ERROR_KINDS } from '../shared/errorKinds.ts';
import { safeError } from '../shared/safeError.ts';

export function exitCodeOf(error: unknown): number {
  return error instanceof DomainError ? ERROR_KINDS[error.kind].exit : 70;
}

export function reportError(error: unknown): void {
  if (error instanceof DomainError) {
    process.stderr.write(`gongkai: ${error.message}\n`);
    if (error.issues.length > 0 && !error.message.includes(error.issues[0]!.message)) {
      for (const issue of error.issues) process.stderr.write(`  ${issue.path}: ${issue.message} [${issue.rule}]\n`);
    }
  } else {
    // Not the message: a failed query's message carries its SQL parameters (personal data, hashes).
    const safe = safeError(error);
    process.stderr.write(`gongkai: internal error: ${safe.errorName} ${safe.errorCode}${safe.constraint !== undefined ? ` (${safe.constraint})` : ''}\n${safe.stack ?? ''}\n`);
  }
}

export function action<Args extends unknown[]>(fn: (...args: Args) => unknown): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await fn(...args);
    } catch (error) {
      reportError(error);
      process.exitCode = exitCodeOf(error);
    }
  };
}
