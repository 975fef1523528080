import { isId } from '../../domain/ids/ids.js';
import { isWellFormedClientSecret } from '../../domain/secrets/secret-format.js';
import { secretMatchesHash } from '../../domain/secrets/secret-hash.js';
import { PortcullisError } from '../../errors/portcullis-error.js';
import { findDefaultAccount } from '../../store/repositories/accounts.js';
import { findOrganizationById } from '../../store/repositories/organizations.js';
import { findUsableSecrets } from '../../store/repositories/secrets.js';
import { findServiceAccountById, type ServiceAccount } from '../../store/repositories/service-accounts.js';
import { listUsersOfServiceAccount, type User } from '../../store/repositories/users.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Caller, ServiceContext } from '../context.js';
import { accessTokenClaims } from './access-token-claims.js';

export interface ClientCredentialsRequest {
  clientId: string;
  clientSecret: string;
  /** Defaults to the issuer, which is also the audience of Portcullis's own API. */
  audience?: string | undefined;
}

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * Chooses the user the service account acts as: its only user if it has one, else its user in the
 * organization's default account (Firebolt clients name no account).
 */
async function actingUser(ctx: ServiceContext, sa: ServiceAccount): Promise<User | undefined> {
  const users = (await listUsersOfServiceAccount(ctx.db, sa.id)).filter((u) => u.active);
  if (users.length <= 1) return users[0];
  const account = await findDefaultAccount(ctx.db, sa.organizationId);
  return users.find((u) => u.accountId === account?.id);
}

/** The client_credentials grant: authenticate the service account, resolve who it acts as, sign. */
export async function issueClientCredentialsToken(
  ctx: ServiceContext,
  caller: Caller,
  request: ClientCredentialsRequest,
): Promise<IssuedToken> {
  const now = ctx.clock();
  const refuse = async (
    reason: string,
    sa?: ServiceAccount,
    code: 'invalid_client' | 'unauthorized_client' = 'invalid_client',
  ) => {
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
    const message =
      code === 'invalid_client'
        ? 'Client authentication failed.'
        : 'The service account has no user in the account, so it cannot act there.';
    return new PortcullisError(code, message, { auditReason: reason });
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
  if (!matched.includes(true)) throw await refuse('wrong_secret', sa);
  if (!sa.enabled) throw await refuse('disabled', sa);
  const org = await findOrganizationById(ctx.db, sa.organizationId);
  if (!org?.programmaticAccessAvailable || !org.programmaticAccessEnabled) {
    throw await refuse('programmatic_access_disabled', sa);
  }
  const user = await actingUser(ctx, sa);
  if (!user) throw await refuse('no_user_in_account', sa, 'unauthorized_client');

  const claims = accessTokenClaims(ctx.issuer, now, ctx.tokenTtlSeconds, {
    subject: sa.id,
    clientId: sa.id,
    audience: request.audience ?? ctx.issuer,
    organizationId: sa.organizationId,
    accountId: user.accountId,
  });
  const accessToken = ctx.keyRing.sign(claims);
  await recordAuditEvent(ctx.db, caller, now, {
    organizationId: sa.organizationId,
    action: 'token.issued',
    targetType: 'service_account',
    targetId: sa.id,
    actor: { type: 'service_account', id: sa.id },
    details: { jti: claims.jti, audience: claims.aud, accountId: user.accountId, userId: user.id },
  });
  return { accessToken, tokenType: 'Bearer', expiresIn: ctx.tokenTtlSeconds, expiresAt: claims.exp };
}
