import { type AuthorizationServerMetadata, fetchMetadata } from './authorization-server-metadata.js';
import { BearerError } from './bearer-error.js';
import {
  insufficientScope,
  invalidToken,
  malformedRequest,
  missingToken,
  type Refusal,
  temporarilyUnavailable,
} from './bearer-refusal.js';
import { FeedCredentials } from './feed-credentials.js';
import { JwksCache } from './jwks-cache.js';
import { keyIdOf, malformed } from './key-id-of.js';
import { catalogFromResources, catalogFromScopes } from './permission-catalog.js';
import { PermissionChecks, type RequirementInput, requirementOf } from './permission-checks.js';
import { type AccessTokenClaims, createPrincipal, heldOf, type Principal } from './principal.js';
import { type FollowerStatus, RevocationFollower } from './revocation-follower.js';
import { RevocationList } from './revocation-list.js';
import { VerifiedTokenCache } from './verified-token-cache.js';
import { resolveOptions, type VerifierOptions } from './verifier-options.js';

export type AuthorizeOutcome = { ok: true; principal: Principal } | { ok: false; refusal: Refusal };

export interface VerifierStatus {
  /** Whether signing keys were ever fetched: without them no token verifies. */
  keys: { loaded: boolean; keyIds: string[] };
  /** Undefined when revocations are ignored (`revocations: false`). */
  revocations: FollowerStatus | undefined;
  cachedTokens: number;
}

export interface Verifier {
  /**
   * A verified, unrevoked token's principal. Throws a BearerError (401 invalid_token, or 503 when it cannot
   * tell: no signing keys yet, or the revocation feed stale past its bound while failing closed).
   */
  verify(token: string): Promise<Principal>;
  /**
   * The whole check a route makes, from its `Authorization` header: the token, then the requirement.
   * Never throws for the caller's mistakes: a refusal is returned, ready for any framework to write.
   */
  authorize(
    authorization: string | null | undefined,
    requirement?: RequirementInput,
  ): Promise<AuthorizeOutcome>;
  /** Resolves once signing keys are loaded and the revocation feed has caught up (or after `timeoutMs`). */
  ready(timeoutMs?: number): Promise<boolean>;
  status(): VerifierStatus;
  /** How long revocations may have gone unheard, in seconds: a number to export as a metric. */
  stalenessSeconds(): number;
  close(): Promise<void>;
}

const bearerPattern = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
/** How long a request made before the first feed catch-up waits for it. */
const startWaitMs = 5_000;

/**
 * A resource server's verifier of Portcullis access tokens. Starts fetching the metadata, the signing keys
 * and the revocation feed at once; requests made meanwhile wait for them (a few seconds at most).
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const resolved = resolveOptions(options);
  const { realm, logger } = resolved;
  let metadata: Promise<AuthorizationServerMetadata> | undefined;
  /**
   * Fetched when first needed; a failure is answered for a second and then fetched again, so a Portcullis
   * down at start-up is retried without a request to it per API call.
   */
  const readMetadata = () => {
    metadata ??= fetchMetadata(resolved.issuer, resolved.fetch).catch((error) => {
      setTimeout(() => {
        metadata = undefined;
      }, 1_000).unref();
      throw error;
    });
    return metadata;
  };
  const jwks = new JwksCache({
    jwksUri: async () => resolved.jwksUri ?? (await readMetadata()).jwksUri,
    fetch: resolved.fetch,
    issuer: resolved.issuer,
    audiences: resolved.audiences,
    algorithms: resolved.algorithms,
    clockToleranceSeconds: resolved.clockToleranceSeconds,
    unknownKidCooldownMs: resolved.unknownKeyCooldownSeconds * 1000,
    logger,
  });
  let checks: PermissionChecks | undefined = resolved.resources
    ? new PermissionChecks(catalogFromResources(resolved.resources))
    : undefined;
  const permissionChecks = async () => {
    checks ??= new PermissionChecks(catalogFromScopes((await readMetadata()).scopesSupported));
    return checks;
  };
  const revocations = new RevocationList();
  const follower = resolved.revocations
    ? new RevocationFollower({
        ...resolved.revocations,
        credentials: new FeedCredentials({
          tokenEndpoint: async () => (await readMetadata()).tokenEndpoint,
          clientId: resolved.revocations.clientId,
          clientSecret: resolved.revocations.clientSecret,
          fetch: resolved.fetch,
        }),
        list: revocations,
        fetch: resolved.fetch,
        logger,
      })
    : undefined;
  const cache = new VerifiedTokenCache(resolved.cacheSize, resolved.clockToleranceSeconds * 1000);

  const keysLoaded = jwks.start().catch(() => undefined);
  follower?.start();
  permissionChecks().catch(() => undefined);

  const refuse = (refusal: Refusal): never => {
    throw new BearerError(refusal);
  };

  /** Fail closed: while the feed is stale past its bound, no token is trusted. */
  const requireFreshRevocations = async () => {
    if (!follower) return;
    if (!follower.isStale()) return;
    await follower.whenCaughtUp(startWaitMs);
    if (!follower.acceptsTokens()) {
      refuse(
        temporarilyUnavailable(
          'Revocations cannot be checked: the authorization server has been unreachable too long.',
          5,
        ),
      );
    }
  };

  const revoked = (principal: Principal) =>
    revocations.isRevoked(principal.tokenId, principal.subject, principal.issuedAt);

  /**
   * The cold path awaits only what is not ready yet (keys, metadata, a stale feed): each needless await is a
   * trip through the microtask queue, a measurable share of a check that is mostly the signature.
   */
  async function verify(token: string): Promise<Principal> {
    if (follower?.isStale()) await requireFreshRevocations();
    const cached = cache.get(token);
    if (cached) {
      if (!revoked(cached)) return cached;
      cache.delete(token);
      return refuse(invalidToken(realm, 'The access token was revoked.'));
    }
    const kid = keyIdOf(token);
    if (kid === malformed) return refuse(invalidToken(realm, 'The access token is malformed.'));
    if (kid === undefined) return refuse(invalidToken(realm, 'The access token names no signing key.'));
    if (!jwks.hasKeys) {
      await keysLoaded;
      if (!(await jwks.ensureLoaded())) {
        refuse(
          temporarilyUnavailable('The signing keys could not be fetched from the authorization server.', 5),
        );
      }
    }
    const keyVerifier = jwks.knownVerifier(kid) ?? (await jwks.verifierFor(kid));
    if (!keyVerifier) return refuse(invalidToken(realm, 'The access token is signed by an unknown key.'));
    let claims: AccessTokenClaims;
    try {
      claims = keyVerifier(token) as AccessTokenClaims;
    } catch (error) {
      return refuse(invalidToken(realm, describeVerificationFailure(error)));
    }
    let principalChecks = checks;
    if (!principalChecks) {
      try {
        principalChecks = await permissionChecks();
      } catch {
        return refuse(temporarilyUnavailable('The authorization server metadata could not be fetched.', 5));
      }
    }
    const principal = createPrincipal(claims, principalChecks, realm);
    if (revoked(principal)) return refuse(invalidToken(realm, 'The access token was revoked.'));
    cache.set(token, principal);
    return principal;
  }

  async function authorize(
    authorization: string | null | undefined,
    requirement?: RequirementInput,
  ): Promise<AuthorizeOutcome> {
    if (!authorization) return { ok: false, refusal: missingToken(realm) };
    const token = bearerPattern.exec(authorization)?.[1];
    if (!token) {
      return /^Bearer\b/i.test(authorization)
        ? {
            ok: false,
            refusal: malformedRequest(realm, 'The Authorization header is not a valid Bearer token.'),
          }
        : { ok: false, refusal: missingToken(realm) };
    }
    let principal: Principal;
    try {
      principal = await verify(token);
    } catch (error) {
      if (error instanceof BearerError) return { ok: false, refusal: error.refusal };
      throw error;
    }
    const shortfall = (checks ?? (await permissionChecks())).shortfall(
      heldOf(principal),
      requirementOf(requirement),
    );
    if (shortfall) return { ok: false, refusal: insufficientScope(realm, shortfall.missing, shortfall.mode) };
    return { ok: true, principal };
  }

  return {
    verify,
    authorize,
    async ready(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      await Promise.race([keysLoaded, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
      const caughtUp = follower ? await follower.whenCaughtUp(Math.max(0, deadline - Date.now())) : true;
      return jwks.hasKeys && caughtUp;
    },
    status: () => ({
      keys: { loaded: jwks.hasKeys, keyIds: jwks.keyIds },
      revocations: follower?.status(),
      cachedTokens: cache.size,
    }),
    stalenessSeconds: () => follower?.stalenessSeconds() ?? 0,
    async close() {
      jwks.stop();
      await follower?.stop();
    },
  };
}

/** fast-jwt's reason, in words a client developer can act on; never the token itself. */
function describeVerificationFailure(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  switch (code) {
    case 'FAST_JWT_EXPIRED':
      return 'The access token has expired.';
    case 'FAST_JWT_INACTIVE':
      return 'The access token is not valid yet.';
    case 'FAST_JWT_MALFORMED':
    case 'FAST_JWT_INVALID_PAYLOAD':
      return 'The access token is malformed.';
    case 'FAST_JWT_INVALID_TYPE':
      return 'The token is not an access token (typ must be at+jwt).';
    case 'FAST_JWT_INVALID_ALGORITHM':
      return 'The access token is signed with an algorithm that is not allowed.';
    case 'FAST_JWT_INVALID_SIGNATURE':
      return 'The access token signature is invalid.';
    case 'FAST_JWT_MISSING_REQUIRED_CLAIM':
      return 'The access token lacks a required claim.';
    case 'FAST_JWT_INVALID_CLAIM_VALUE': {
      const message = String((error as Error).message);
      if (/aud/.test(message)) return 'The access token is not meant for this API (audience).';
      if (/iss/.test(message)) return 'The access token was not issued by the expected issuer.';
      return 'The access token has an invalid claim.';
    }
    default:
      return 'The access token is invalid.';
  }
}
