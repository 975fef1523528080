import { insertServiceAccount, type ServiceAccount } from '../../store/repositories/service-accounts.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requireMayGrantOrganizationAdmin, requirePermission } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { findPolicyOfOrganization } from '../network-policies/policy-lookup.js';
import { requireProgrammaticAccess } from '../organizations/programmatic-access.js';
import { asConflict } from '../unique-conflicts.js';
import { newServiceAccount } from './new-service-account.js';
import { validToChanges } from './valid-to.js';

/** Firebolt's "Create a service account" dialog, and FireTail's valid-to. */
export interface CreateServiceAccountInput {
  name: string;
  description?: string | undefined;
  isOrganizationAdmin?: boolean | undefined;
  networkPolicyId?: string | undefined;
  /** Firebolt's CONNECTION_PREFERENCE (lower-case); left out, its DEFAULT. */
  connectionPreference?: string | undefined;
  /** Wall-clock `YYYY-MM-DDTHH:mm[:ss]` read in `timezone`, or an absolute instant, in the future. */
  validTo?: string | undefined;
  /** IANA zone the valid-to is entered in; UTC if left out. */
  timezone?: string | undefined;
}

/**
 * Names and descriptions are checked by the transport's schema; this use case enforces the rules. What the
 * dialog sets at once needs what setting it afterwards needs: the organization-admin flag is the grant
 * `PATCH` checks, and a network policy, which may let the account in from addresses the organization's
 * policy does not allow (decision 0007), needs `portcullis.service_accounts:update` like attaching it later.
 */
export async function createServiceAccount(
  ctx: ServiceContext,
  caller: Caller,
  input: CreateServiceAccountInput,
): Promise<ServiceAccount> {
  const organizationId = organizationOf(caller.actor);
  const networkPolicyId = input.networkPolicyId ?? null;
  requirePermission(caller.actor, 'portcullis.service_accounts', 'create');
  if (networkPolicyId !== null) requirePermission(caller.actor, 'portcullis.service_accounts', 'update');
  if (input.isOrganizationAdmin) requireMayGrantOrganizationAdmin(caller.actor);
  await requireProgrammaticAccess(ctx, organizationId);
  const now = ctx.clock();
  const sa = newServiceAccount(
    {
      organizationId,
      name: input.name,
      description: input.description,
      isOrganizationAdmin: input.isOrganizationAdmin,
      kind: 'organization',
      networkPolicyId,
      connectionPreference: input.connectionPreference,
      ...validToChanges(input.validTo, input.timezone, now),
    },
    now,
  );
  try {
    await inTransaction(ctx, async (tx) => {
      if (networkPolicyId !== null) await findPolicyOfOrganization(tx, organizationId, networkPolicyId);
      await insertServiceAccount(tx.db, sa);
      await recordAuditEvent(tx.db, caller, now, {
        organizationId,
        action: 'service_account.created',
        targetType: 'service_account',
        targetId: sa.id,
        details: {
          name: sa.name,
          isOrganizationAdmin: sa.isOrganizationAdmin,
          networkPolicyId: sa.networkPolicyId,
          validTo: sa.validTo,
          validToTimezone: sa.validToTimezone,
        },
      });
    });
  } catch (error) {
    throw asConflict(error);
  }
  return sa;
}
