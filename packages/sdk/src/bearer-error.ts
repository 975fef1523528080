import type { Refusal, RefusalBody } from './bearer-refusal.js';

/**
 * Thrown by `verify` and the `require…` checks: the request must be refused with `refusal`. Recognised by
 * `isBearerError` through its `code` rather than `instanceof`, since the ESM and CommonJS builds (or two
 * copies of the SDK) each have their own class.
 */
export class BearerError extends Error {
  override name = 'BearerError';
  readonly code: RefusalBody['error'];

  constructor(readonly refusal: Refusal) {
    super(refusal.body.error_description);
    this.code = refusal.body.error;
  }
}

const codes: ReadonlySet<string> = new Set([
  'invalid_request',
  'invalid_token',
  'insufficient_scope',
  'temporarily_unavailable',
]);

export function isBearerError(error: unknown): error is BearerError {
  if (!(error instanceof Error) || error.name !== 'BearerError') return false;
  const candidate = error as Partial<BearerError>;
  return typeof candidate.code === 'string' && codes.has(candidate.code) && candidate.refusal !== undefined;
}
