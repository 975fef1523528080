import { PortcullisError } from '@portcullis/core/errors';
import { violatedUniqueConstraint } from '../store/unique-constraints.js';

/**
 * A unique violation that got past a use case's own checks (a concurrent writer won) becomes the error of
 * the rule its constraint backs, from the one table in `store/unique-constraints.ts`; anything else is
 * returned unchanged. Use: `catch (error) { throw asConflict(error); }`.
 */
export function asConflict(error: unknown): unknown {
  const conflict = violatedUniqueConstraint(error)?.conflict;
  return conflict ? new PortcullisError(conflict.code, conflict.message) : error;
}
