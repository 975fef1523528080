import type { CachedToken } from './cached-token.js';

type FetchInput = string | URL | Request;

/**
 * Whether a request can be sent a second time. A body given as text, form, bytes or a Blob is sent anew from
 * the same value; a stream (a `ReadableStream`, an async iterable, or the body of a `Request` object) is
 * consumed by the first attempt, and buffering it to allow a retry would defeat streaming it.
 */
function canSendAgain(input: FetchInput, init: RequestInit | undefined): boolean {
  const body = init && 'body' in init ? init.body : input instanceof Request ? input.body : null;
  return (
    body === null ||
    body === undefined ||
    typeof body === 'string' ||
    body instanceof URLSearchParams ||
    body instanceof FormData ||
    body instanceof Blob ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body)
  );
}

function withBearer(input: FetchInput, init: RequestInit | undefined, token: string): RequestInit {
  // Headers given in `init` replace a Request's own, so both are merged here, `init` winning.
  const headers = new Headers(input instanceof Request ? input.headers : undefined);
  new Headers(init?.headers).forEach((value, name) => {
    headers.set(name, value);
  });
  headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
}

/**
 * `fetch` with `Authorization: Bearer <token>`. A 401 means the token was refused (revoked, or its subject
 * changed since it was issued), so the request is sent once more with a fresh token — once: a second 401 is
 * the answer. A request whose body cannot be sent again is not retried; its 401 is returned as it came.
 */
export async function authorizedFetch(
  token: CachedToken,
  fetchFn: typeof fetch,
  input: FetchInput,
  init?: RequestInit,
): Promise<Response> {
  const first = await token.get();
  const response = await fetchFn(input, withBearer(input, init, first));
  if (response.status !== 401 || !canSendAgain(input, init)) return response;
  token.invalidate(first);
  await response.body?.cancel();
  return fetchFn(input, withBearer(input, init, await token.get()));
}
