import { PortcullisError } from '@portcullis/core/errors';
import { isId } from '@portcullis/core/ids';
import { lockRemainingSeconds } from '@portcullis/core/lockouts';
import { networkVerdict } from '@portcullis/core/network-policies';
import { isWellFormedSecret, secretMatchesHash } from '../../domain/secrets/secret-hash.js';
import type { Organization } from '../../store/repositories/organizations.js';
import { deletedSubjectOrganization } from '../../store/repositories/revocations.js';
import type { ServiceAccount } from '../../store/repositories/service-accounts.js';
import { type AuditEntry, recordAuditEvent } from '../audit/record-audit-event.js';
import type { Caller, ServiceContext } from '../context.js';
import {
  forgetFailuresAfterSuccess,
  recordFailedGuess,
  tooManyAttempts,
} from '../lockouts/failed-attempts.js';
import { programmaticAccessOn } from '../organizations/programmatic-access.js';
import { isRefusal, type ResolvedCredential } from '../permissions/resolve-credential.js';
import { loadClientState } from './client-state.js';

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
  /** The latest not-before instant of the account's revocation events (Unix ms): tokens must come after it. */
  notBefore: number | undefined;
}

/** The client a refusal is recorded against: a service account, or what is known of a deleted one. */
export type RefusedClient = Pick<ServiceAccount, 'id' | 'organizationId'>;

/**
 * Records a refusal (with the reason the caller is never told) and returns the error to throw. A refusal
 * that `counts` as a guess at the client's secret also counts towards its lockout.
 */
export type Refuse = (
  reason: string,
  sa?: RefusedClient,
  error?: PortcullisError,
  options?: { counts: boolean },
) => Promise<PortcullisError>;

/** Revocation reasons written when a credential's row is deleted (delete-service-account, client credentials). */
const deletionReasons = ['service_account_deleted', 'credential_deleted'];

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
  return async (reason, sa, error, options) => {
    const refused =
      error ?? new PortcullisError('invalid_client', messages.invalid_client, { auditReason: reason });
    // No organization could read an audit event of an unknown client: it is counted per source instead.
    if (!sa) {
      ctx.unattributedRefusals.count(caller.clientIp, action, reason);
      return refused;
    }
    const entry: AuditEntry = {
      organizationId: sa.organizationId,
      action,
      targetType: 'service_account',
      // Only a well-formed id is recorded: a caller who swapped id and secret must not get the secret logged.
      targetId: isId('serviceAccount', clientId) ? clientId : null,
      result: 'failure',
      reason,
      actor: { type: 'service_account', id: sa.id },
    };
    if (options?.counts) {
      const subject = { id: sa.id, kind: 'service_account', organizationId: sa.organizationId } as const;
      await recordFailedGuess(ctx, caller, now, subject, entry);
    } else {
      await recordAuditEvent(ctx.db, caller, now, entry);
    }
    return refused;
  };
}

/**
 * A deleted account's row is gone, but its organization must still see the attempts in its audit log, so
 * the deletion's revocation event is consulted — on this failure path only, never on the cached success one.
 */
async function refuseUnknown(
  ctx: ServiceContext,
  clientId: string,
  refuse: Refuse,
): Promise<PortcullisError> {
  const organizationId = await deletedSubjectOrganization(ctx.db, clientId, deletionReasons);
  return organizationId === undefined
    ? refuse('unknown_client')
    : refuse('deleted', { id: clientId, organizationId });
}

/**
 * Everything that decides whether a client id and secret may act, shared by the token endpoint, Firefly's
 * /v2/login and HTTP Basic on the API: the secret (shape first, no database read for a malformed one; then
 * a constant-time comparison against each usable secret), enabled, programmatic access, valid-to, network
 * policy, and the inheritance rule in the account. What the database says is cached until anything
 * changes (client-state.ts); every decision is still made here, per request.
 */
export async function authenticateClient(
  ctx: ServiceContext,
  caller: Caller,
  credentials: ClientCredentials,
  refuse: Refuse,
): Promise<AuthenticatedClient> {
  const now = ctx.clock();
  if (!isWellFormedSecret(credentials.clientSecret)) throw await refuse('malformed_secret');
  if (!isId('serviceAccount', credentials.clientId)) throw await refuse('unknown_client');

  const state = await loadClientState(ctx, credentials.clientId, credentials.account);
  if (!state) throw await refuseUnknown(ctx, credentials.clientId, refuse);
  const { sa, org, policies, resolution } = state;
  // A lock refuses every attempt, the right secret included, without comparing it; such refusals are not
  // audited one by one: the lock's start is.
  const lockedFor = lockRemainingSeconds(state.lockout?.lockedUntil, now);
  if (lockedFor !== undefined) throw tooManyAttempts(lockedFor);
  const secrets = state.secrets.filter((s) => s.expiresAt === null || s.expiresAt > now);
  // Check every usable secret (at most two during a grace period) so timing does not say which matched.
  const matched = secrets.map((s) =>
    secretMatchesHash(ctx.keys.secretHashKey, credentials.clientSecret, s.secretHash),
  );
  const secret = secrets[matched.indexOf(true)];
  const networkAllowed = networkVerdict(
    policies.organization,
    policies.principal,
    caller.clientIp ?? '',
  ).allowed;
  // A guess from an address the client's network policy refuses could not succeed even if right, so it
  // does not count: attaching a policy keeps strangers from locking an integration out.
  if (!secret) throw await refuse('wrong_secret', sa, undefined, { counts: networkAllowed });
  if (!sa.enabled) throw await refuse('disabled', sa);
  if (!org || !programmaticAccessOn(org)) throw await refuse('programmatic_access_disabled', sa);
  if (sa.validTo !== null && sa.validTo <= now) throw await refuse('expired', sa);
  if (!networkAllowed) throw await refuse('network_policy', sa);
  if (isRefusal(resolution)) {
    // Only a caller who proved the secret learns whether an account name exists.
    const message =
      resolution.code === 'invalid_request'
        ? `Unknown account "${resolution.account}".`
        : messages[resolution.code];
    throw await refuse(
      resolution.reason,
      sa,
      new PortcullisError(resolution.code, message, { auditReason: resolution.reason }),
    );
  }
  await forgetFailuresAfterSuccess(ctx, sa.id, now);
  ctx.usage.record(sa.id, secret.id, now);
  return { sa, org, secretId: secret.id, resolved: resolution, notBefore: state.notBefore };
}
