import { isId } from '../../domain/ids/ids.js';
import { isWellFormedClientSecret } from '../../domain/secrets/secret-format.js';
import { secretMatchesHash } from '../../domain/secrets/secret-hash.js';
import { PortcullisError } from '../../errors/portcullis-error.js';
import { findOrganizationById, type Organization } from '../../store/repositories/organizations.js';
import { findUsableSecrets } from '../../store/repositories/secrets.js';
import { findServiceAccountById, type ServiceAccount } from '../../store/repositories/service-accounts.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Caller, ServiceContext } from '../context.js';
import { checkNetworkAccess } from '../network-policies/check-network-access.js';
import { programmaticAccessOn } from '../organizations/programmatic-access.js';
import { isRefusal, type ResolvedCredential, resolveCredential } from '../permissions/resolve-credential.js';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Account id or name to act in; see resolveCredential for the default. */
  account?: string | undefined;
}

export interface AuthenticatedClient {
  sa: ServiceAccount;
  org: Organization;
  secretId: string;
  resolved: ResolvedCredential;
}

/** Records a refusal (with the reason the caller is never told) and returns the error to throw. */
export type Refuse = (
  reason: string,
  sa?: ServiceAccount,
  error?: PortcullisError,
) => Promise<PortcullisError>;

const messages = {
  invalid_client: 'Client authentication failed.',
  unauthorized_client: 'The service account has no user in the account, so it cannot act there.',
} as const;

export function refusalRecorder(
  ctx: ServiceContext,
  caller: Caller,
  clientId: string,
  action: string,
  now: number,
): Refuse {
  return async (reason, sa, error) => {
    await recordAuditEvent(ctx.db, caller, now, {
      organizationId: sa?.organizationId ?? null,
      action,
      targetType: 'service_account',
      // Only a well-formed id is recorded: a caller who swapped id and secret must not get the secret logged.
      targetId: isId('serviceAccount', clientId) ? clientId : null,
      result: 'failure',
      reason,
      actor: { type: sa ? 'service_account' : 'anonymous', id: sa?.id ?? null },
    });
    return error ?? new PortcullisError('invalid_client', messages.invalid_client, { auditReason: reason });
  };
}

/**
 * Everything that decides whether a client id and secret may act, shared by the token endpoint, Firefly's
 * /v2/login and HTTP Basic on the API: the secret (shape first, no database read for a malformed one; then
 * a constant-time comparison against each usable secret), enabled, programmatic access, valid-to, network
 * policy, and the inheritance rule in the account.
 */
export async function authenticateClient(
  ctx: ServiceContext,
  caller: Caller,
  credentials: ClientCredentials,
  refuse: Refuse,
): Promise<AuthenticatedClient> {
  const now = ctx.clock();
  if (!isWellFormedClientSecret(credentials.clientSecret)) throw await refuse('malformed_secret');
  if (!isId('serviceAccount', credentials.clientId)) throw await refuse('unknown_client');

  const sa = await findServiceAccountById(ctx.db, credentials.clientId);
  if (!sa) throw await refuse('unknown_client');
  const secrets = await findUsableSecrets(ctx.db, sa.id, now);
  // Check every usable secret (at most two during a grace period) so timing does not say which matched.
  const matched = secrets.map((s) =>
    secretMatchesHash(ctx.keys.secretHashKey, credentials.clientSecret, s.secretHash),
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
  const resolved = await resolveCredential(ctx, sa, credentials.account);
  if (isRefusal(resolved)) {
    throw await refuse(
      resolved.reason,
      sa,
      new PortcullisError(resolved.code, messages[resolved.code], { auditReason: resolved.reason }),
    );
  }
  ctx.usage.record(sa.id, secret.id, now);
  return { sa, org, secretId: secret.id, resolved };
}
