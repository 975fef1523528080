/**
 * Portcullis did not give a token: it refused the credentials (`status` 4xx, `error` its code), answered
 * something that is not a token, or could not be reached (`status` undefined, the network error as `cause`).
 * The message names the client id or access key, never the secret. Recognised by `isTokenRequestError`
 * through `name` and `code`, like BearerError, since two builds of the SDK may meet in one process.
 */
export class TokenRequestError extends Error {
  override name = 'TokenRequestError';
  readonly code = 'token_request_failed';

  constructor(
    message: string,
    /** HTTP status of Portcullis's answer; undefined when there was none. */
    readonly status: number | undefined,
    /** Portcullis's error code (`invalid_client`, `invalid_scope`, `unauthenticated`, …), when it gave one. */
    readonly error: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isTokenRequestError(error: unknown): error is TokenRequestError {
  return (
    error instanceof Error &&
    error.name === 'TokenRequestError' &&
    (error as Partial<TokenRequestError>).code === 'token_request_failed'
  );
}
