/**
 * The first whole second a subject's not-before instant leaves alone. `iat` counts whole seconds, so a
 * token issued earlier in the change's own second cannot be told from one issued later in it by `iat`
 * alone; both fall on the void side. Issuance waits for this second when it lies ahead (see
 * issue-client-credentials-token.ts), so no token issued after the change carries an earlier `iat`.
 */
export function firstTrustedSecond(notBeforeMs: number): number {
  return Math.floor(notBeforeMs / 1000) + 1;
}

/** Whether a token issued at `iat` (Unix seconds) predates a not-before instant (Unix milliseconds). */
export function issuedBefore(iat: number, notBeforeMs: number): boolean {
  return iat < firstTrustedSecond(notBeforeMs);
}
