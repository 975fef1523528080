import { setTimeout as sleep } from 'node:timers/promises';
import { isPortcullisError, PortcullisError } from '@portcullis/core/errors';
import { PermissionSet, scopeClaim } from '@portcullis/core/permissions';
import { firstTrustedSecond } from '@portcullis/core/revocation';
import {
  type AuthenticatedClient,
  authenticateClient,
  type ClientCredentials,
  type Refuse,
  refusalRecorder,
} from '../authentication/authenticate-client.js';
import type { Caller, ServiceContext } from '../context.js';
import { accessTokenClaims } from './access-token-claims.js';

export interface ClientCredentialsRequest extends ClientCredentials {
  /** Defaults to the issuer, which is also the audience of Portcullis's own API. */
  audience?: string | undefined;
  /** RFC 8707 resource indicator: accepted as the audience when `audience` is absent. */
  resource?: string | undefined;
  /** Space-separated permissions to narrow the token to; must lie within the effective set. */
  scope?: string | undefined;
}

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  /** Unix seconds. */
  expiresAt: number;
  scope: string;
}

/**
 * A token never outlives its service account's valid-to: no event marks the moment an account expires, so
 * verifiers that check only `exp` would otherwise honour its tokens for up to a full lifetime after it.
 */
function lifetimeSeconds(nowMs: number, ttlSeconds: number, validTo: number | null): number {
  if (validTo === null) return ttlSeconds;
  return Math.min(ttlSeconds, Math.floor(validTo / 1000) - Math.floor(nowMs / 1000));
}

/** A change to the client more often than this, second after second, and the token is issued anyway. */
const maxNotBeforeWaits = 3;

/**
 * Authenticates the client at a moment whose whole second follows every not-before instant of the client's
 * revocation events. Verifiers compare whole seconds (`iat`), so a token issued in the second of a change
 * would look as old as the tokens the change voids: the first request after a change waits for the next
 * second (at most one) and is authenticated again, seeing any change made meanwhile. Only requests in the
 * second after an administrative change to this client ever wait.
 */
async function authenticateAfterNotBefore(
  ctx: ServiceContext,
  caller: Caller,
  request: ClientCredentialsRequest,
  refuse: Refuse,
): Promise<{ client: AuthenticatedClient; now: number }> {
  let client = await authenticateClient(ctx, caller, request, refuse);
  let now = ctx.clock();
  for (let waits = 0; waits < maxNotBeforeWaits && client.notBefore !== undefined; waits++) {
    const waitMs = firstTrustedSecond(client.notBefore) * 1000 - now;
    if (waitMs <= 0) break;
    await sleep(waitMs);
    client = await authenticateClient(ctx, caller, request, refuse);
    now = ctx.clock();
  }
  return { client, now };
}

/** The client_credentials grant: authenticate the client, check audience and scope, sign, audit. */
export async function issueClientCredentialsToken(
  ctx: ServiceContext,
  caller: Caller,
  request: ClientCredentialsRequest,
): Promise<IssuedToken> {
  const refuse = refusalRecorder(ctx, caller, request.clientId, 'token.refused', ctx.clock());
  const {
    client: { sa, org, resolved },
    now,
  } = await authenticateAfterNotBefore(ctx, caller, request, refuse);

  let scope = resolved.effective;
  if (request.scope !== undefined) {
    try {
      scope = PermissionSet.parse(ctx.catalog, request.scope);
    } catch (error) {
      if (!isPortcullisError(error)) throw error;
      throw await refuse(
        'unknown_scope',
        sa,
        new PortcullisError('invalid_scope', error.message, {
          details: error.details,
          auditReason: 'unknown_scope',
        }),
      );
    }
    const excess = scope.minus(resolved.effective);
    if (!excess.isEmpty()) {
      throw await refuse(
        'scope_exceeds_effective',
        sa,
        new PortcullisError(
          'invalid_scope',
          `The requested scope exceeds what this client may do: ${excess.format()}.`,
          { auditReason: 'scope_exceeds_effective' },
        ),
      );
    }
  }

  const audience = request.audience ?? request.resource ?? ctx.issuer;
  const allowedAudiences = org.allowedAudiences ?? ctx.defaultAudiences;
  if (audience !== ctx.issuer && !allowedAudiences.includes(audience)) {
    throw await refuse(
      'audience_not_allowed',
      sa,
      new PortcullisError(
        'invalid_target',
        `Tokens for the audience "${audience}" are not issued to this organization.`,
        { auditReason: 'audience_not_allowed' },
      ),
    );
  }
  const ttlSeconds = lifetimeSeconds(now, org.tokenTtlSeconds ?? ctx.tokenTtlSeconds, sa.validTo);
  const claims = {
    ...accessTokenClaims(ctx.issuer, now, ttlSeconds, {
      subject: sa.id,
      clientId: sa.id,
      audience,
      organizationId: sa.organizationId,
      accountId: resolved.accountId,
    }),
    scope: scopeClaim(scope, ctx.scopeClaimMaxBytes),
  };
  const accessToken = await ctx.keyRing.sign(claims);
  ctx.issuanceAudit.enqueue(caller, now, {
    organizationId: sa.organizationId,
    action: 'token.issued',
    targetType: 'service_account',
    targetId: sa.id,
    actor: { type: 'service_account', id: sa.id },
    details: {
      jti: claims.jti,
      audience,
      accountId: resolved.accountId,
      userId: resolved.user.id,
      // The canonical form: the same set as the claim's, in a few bytes per audit row.
      scope: scope.format(),
    },
  });
  return {
    accessToken,
    tokenType: 'Bearer',
    expiresIn: ttlSeconds,
    expiresAt: claims.exp,
    scope: claims.scope,
  };
}
