import { DomainError } from '../shared/domainError.ts';

/** A file that is not a gongkai backup, or one from a newer schema. */
export class BackupUnreadableError extends DomainError {
  readonly code = 'backup.unreadable';
  readonly kind = 'invalid-input';
}

/** Restoring into an installation that already holds data. */
export class RestoreTargetNotEmptyError extends DomainError {
  readonly code = 'backup.target_not_empty';
  readonly kind = 'conflict';
}

/** The restoring installation's key is not the key the backup's data is encrypted with. */
export class RestoreKeyMismatchError extends DomainError {
  readonly code = 'backup.key_mismatch';
  readonly kind = 'rule-violation';
}
