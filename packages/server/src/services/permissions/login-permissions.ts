import type { PermissionSet } from '@portcullis/core/permissions';
import { effectivePermissions } from '@portcullis/core/permissions';
import type { Login } from '../../store/repositories/logins.js';
import { listPermissionTextsOfUser } from '../../store/repositories/roles.js';
import { findUserOfLoginInAccount, type User } from '../../store/repositories/users.js';
import type { ServiceContext } from '../context.js';
import { unionOfStored } from './stored-permissions.js';

/**
 * What a person may do in an account right now: everything for an organization admin — the flag is
 * organization-wide, whether or not they have a user there and whatever its state — else the union of the
 * roles of their user there (nothing without one, or when it is deactivated). Decision 0006.
 */
export async function loginPermissions(
  ctx: ServiceContext,
  login: Login,
  accountId: string,
): Promise<{ user: User | undefined; permissions: PermissionSet }> {
  const user = await findUserOfLoginInAccount(ctx.db, login.id, accountId);
  const texts = user?.active ? await listPermissionTextsOfUser(ctx.db, user.id) : [];
  const permissions = effectivePermissions(ctx.catalog, undefined, {
    active: login.active && (login.isOrganizationAdmin || (user?.active ?? false)),
    isOrganizationAdmin: login.isOrganizationAdmin,
    rolePermissions: unionOfStored(ctx.catalog, texts),
  });
  return { user, permissions };
}
