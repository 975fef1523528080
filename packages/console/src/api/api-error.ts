import { errorCatalogue } from '@portcullis/core/errors';

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown; requestId?: string };
}

/** A refusal of the API, as its body names it: a stable code, a message and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly requestId: string | undefined,
  ) {
    super(message);
  }

  /** What the person can do about it, from the shared error catalogue. */
  get meaning(): string | undefined {
    return (errorCatalogue as Record<string, { meaning: string }>)[this.code]?.meaning;
  }
}

/**
 * The data of an openapi-fetch result, or the refusal thrown as an ApiError: screens handle an answer or a
 * refusal, never a half of each.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as ErrorBody;
  throw new ApiError(
    result.response.status,
    body.error?.code ?? 'unknown',
    body.error?.message ?? `The server answered ${result.response.status}.`,
    body.error?.details,
    body.error?.requestId,
  );
}
