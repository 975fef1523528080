import { notFound, PortcullisError } from '@portcullis/core/errors';
import {
  deleteServiceAccount as deleteServiceAccountRow,
  findServiceAccountInOrganization,
} from '../../store/repositories/service-accounts.js';
import { listUsersOfServiceAccount } from '../../store/repositories/users.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requirePermission } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { requireProgrammaticAccess } from '../organizations/programmatic-access.js';
import { revokeSubjects } from '../revocation/record-revocations.js';

/** Firebolt: a service account still tied to users cannot be dropped; unlink them first. */
export async function deleteServiceAccount(ctx: ServiceContext, caller: Caller, id: string): Promise<void> {
  const organizationId = organizationOf(caller.actor);
  requirePermission(caller.actor, 'portcullis.service_accounts', 'delete');
  await requireProgrammaticAccess(ctx, organizationId);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const trx = tx.db;
    const sa = await findServiceAccountInOrganization(trx, organizationId, id);
    if (!sa) throw notFound('Service account');
    const users = await listUsersOfServiceAccount(trx, sa.id);
    if (users.length > 0) {
      throw new PortcullisError(
        'service_account_linked',
        'Unlink the users tied to this service account first.',
        {
          details: { users: users.map((u) => ({ id: u.id, name: u.name, accountId: u.accountId })) },
        },
      );
    }
    await deleteServiceAccountRow(trx, sa.id);
    revokeSubjects(tx, organizationId, [sa.id], 'service_account_deleted');
    await recordAuditEvent(trx, caller, now, {
      organizationId,
      action: 'service_account.deleted',
      targetType: 'service_account',
      targetId: sa.id,
      details: { name: sa.name },
    });
  });
}
