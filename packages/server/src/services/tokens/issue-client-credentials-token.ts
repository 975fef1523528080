import { PermissionSet } from '../../domain/permissions/permission-set.js';
import { isPortcullisError, PortcullisError } from '../../errors/portcullis-error.js';
import {
  authenticateClient,
  type ClientCredentials,
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

/** The client_credentials grant: authenticate the client, check audience and scope, sign, audit. */
export async function issueClientCredentialsToken(
  ctx: ServiceContext,
  caller: Caller,
  request: ClientCredentialsRequest,
): Promise<IssuedToken> {
  const now = ctx.clock();
  const refuse = refusalRecorder(ctx, caller, request.clientId, 'token.refused', now);
  const { sa, org, resolved } = await authenticateClient(ctx, caller, request, refuse);

  let scope = resolved.effective;
  if (request.scope !== undefined) {
    try {
      scope = PermissionSet.parse(ctx.catalog, request.scope);
    } catch (error) {
      if (!isPortcullisError(error)) throw error;
      throw await refuse(
        'unknown_scope',
        sa,
        new PortcullisError('invalid_scope', error.message, { details: error.details }),
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
    scope: scope.format(),
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
      scope: claims.scope,
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
