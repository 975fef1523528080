/**
 * The bounds of an access token's lifetime, the one place they are written. The longest lifetime is also
 * how long anything about a token must be remembered: a retired signing key stays published this long
 * (decisions/0003, 0013), a revocation event is kept this long (docs/revocation.md), and a valid-to this
 * close is announced on the revocation feed. Raising it means keeping all of those longer.
 */
export const shortestTokenLifetimeSeconds = 60;
export const longestTokenLifetimeSeconds = 86_400;
export const longestTokenLifetimeMs = longestTokenLifetimeSeconds * 1000;
