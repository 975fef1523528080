import { isId } from '../../domain/ids/ids.js';
import { PermissionSet } from '../../domain/permissions/permission-set.js';
import { isWellFormedClientSecret } from '../../domain/secrets/secret-format.js';
import { secretMatchesHash } from '../../domain/secrets/secret-hash.js';
import type { ErrorCode } from '../../errors/error-catalogue.js';
import { isPortcullisError, PortcullisError } from '../../errors/portcullis-error.js';
import { findOrganizationById } from '../../store/repositories/organizations.js';
import { findUsableSecrets } from '../../store/repositories/secrets.js';
import { findServiceAccountById, type ServiceAccount } from '../../store/repositories/service-accounts.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Caller, ServiceContext } from '../context.js';
import { checkNetworkAccess } from '../network-policies/check-network-access.js';
import { programmaticAccessOn } from '../organizations/programmatic-access.js';
import { isRefusal, resolveCredential } from '../permissions/resolve-credential.js';
import { accessTokenClaims } from './access-token-claims.js';

export interface ClientCredentialsRequest {
  clientId: string;
  clientSecret: string;
  /** Defaults to the issuer, which is also the audience of Portcullis's own API. */
  audience?: string | undefined;
  /** RFC 8707 resource indicator: accepted as the audience when `audience` is absent. */
  resource?: string | undefined;
  /** Space-separated permissions to narrow the token to; must lie within the effective set. */
  scope?: string | undefined;
  /** Account id or name to act in; see resolveCredential for the default. */
  account?: string | undefined;
}

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  /** Unix seconds. */
  expiresAt: number;
  scope: string;
}

const refusalMessages: Partial<Record<ErrorCode, string>> = {
  invalid_client: 'Client authentication failed.',
  unauthorized_client: 'The service account has no user in the account, so it cannot act there.',
};

/** The client_credentials grant: authenticate the service account, apply the inheritance rule, sign. */
export async function issueClientCredentialsToken(
  ctx: ServiceContext,
  caller: Caller,
  request: ClientCredentialsRequest,
): Promise<IssuedToken> {
  const now = ctx.clock();
  const refuse = async (reason: string, sa?: ServiceAccount, error?: PortcullisError) => {
    await recordAuditEvent(ctx.db, caller, now, {
      organizationId: sa?.organizationId ?? null,
      action: 'token.refused',
      targetType: 'service_account',
      // Only a well-formed id is recorded: a caller who swapped id and secret must not get the secret logged.
      targetId: isId('serviceAccount', request.clientId) ? request.clientId : null,
      result: 'failure',
      reason,
      actor: { type: sa ? 'service_account' : 'anonymous', id: sa?.id ?? null },
    });
    return (
      error ?? new PortcullisError('invalid_client', refusalMessages.invalid_client!, { auditReason: reason })
    );
  };

  // Malformed secrets and ids are refused before any database read.
  if (!isWellFormedClientSecret(request.clientSecret)) throw await refuse('malformed_secret');
  if (!isId('serviceAccount', request.clientId)) throw await refuse('unknown_client');

  const sa = await findServiceAccountById(ctx.db, request.clientId);
  if (!sa) throw await refuse('unknown_client');
  const secrets = await findUsableSecrets(ctx.db, sa.id, now);
  // Check every usable secret (at most two during a grace period) so timing does not say which matched.
  const matched = secrets.map((s) =>
    secretMatchesHash(ctx.keys.secretHashKey, request.clientSecret, s.secretHash),
  );
  const secret = secrets[matched.indexOf(true)];
  if (!secret) throw await refuse('wrong_secret', sa);
  if (!sa.enabled) throw await refuse('disabled', sa);
  const org = await findOrganizationById(ctx.db, sa.organizationId);
  if (!org || !programmaticAccessOn(org)) throw await refuse('programmatic_access_disabled', sa);
  if (sa.validTo !== null && sa.validTo <= now) throw await refuse('expired', sa);
  if (!(await checkNetworkAccess(ctx, org, sa.networkPolicyId, caller.clientIp)).allowed) {
    throw await refuse('network_policy', sa);
  }

  const resolved = await resolveCredential(ctx, sa, request.account);
  if (isRefusal(resolved)) {
    const error = new PortcullisError(resolved.code, refusalMessages[resolved.code]!, {
      auditReason: resolved.reason,
    });
    throw await refuse(resolved.reason, sa, error);
  }
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
  const ttlSeconds = org.tokenTtlSeconds ?? ctx.tokenTtlSeconds;
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
  const accessToken = ctx.keyRing.sign(claims);
  ctx.usage.record(sa.id, secret.id, now);
  await recordAuditEvent(ctx.db, caller, now, {
    organizationId: sa.organizationId,
    action: 'token.issued',
    targetType: 'service_account',
    targetId: sa.id,
    actor: { type: 'service_account', id: sa.id },
    details: {
      jti: claims.jti,
      audience: claims.aud,
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
