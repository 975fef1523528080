/**
 * What a protected route answers instead of running: RFC 6750 §3 for a missing, invalid or
 * insufficient token, and 503 when the verifier cannot tell (no keys yet, revocations too stale).
 * Framework-neutral; each adapter writes `status`, `headers` and the JSON `body` as they are.
 */
export interface Refusal {
  status: 400 | 401 | 403 | 503;
  headers: Record<string, string>;
  body: RefusalBody;
}

export interface RefusalBody {
  error: 'invalid_request' | 'invalid_token' | 'insufficient_scope' | 'temporarily_unavailable';
  error_description: string;
  /** insufficient_scope: the permissions the token lacks (for `any`, the ones of which one would do). */
  missing?: string[];
}

/** RFC 7235 quoted-string: a backslash before `"` and `\`; control characters dropped. */
function quoted(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point.
  return `"${value.replace(/[\u0000-\u001f\u007f]/g, '').replace(/["\\]/g, '\\$&')}"`;
}

function challenge(realm: string, params: Record<string, string> = {}): string {
  const parts = [`realm=${quoted(realm)}`, ...Object.entries(params).map(([k, v]) => `${k}=${quoted(v)}`)];
  return `Bearer ${parts.join(', ')}`;
}

/** RFC 6750 §3.1: no credentials at all get the challenge without an error code. */
export function missingToken(realm: string): Refusal {
  return {
    status: 401,
    headers: { 'www-authenticate': challenge(realm) },
    body: { error: 'invalid_token', error_description: 'A Bearer access token is required.' },
  };
}

export function malformedRequest(realm: string, description: string): Refusal {
  return {
    status: 400,
    headers: {
      'www-authenticate': challenge(realm, { error: 'invalid_request', error_description: description }),
    },
    body: { error: 'invalid_request', error_description: description },
  };
}

export function invalidToken(realm: string, description: string): Refusal {
  return {
    status: 401,
    headers: {
      'www-authenticate': challenge(realm, { error: 'invalid_token', error_description: description }),
    },
    body: { error: 'invalid_token', error_description: description },
  };
}

/**
 * 403 naming what is missing, in the header's `scope` (RFC 6750 §3: the scope the request needs) and in the
 * body, so a client developer reads which permission to ask for without guessing.
 */
export function insufficientScope(realm: string, missing: readonly string[], mode: 'all' | 'any'): Refusal {
  const list = missing.join(', ');
  const description =
    mode === 'any'
      ? `The token needs one of these permissions: ${list}.`
      : `The token lacks ${missing.length > 1 ? 'these permissions' : 'this permission'}: ${list}.`;
  return {
    status: 403,
    headers: {
      'www-authenticate': challenge(realm, {
        error: 'insufficient_scope',
        error_description: description,
        scope: missing.join(' '),
      }),
    },
    body: { error: 'insufficient_scope', error_description: description, missing: [...missing] },
  };
}

/** The verifier cannot decide now; the client should retry, not fetch another token. */
export function temporarilyUnavailable(description: string, retryAfterSeconds: number): Refusal {
  return {
    status: 503,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: { error: 'temporarily_unavailable', error_description: description },
  };
}
