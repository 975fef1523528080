import { notFound } from '@portcullis/core/errors';
import {
  findServiceAccountInOrganization,
  type ServiceAccount,
  type ServiceAccountChanges,
  updateServiceAccount as updateServiceAccountRow,
} from '../../store/repositories/service-accounts.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import {
  organizationOf,
  requireMayGrantOrganizationAdmin,
  requirePermission,
  requirePlatformOperator,
} from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { findPolicyOfOrganization } from '../network-policies/policy-lookup.js';
import { requireProgrammaticAccess } from '../organizations/programmatic-access.js';
import { requireHoldsServiceAccountRights } from '../permissions/rights-handed-on.js';
import { revokeSubjects } from '../revocation/record-revocations.js';
import { asConflict } from '../unique-conflicts.js';
import { validToChanges, validToCutsTokensShort } from './valid-to.js';

export interface ServiceAccountUpdate {
  name?: string | undefined;
  description?: string | undefined;
  isOrganizationAdmin?: boolean | undefined;
  /** Platform operators only: a resource server of the whole platform (decision 0011). */
  platformIntrospection?: boolean | undefined;
  enabled?: boolean | undefined;
  networkPolicyId?: string | null | undefined;
  /** Firebolt's CONNECTION_PREFERENCE (lower-case); null goes back to its DEFAULT. */
  connectionPreference?: string | null | undefined;
  /** Wall-clock `YYYY-MM-DDTHH:mm[:ss]` read in `timezone`, or an absolute instant, in the future; null clears it. */
  validTo?: string | null | undefined;
  /** IANA zone the valid-to was entered in; defaults to UTC. */
  timezone?: string | undefined;
}

/** Enabling it again, or a later (or no) valid-to, lets it act again or for longer: a grant of its rights. */
export function givesTimeOrUseBack(sa: ServiceAccount, changes: ServiceAccountChanges): boolean {
  const enabled = changes.enabled === true && !sa.enabled;
  const longer =
    changes.validTo !== undefined &&
    sa.validTo !== null &&
    (changes.validTo === null || changes.validTo > sa.validTo);
  return enabled || longer;
}

/** Firebolt's "Edit service account" plus FireTail's valid-to. Disabling or expiring stops its tokens at once. */
export async function updateServiceAccount(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  update: ServiceAccountUpdate,
): Promise<ServiceAccount> {
  const organizationId = organizationOf(caller.actor);
  requirePermission(caller.actor, 'portcullis.service_accounts', 'update');
  if (update.platformIntrospection !== undefined) requirePlatformOperator(caller.actor);
  if (update.isOrganizationAdmin) requireMayGrantOrganizationAdmin(caller.actor);
  await requireProgrammaticAccess(ctx, organizationId);
  const { validTo, timezone, ...rest } = update;
  const now = ctx.clock();
  const changes: ServiceAccountChanges = {
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    ...validToChanges(validTo, timezone, now),
  };
  try {
    return await inTransaction(ctx, async (tx) => {
      const sa = await findServiceAccountInOrganization(tx.db, organizationId, id);
      if (!sa) throw notFound('Service account');
      if (changes.networkPolicyId)
        await findPolicyOfOrganization(tx, organizationId, changes.networkPolicyId);
      if (givesTimeOrUseBack(sa, changes)) await requireHoldsServiceAccountRights(tx, caller.actor, sa);
      await updateServiceAccountRow(tx.db, sa.id, changes, now);
      const lostRights =
        changes.enabled === false ||
        (changes.isOrganizationAdmin === false && sa.isOrganizationAdmin) ||
        (changes.platformIntrospection === false && sa.platformIntrospection) ||
        (typeof changes.validTo === 'number' && validToCutsTokensShort(sa.validTo, changes.validTo, now));
      if (lostRights) revokeSubjects(tx, organizationId, [sa.id], 'service_account_restricted');
      await recordAuditEvent(tx.db, caller, now, {
        organizationId,
        action: 'service_account.updated',
        targetType: 'service_account',
        targetId: sa.id,
        details: { changes },
      });
      return (await findServiceAccountInOrganization(tx.db, organizationId, sa.id))!;
    });
  } catch (error) {
    throw asConflict(error);
  }
}
