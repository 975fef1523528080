import { newId } from '@portcullis/core/ids';
import { insertServiceAccount, type ServiceAccount } from '../../store/repositories/service-accounts.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requireMayGrantOrganizationAdmin, requirePermission } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { requireProgrammaticAccess } from '../organizations/programmatic-access.js';
import { asConflict } from '../unique-conflicts.js';

export interface CreateServiceAccountInput {
  name: string;
  description?: string | undefined;
  isOrganizationAdmin?: boolean | undefined;
}

/** Names and descriptions are checked by the transport's schema; this use case enforces the rules. */
export async function createServiceAccount(
  ctx: ServiceContext,
  caller: Caller,
  input: CreateServiceAccountInput,
): Promise<ServiceAccount> {
  const organizationId = organizationOf(caller.actor);
  requirePermission(caller.actor, 'portcullis.service_accounts', 'create');
  if (input.isOrganizationAdmin) requireMayGrantOrganizationAdmin(caller.actor);
  await requireProgrammaticAccess(ctx, organizationId);
  const now = ctx.clock();
  const sa: ServiceAccount = {
    id: newId('serviceAccount'),
    organizationId,
    name: input.name,
    description: input.description ?? '',
    isOrganizationAdmin: input.isOrganizationAdmin ?? false,
    platformIntrospection: false,
    enabled: true,
    kind: 'organization',
    ownerUserId: null,
    grantedPermissions: null,
    networkPolicyId: null,
    validTo: null,
    validToTimezone: null,
    lastUsedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await inTransaction(ctx, async (tx) => {
      await insertServiceAccount(tx.db, sa);
      await recordAuditEvent(tx.db, caller, now, {
        organizationId,
        action: 'service_account.created',
        targetType: 'service_account',
        targetId: sa.id,
        details: { name: sa.name, isOrganizationAdmin: sa.isOrganizationAdmin },
      });
    });
  } catch (error) {
    throw asConflict(error);
  }
  return sa;
}
