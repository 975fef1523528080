import { PortcullisError } from './portcullis-error.js';

/** One input field that failed, as `validation_failed` lists them in `details`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * `not_found` for an object the caller cannot see: `what` is its kind as a sentence starts it
 * ("Service account"). Another organization's object gets the same answer as a missing one.
 */
export function notFound(what: string, details?: unknown): PortcullisError {
  return new PortcullisError('not_found', `${what} not found.`, { details });
}

/** `validation_failed` naming every field that failed. */
export function validationFailed(message: string, problems: readonly FieldProblem[]): PortcullisError {
  return new PortcullisError('validation_failed', message, { details: problems });
}

/** `validation_failed` for one field: `problem` says what is wrong with it, `message` sums it up. */
export function invalidField(field: string, problem: string, message: string): PortcullisError {
  return validationFailed(message, [{ field, message: problem }]);
}

/** `permission_denied`: the caller is known but may not do this. */
export function permissionDenied(message: string, details?: unknown): PortcullisError {
  return new PortcullisError('permission_denied', message, { details });
}

/** `unauthenticated`: no caller, or one that can no longer act; `auditReason` says why in the audit trail. */
export function unauthenticated(
  message: string,
  options: { details?: unknown; auditReason?: string } = {},
): PortcullisError {
  return new PortcullisError('unauthenticated', message, options);
}
