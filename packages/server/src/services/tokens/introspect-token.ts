import { PortcullisError } from '@portcullis/core/errors';
import { scopeClaim } from '@portcullis/core/permissions';
import type { TokenClaims } from '../../runtime/signing/key-ring.js';
import { actorOfClaims, isTokenVoid } from '../authentication/authenticate-bearer.js';
import { requirePermission } from '../authorization.js';
import type { Caller, ServiceContext } from '../context.js';

export type IntrospectionResponse =
  | { active: false }
  | ({ active: true; token_type: 'Bearer'; scope?: string } & TokenClaims);

const inactive = { active: false } as const;

/**
 * RFC 7662 for callers holding `portcullis.introspection:run`, about tokens of their own organization (of
 * any organization for a platform resource server, decision 0011).
 * `active` and `scope` reflect live state: a deleted, disabled or expired service account, a deleted or
 * deactivated user, a revoked token, or a not-before after issuance make it inactive, and `scope` is the
 * token's claim intersected with what the credential may do right now.
 */
export async function introspectToken(
  ctx: ServiceContext,
  caller: Caller,
  token: string,
): Promise<IntrospectionResponse> {
  requirePermission(caller.actor, 'portcullis.introspection', 'run');
  let claims: TokenClaims;
  try {
    claims = await ctx.keyRing.verify(token);
  } catch {
    return inactive;
  }
  const visible = caller.actor.platformIntrospection || claims.org_id === caller.actor.organizationId;
  if (!visible || (await isTokenVoid(ctx, claims))) return inactive;
  try {
    const actor = await actorOfClaims(ctx, claims);
    // Written as the token endpoint writes it, so a resource server reads both the same way.
    const scope =
      actor.type === 'service_account' && actor.permissions
        ? scopeClaim(actor.permissions, ctx.scopeClaimMaxBytes)
        : undefined;
    return { ...claims, active: true, token_type: 'Bearer', ...(scope === undefined ? {} : { scope }) };
  } catch (error) {
    if (error instanceof PortcullisError && error.code === 'unauthenticated') return inactive;
    throw error;
  }
}
