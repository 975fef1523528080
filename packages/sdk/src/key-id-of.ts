/** What `keyIdOf` answers for a token not shaped like a compact JWS. */
export const malformed: unique symbol = Symbol('malformed');

/**
 * The `kid` of a compact JWS from its header alone, to pick the key: the payload is left to fast-jwt, which
 * decodes and checks the whole token (header included, strictly) once, rather than it being decoded twice.
 */
export function keyIdOf(token: string): string | undefined | typeof malformed {
  const headerEnd = token.indexOf('.');
  if (headerEnd <= 0 || token.lastIndexOf('.') === headerEnd) return malformed;
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(token.slice(0, headerEnd), 'base64url').toString('utf8'));
  } catch {
    return malformed;
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return malformed;
  const kid = (header as { kid?: unknown }).kid;
  return typeof kid === 'string' ? kid : undefined;
}
