import { PortcullisError } from '@portcullis/core/errors';
import { PermissionSet } from '@portcullis/core/permissions';
import type { Login } from '../../store/repositories/logins.js';
import { findLoginById } from '../../store/repositories/logins.js';
import { listPermissionTextsOfUser } from '../../store/repositories/roles.js';
import {
  findServiceAccountById,
  listServiceAccountsOwnedBy,
  type ServiceAccount,
} from '../../store/repositories/service-accounts.js';
import {
  findUserById,
  listUsersOfLogin,
  listUsersOfServiceAccount,
  type User,
} from '../../store/repositories/users.js';
import { requireMayGrantOrganizationAdmin, requireWithinGrantor } from '../authorization.js';
import type { Actor, ServiceContext } from '../context.js';
import { storedPermissions, unionOfStored } from './stored-permissions.js';

/**
 * What an operation hands on when it lets a principal act again or act through someone else: linking a user
 * to a service account, reactivating a user, login or service account, giving someone a secret or a password.
 * The grantor rule then asks the caller to hold all of it, as for a role grant (decision 0006).
 *
 * These are the rights the principal would have if nothing else stood in its way (an enabled flag, a
 * valid-to, the organization's switch): those are switched separately, and switching them on is a grant too.
 */

/** The rights a user gives whatever acts through it; an organization-admin service account acts with all. */
export async function rightsThroughUser(
  ctx: ServiceContext,
  user: User,
  asOrganizationAdmin: boolean,
): Promise<PermissionSet> {
  if (asOrganizationAdmin) return PermissionSet.full(ctx.catalog);
  return unionOfStored(ctx.catalog, await listPermissionTextsOfUser(ctx.db, user.id));
}

/** Everything a service account could do through its active users, in any account. */
export async function serviceAccountRights(ctx: ServiceContext, sa: ServiceAccount): Promise<PermissionSet> {
  const granted =
    sa.grantedPermissions === null ? undefined : storedPermissions(ctx.catalog, sa.grantedPermissions);
  let held = PermissionSet.empty(ctx.catalog);
  if (sa.kind === 'organization') {
    for (const user of await listUsersOfServiceAccount(ctx.db, sa.id)) {
      if (user.active) held = held.union(await rightsThroughUser(ctx, user, sa.isOrganizationAdmin));
    }
  } else {
    const owner = sa.ownerUserId ? await findUserById(ctx.db, sa.ownerUserId) : undefined;
    const login = owner?.loginId ? await findLoginById(ctx.db, owner.loginId) : undefined;
    if (owner?.active && login) held = await rightsThroughUser(ctx, owner, login.isOrganizationAdmin);
  }
  return granted ? granted.intersect(held) : held;
}

/** The caller must hold what the service account could do, before it hands the account on or back. */
export async function requireHoldsServiceAccountRights(
  ctx: ServiceContext,
  actor: Actor,
  sa: ServiceAccount,
): Promise<void> {
  if (sa.isOrganizationAdmin) requireMayGrantOrganizationAdmin(actor);
  requireWithinGrantor(actor, await serviceAccountRights(ctx, sa));
}

/**
 * The caller must hold what the person could do — everything, with the flag, for an organization admin —
 * before handing their sign-in on (a password reset) or back (reactivation).
 */
export async function requireHoldsLoginRights(
  ctx: ServiceContext,
  actor: Actor,
  login: Login,
): Promise<void> {
  if (login.isPlatformOperator && !actor.isPlatformOperator && actor.type !== 'system') {
    throw new PortcullisError(
      'permission_exceeds_grantor',
      'Only a platform operator can do this to an operator.',
      {
        details: { excess: ['platform operator'] },
      },
    );
  }
  if (login.isOrganizationAdmin) {
    requireMayGrantOrganizationAdmin(actor);
    return;
  }
  let held = PermissionSet.empty(ctx.catalog);
  for (const user of await listUsersOfLogin(ctx.db, login.id)) {
    if (user.active) held = held.union(await rightsThroughUser(ctx, user, false));
  }
  requireWithinGrantor(actor, held);
}

/**
 * Linking a user to a service account hands the account the user's rights (everything, for an
 * organization-admin service account), as far as the account was granted them.
 */
export function requireMayLink(actor: Actor, sa: ServiceAccount, userRights: PermissionSet): void {
  if (sa.isOrganizationAdmin) {
    requireMayGrantOrganizationAdmin(actor);
    return;
  }
  const granted =
    sa.grantedPermissions === null ? undefined : storedPermissions(userRights.catalog, sa.grantedPermissions);
  requireWithinGrantor(actor, granted ? granted.intersect(userRights) : userRights);
}

/**
 * Reactivating a user gives back what acts through it: its roles to its login and its service account (all
 * rights, for an organization-admin service account), and to the personal credentials it owns what they
 * were granted — which for an organization admin's credentials may be more than the roles.
 */
export async function requireHoldsRightsThroughUser(
  ctx: ServiceContext,
  actor: Actor,
  user: User,
): Promise<void> {
  let handed = await rightsThroughUser(ctx, user, false);
  const sa = user.serviceAccountId ? await findServiceAccountById(ctx.db, user.serviceAccountId) : undefined;
  if (sa) requireMayLink(actor, sa, handed);
  const login = user.loginId ? await findLoginById(ctx.db, user.loginId) : undefined;
  if (login?.isOrganizationAdmin) {
    for (const credential of await listServiceAccountsOwnedBy(ctx.db, user.id)) {
      handed = handed.union(
        credential.grantedPermissions === null
          ? PermissionSet.full(ctx.catalog)
          : storedPermissions(ctx.catalog, credential.grantedPermissions),
      );
    }
  }
  requireWithinGrantor(actor, handed);
}
