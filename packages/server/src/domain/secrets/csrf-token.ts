import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The console's CSRF tokens: OWASP's HMAC-based token pattern. A token is a random nonce and an HMAC, under
 * a key derived from the master key, of the session's id (its token's `jti`) and that nonce. Nothing is
 * stored: every node checks a token against the session the cookie proves, so another session's token, or
 * one made up, fails. The nonce makes every token handed out a different string (no answer repeats a
 * secret a compression side channel could match). decisions/0021-console-sessions.md.
 */
export function newCsrfToken(key: Buffer, sessionId: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${mac(key, sessionId, nonce)}`;
}

/** Longer than any token we hand out; a longer header is refused before any hashing. */
const longestToken = 128;

/** Constant-time check that `token` was handed out for this session. */
export function isCsrfTokenOf(key: Buffer, sessionId: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length > longestToken) return false;
  const dot = token.indexOf('.');
  if (dot < 1) return false;
  const expected = Buffer.from(mac(key, sessionId, token.slice(0, dot)));
  const presented = Buffer.from(token.slice(dot + 1));
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}

// Lengths prefix each part, so no two (session, nonce) pairs hash the same text.
function mac(key: Buffer, sessionId: string, nonce: string): string {
  return createHmac('sha256', key)
    .update(`${sessionId.length}!${sessionId}!${nonce.length}!${nonce}`, 'utf8')
    .digest('base64url');
}
