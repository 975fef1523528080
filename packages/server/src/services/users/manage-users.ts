import { PortcullisError } from '../../errors/portcullis-error.js';
import {
  assignRole,
  findRoleInOrganization,
  isRoleAssigned,
  listRolesOfUser,
  type Role,
  unassignRole,
} from '../../store/repositories/roles.js';
import {
  deleteUser as deleteUserRow,
  findUserInOrganization,
  listUsersInOrganization,
  setUserActive,
  type User,
} from '../../store/repositories/users.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requirePermission, requireWithinGrantor } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { storedPermissions } from '../permissions/stored-permissions.js';

export interface UserWithRoles {
  user: User;
  roles: Role[];
}

async function userOfCaller(ctx: ServiceContext, caller: Caller, id: string): Promise<User> {
  const user = await findUserInOrganization(ctx.db, organizationOf(caller.actor), id);
  if (!user) throw new PortcullisError('not_found', 'User not found.');
  return user;
}

export async function getUser(ctx: ServiceContext, caller: Caller, id: string): Promise<UserWithRoles> {
  requirePermission(caller.actor, 'portcullis.users', 'get');
  const user = await userOfCaller(ctx, caller, id);
  return { user, roles: await listRolesOfUser(ctx.db, user.id) };
}

export async function listUsers(ctx: ServiceContext, caller: Caller): Promise<UserWithRoles[]> {
  requirePermission(caller.actor, 'portcullis.users', 'list');
  const users = await listUsersInOrganization(ctx.db, organizationOf(caller.actor));
  return Promise.all(users.map(async (user) => ({ user, roles: await listRolesOfUser(ctx.db, user.id) })));
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
    if (!role) throw new PortcullisError('not_found', 'Role not found.');
    let changed: boolean;
    if (change === 'grant') {
      requireWithinGrantor(caller.actor, storedPermissions(ctx.catalog, role.permissions));
      changed = !(await isRoleAssigned(tx.db, user.id, role.id));
      if (changed) await assignRole(tx.db, user.id, role.id, now);
    } else {
      changed = (await unassignRole(tx.db, user.id, role.id)) > 0;
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

export async function setUserActivation(
  ctx: ServiceContext,
  caller: Caller,
  userId: string,
  active: boolean,
): Promise<UserWithRoles> {
  requirePermission(caller.actor, 'portcullis.users', 'update');
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const user = await userOfCaller(tx, caller, userId);
    if (user.active !== active) {
      await setUserActive(tx.db, user.id, active, now);
      await recordAuditEvent(tx.db, caller, now, {
        organizationId: user.organizationId,
        action: active ? 'user.activated' : 'user.deactivated',
        targetType: 'user',
        targetId: user.id,
        details: { name: user.name },
      });
    }
    return { user: { ...user, active, updatedAt: now }, roles: await listRolesOfUser(tx.db, user.id) };
  });
}

/** Personal credentials owned by this user lose their owner and stop working (FireTail). */
export async function deleteUser(ctx: ServiceContext, caller: Caller, userId: string): Promise<void> {
  requirePermission(caller.actor, 'portcullis.users', 'delete');
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const user = await userOfCaller(tx, caller, userId);
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
