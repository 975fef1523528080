import { notFound } from '@portcullis/core/errors';
import { findLoginById } from '../../store/repositories/logins.js';
import type { Page, PageRequest } from '../../store/repositories/page.js';
import {
  assignRole,
  findRoleInOrganization,
  isRoleAssigned,
  listRolesOfUser,
  listRolesOfUsers,
  type Role,
  unassignRole,
} from '../../store/repositories/roles.js';
import {
  deleteUser as deleteUserRow,
  findUserInOrganization,
  listUsersInOrganization,
  setUserActive,
  type User,
  updateUser as updateUserRow,
} from '../../store/repositories/users.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requirePermission, requireWithinGrantor } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import {
  requireHoldsRightsThroughUser,
  requireMayLink,
  rightsThroughUser,
} from '../permissions/rights-handed-on.js';
import { storedPermissions } from '../permissions/stored-permissions.js';
import { revokeSubjects, revokeThroughUsers } from '../revocation/record-revocations.js';
import { asConflict } from '../unique-conflicts.js';
import { linkableServiceAccount, principalConflict } from './service-account-link.js';

export interface UserWithRoles {
  user: User;
  roles: Role[];
}

async function userOfCaller(ctx: ServiceContext, caller: Caller, id: string): Promise<User> {
  const user = await findUserInOrganization(ctx.db, organizationOf(caller.actor), id);
  if (!user) throw notFound('User');
  return user;
}

export async function getUser(ctx: ServiceContext, caller: Caller, id: string): Promise<UserWithRoles> {
  requirePermission(caller.actor, 'portcullis.users', 'get');
  const user = await userOfCaller(ctx, caller, id);
  return { user, roles: await listRolesOfUser(ctx.db, user.id) };
}

export async function listUsers(
  ctx: ServiceContext,
  caller: Caller,
  page: PageRequest,
): Promise<Page<UserWithRoles>> {
  requirePermission(caller.actor, 'portcullis.users', 'list');
  const users = await listUsersInOrganization(ctx.db, organizationOf(caller.actor), page);
  const roles = await listRolesOfUsers(
    ctx.db,
    users.items.map((user) => user.id),
  );
  return {
    items: users.items.map((user) => ({ user, roles: roles.get(user.id) ?? [] })),
    nextCursor: users.nextCursor,
  };
}

/**
 * Grants or revokes one role. Granting gives the role's permissions, so the grantor must hold all of them;
 * revoking is a downgrade that every credential acting through this user feels on its next use. Both are
 * idempotent and audit only a real change.
 */
async function changeRoleGrant(
  ctx: ServiceContext,
  caller: Caller,
  userId: string,
  roleId: string,
  change: 'grant' | 'revoke',
): Promise<UserWithRoles> {
  requirePermission(caller.actor, 'portcullis.users', 'update');
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const user = await userOfCaller(tx, caller, userId);
    const role = await findRoleInOrganization(tx.db, user.organizationId, roleId);
    if (!role) throw notFound('Role');
    let changed: boolean;
    if (change === 'grant') {
      requireWithinGrantor(caller.actor, storedPermissions(ctx.catalog, role.permissions));
      changed = !(await isRoleAssigned(tx.db, user.id, role.id));
      if (changed) await assignRole(tx.db, user.id, role.id, now);
    } else {
      changed = (await unassignRole(tx.db, user.id, role.id)) > 0;
      if (changed) await revokeThroughUsers(tx, user.organizationId, [user.id], 'user_downgraded');
    }
    if (changed) {
      await recordAuditEvent(tx.db, caller, now, {
        organizationId: user.organizationId,
        action: change === 'grant' ? 'user.role_granted' : 'user.role_revoked',
        targetType: 'user',
        targetId: user.id,
        details: { roleId: role.id, roleName: role.name },
      });
    }
    return { user, roles: await listRolesOfUser(tx.db, user.id) };
  });
}

export function grantRole(
  ctx: ServiceContext,
  caller: Caller,
  userId: string,
  roleId: string,
): Promise<UserWithRoles> {
  return changeRoleGrant(ctx, caller, userId, roleId, 'grant');
}

export function revokeRole(
  ctx: ServiceContext,
  caller: Caller,
  userId: string,
  roleId: string,
): Promise<UserWithRoles> {
  return changeRoleGrant(ctx, caller, userId, roleId, 'revoke');
}

export interface UserUpdate {
  active?: boolean | undefined;
  name?: string | undefined;
  defaultDatabase?: string | null | undefined;
  defaultEngine?: string | null | undefined;
  /** Firebolt's "Associate a service account" toggle: an id links one, null unlinks it. */
  serviceAccountId?: string | null | undefined;
  /** Firebolt's ALTER USER … SET LOGIN: an id ties the user to that person, null unties it. */
  loginId?: string | null | undefined;
}

/**
 * Edits a user. Deactivating stops every credential acting through it at once; unlinking its service
 * account is what allows that service account to be dropped.
 */
export async function updateUser(
  ctx: ServiceContext,
  caller: Caller,
  userId: string,
  update: UserUpdate,
): Promise<UserWithRoles> {
  requirePermission(caller.actor, 'portcullis.users', 'update');
  const now = ctx.clock();
  try {
    return await inTransaction(ctx, async (tx) => {
      const user = await userOfCaller(tx, caller, userId);
      const loginId = update.loginId === undefined ? user.loginId : update.loginId;
      const serviceAccountId =
        update.serviceAccountId === undefined ? user.serviceAccountId : update.serviceAccountId;
      if (loginId && serviceAccountId) throw principalConflict();
      if (update.serviceAccountId && update.serviceAccountId !== user.serviceAccountId) {
        const sa = await linkableServiceAccount(tx.db, {
          organizationId: user.organizationId,
          accountId: user.accountId,
          serviceAccountId: update.serviceAccountId,
          userId: user.id,
        });
        requireMayLink(caller.actor, sa, await rightsThroughUser(tx, user, false));
      }
      if (update.loginId && update.loginId !== user.loginId) {
        const login = await findLoginById(tx.db, update.loginId);
        if (login?.organizationId !== user.organizationId) throw notFound('Login');
        // The person gains whatever the user's roles give.
        requireWithinGrantor(caller.actor, await rightsThroughUser(tx, user, false));
      }
      if (update.active === true && !user.active) {
        await requireHoldsRightsThroughUser(tx, caller.actor, {
          ...user,
          serviceAccountId:
            update.serviceAccountId === undefined ? user.serviceAccountId : update.serviceAccountId,
        });
      }
      const { active, ...fields } = update;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      if (Object.keys(changes).length > 0) await updateUserRow(tx.db, user.id, changes, now);
      if (active !== undefined && active !== user.active) await setUserActive(tx.db, user.id, active, now);
      if (active === false) await revokeThroughUsers(tx, user.organizationId, [user.id], 'user_deactivated');
      if (
        update.serviceAccountId !== undefined &&
        user.serviceAccountId &&
        update.serviceAccountId !== user.serviceAccountId
      ) {
        revokeSubjects(tx, user.organizationId, [user.serviceAccountId], 'user_unlinked');
      }
      // The person's own credentials acted through this user as them; tied to someone else, they stop.
      if (update.loginId !== undefined && user.loginId && update.loginId !== user.loginId) {
        await revokeThroughUsers(tx, user.organizationId, [user.id], 'user_unlinked');
      }
      await recordAuditEvent(tx.db, caller, now, {
        organizationId: user.organizationId,
        action: active === false ? 'user.deactivated' : 'user.updated',
        targetType: 'user',
        targetId: user.id,
        details: { changes: update },
      });
      return {
        user: (await findUserInOrganization(tx.db, user.organizationId, user.id))!,
        roles: await listRolesOfUser(tx.db, user.id),
      };
    });
  } catch (error) {
    throw asConflict(error);
  }
}

/** Personal credentials owned by this user lose their owner and stop working (FireTail). */
export async function deleteUser(ctx: ServiceContext, caller: Caller, userId: string): Promise<void> {
  requirePermission(caller.actor, 'portcullis.users', 'delete');
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const user = await userOfCaller(tx, caller, userId);
    await revokeThroughUsers(tx, user.organizationId, [user.id], 'user_deleted');
    await deleteUserRow(tx.db, user.id);
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: user.organizationId,
      action: 'user.deleted',
      targetType: 'user',
      targetId: user.id,
      details: { name: user.name, accountId: user.accountId, serviceAccountId: user.serviceAccountId },
    });
  });
}
