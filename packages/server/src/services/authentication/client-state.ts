import { findLockout, type Lockout } from '../../store/repositories/lockouts.js';
import { findOrganizationById, type Organization } from '../../store/repositories/organizations.js';
import { subjectNotBefore } from '../../store/repositories/revocations.js';
import { findUsableSecrets, type StoredSecret } from '../../store/repositories/secrets.js';
import { findServiceAccountById, type ServiceAccount } from '../../store/repositories/service-accounts.js';
import type { ServiceContext } from '../context.js';
import { type AttachedPolicies, attachedPolicies } from '../network-policies/check-network-access.js';
import { type CredentialResolution, resolveCredential } from '../permissions/resolve-credential.js';

/** Everything the database says about a client id, as read at one moment. Decisions are made per request. */
export interface ClientState {
  sa: ServiceAccount;
  /** Not revoked, and not yet past their grace expiry when read; expiry is checked again at each use. */
  secrets: StoredSecret[];
  org: Organization | undefined;
  policies: AttachedPolicies;
  resolution: CredentialResolution;
  /** The latest not-before instant of the account's revocation events (Unix ms), if it has any. */
  notBefore: number | undefined;
  /**
   * Its row of failed attempts, if it has one. A lock starting or being cleared moves the change generation,
   * so `lockedUntil` is current; `failures` may lag, since counting a failure does not move it.
   */
  lockout: Lockout | undefined;
}

/** What the database says about a client id, read once per change; undefined for an unknown one. */
export function loadClientState(
  ctx: ServiceContext,
  clientId: string,
  account: string | undefined,
): Promise<ClientState | undefined> {
  const now = ctx.clock();
  return ctx.clientStates.get(`${clientId} ${account ?? ''}`, ctx.changes.current, now, () =>
    readClientState(ctx, clientId, account, now),
  );
}

async function readClientState(
  ctx: ServiceContext,
  clientId: string,
  account: string | undefined,
  now: number,
): Promise<ClientState | undefined> {
  const sa = await findServiceAccountById(ctx.db, clientId);
  if (!sa) return undefined;
  const org = await findOrganizationById(ctx.db, sa.organizationId);
  const lockout = await findLockout(ctx.db, sa.id);
  if (lockout) ctx.failedAttempts.noteStoredFailures(sa.id);
  return {
    lockout,
    sa,
    secrets: await findUsableSecrets(ctx.db, sa.id, now),
    org,
    policies: org
      ? await attachedPolicies(ctx, org, sa.networkPolicyId)
      : { organization: undefined, principal: undefined },
    resolution: await resolveCredential(ctx, sa, account),
    notBefore: await subjectNotBefore(ctx.db, sa.id, 'any'),
  };
}
