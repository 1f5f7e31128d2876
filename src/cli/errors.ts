import { DomainError } from '../shared/domainError.ts';

/** A command-line argument or input file that cannot be used (missing file, not JSON …). */
export class CliInputError extends DomainError {
  readonly code = 'cli.input';
  readonly kind = 'invalid-input';
}
