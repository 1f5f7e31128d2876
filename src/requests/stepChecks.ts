import { ValidationError } from '../shared/domainError.ts';

/** A required text field of a step, with its length rule. */
export function requireText(what: string, path: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'string' || [...value.trim()].length < min || [...value].length > max) {
    throw new ValidationError(what, [{ path, rule: 'length', message: `应为${min}–${max}个字符` }]);
  }
}
