import type { ErrorCode } from './error-catalogue.js';

/**
 * The one error type every layer throws. `message` is shown to the caller, so it must never contain a
 * secret; `details` is structured data for the caller (field names, offending items), never secrets either.
 * `auditReason` is what the audit trail records when the error refuses a credential; `retryAfterSeconds`
 * becomes the `Retry-After` header of a 429.
 */
export class PortcullisError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly auditReason: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: unknown; auditReason?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'PortcullisError';
    this.code = code;
    this.details = options.details;
    this.auditReason = options.auditReason;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isPortcullisError(error: unknown): error is PortcullisError {
  return error instanceof PortcullisError;
}
