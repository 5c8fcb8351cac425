import { DomainError } from '../../domain/errors';

/** The DomainError a domain rule throws for `fn`; anything else thrown, or nothing thrown, fails the test. */
export function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}
