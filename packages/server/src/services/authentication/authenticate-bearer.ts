import { unauthenticated } from '@portcullis/core/errors';
import { kindOfId } from '@portcullis/core/ids';
import { issuedBefore } from '@portcullis/core/revocation';
import type { TokenClaims } from '../../runtime/signing/key-ring.js';
import { tokenRevocationState } from '../../store/repositories/revocations.js';
import type { Actor, ServiceContext } from '../context.js';
import { programmaticAccessOn } from '../organizations/programmatic-access.js';
import { isRefusal } from '../permissions/resolve-credential.js';
import { storedPermissions } from '../permissions/stored-permissions.js';
import { loadClientState } from './client-state.js';
import { loadLoginState } from './login-state.js';
import { serviceAccountActor } from './service-account-actor.js';

export interface BearerOptions {
  /**
   * Portcullis's own API accepts only tokens meant for it (audience = issuer). The authorize endpoint
   * judges any token Portcullis issued, whatever API it was meant for.
   */
  anyAudience?: boolean;
  /**
   * Audiences accepted besides the issuer: Firebolt's drivers ask for tokens meant for Firebolt's API and
   * send them to the routes that speak Firebolt's protocol.
   */
  audiences?: readonly string[];
}

async function verified(ctx: ServiceContext, token: string, options: BearerOptions): Promise<TokenClaims> {
  let claims: TokenClaims;
  try {
    claims = await ctx.keyRing.verify(token);
  } catch {
    throw unauthenticated('The access token is invalid or expired.');
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  const accepted = (audience: string) =>
    audience === ctx.issuer || (options.audiences?.includes(audience) ?? false);
  if (!options.anyAudience && !audiences.some(accepted)) {
    throw unauthenticated('The access token is not meant for this API.');
  }
  return claims;
}

/**
 * A token is void once revoked (RFC 7009) or when its subject lost rights after it was issued. `iat` counts
 * whole seconds, so a token from the change's own second counts as earlier; see docs/revocation.md.
 */
export async function isTokenVoid(ctx: ServiceContext, claims: TokenClaims): Promise<boolean> {
  const jti = typeof claims.jti === 'string' ? claims.jti : undefined;
  const { revoked, voidNotBefore } = await tokenRevocationState(ctx.db, jti, claims.sub);
  return revoked || (voidNotBefore !== undefined && issuedBefore(claims.iat, voidNotBefore));
}

/**
 * Turns a bearer token into the actor behind it, with the permissions it has *now*: the signature proves
 * the token is ours; revocation is read live on every request, and the principal's state is read once per
 * change on any node (decision 0009), so every downgrade, deactivation or deletion applies from the next
 * request. A service account's token never does more than its `scope` claim, even if its user has gained
 * rights since.
 */
export async function authenticateBearer(
  ctx: ServiceContext,
  token: string,
  options: BearerOptions = {},
): Promise<Actor> {
  const claims = await verified(ctx, token, options);
  if (await isTokenVoid(ctx, claims)) throw unauthenticated('The access token has been revoked.');
  return actorOfClaims(ctx, claims);
}

/** The live actor behind verified claims; throws `unauthenticated` when it can no longer act. */
export async function actorOfClaims(ctx: ServiceContext, claims: TokenClaims): Promise<Actor> {
  const accountClaim = typeof claims.account_id === 'string' ? claims.account_id : undefined;
  switch (kindOfId(claims.sub)) {
    case 'login': {
      const state = await loadLoginState(ctx, claims.sub, accountClaim);
      if (!state?.login.active) throw unauthenticated('The login is no longer active.');
      const { login, acting } = state;
      if (!acting) throw unauthenticated('The organization has no account.');
      return {
        type: 'login',
        id: login.id,
        organizationId: login.organizationId,
        accountId: acting.accountId,
        userId: acting.user?.id ?? null,
        isOrganizationAdmin: login.isOrganizationAdmin,
        isPlatformOperator: login.isPlatformOperator,
        platformIntrospection: login.isPlatformOperator,
        permissions: acting.permissions,
        ...(typeof claims.jti === 'string' ? { session: { jti: claims.jti, expiresAt: claims.exp } } : {}),
      };
    }
    case 'serviceAccount': {
      const state = await loadClientState(ctx, claims.sub, accountClaim);
      const sa = state?.sa;
      if (!sa?.enabled || (sa.validTo !== null && sa.validTo <= ctx.clock())) {
        throw unauthenticated('The service account is no longer active.');
      }
      if (!state?.org || !programmaticAccessOn(state.org)) {
        throw unauthenticated('Programmatic access is disabled for this organization.');
      }
      if (isRefusal(state.resolution)) {
        throw unauthenticated('The credential can no longer act in this account.');
      }
      const scope =
        typeof claims.scope === 'string' ? storedPermissions(ctx.catalog, claims.scope) : undefined;
      return serviceAccountActor(sa, state.resolution, scope);
    }
    default:
      throw unauthenticated('The access token has an unknown subject.');
  }
}
