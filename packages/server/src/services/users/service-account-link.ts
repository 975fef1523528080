import { notFound, PortcullisError } from '@portcullis/core/errors';
import type { Db } from '../../store/database.js';
import {
  findServiceAccountInOrganization,
  type ServiceAccount,
} from '../../store/repositories/service-accounts.js';
import { listUsersOfServiceAccount } from '../../store/repositories/users.js';

/** A user is tied to a login or to a service account, never both (Firebolt). */
export function principalConflict(): PortcullisError {
  return new PortcullisError(
    'user_principal_conflict',
    'A user is tied to a login or a service account, not both.',
  );
}

/**
 * The service account a user of the account is to be tied to, when creating the user or changing its
 * link: one of the organization's, with no other user in that account, since it acts through its user
 * there. `userId` is the user being changed, which may keep its own link.
 */
export async function linkableServiceAccount(
  db: Db,
  link: { organizationId: string; accountId: string; serviceAccountId: string; userId?: string },
): Promise<ServiceAccount> {
  const { organizationId, accountId, serviceAccountId, userId } = link;
  const sa = await findServiceAccountInOrganization(db, organizationId, serviceAccountId);
  if (!sa) throw notFound('Service account', { serviceAccountId });
  const linked = (await listUsersOfServiceAccount(db, sa.id)).find(
    (u) => u.accountId === accountId && u.id !== userId,
  );
  if (linked) {
    throw new PortcullisError(
      'service_account_already_linked',
      'The service account already has a user in this account.',
      { details: { userId: linked.id, userName: linked.name, accountId } },
    );
  }
  return sa;
}
