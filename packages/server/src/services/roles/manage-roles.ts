import { notFound, PortcullisError } from '@portcullis/core/errors';
import { newId } from '@portcullis/core/ids';
import { PermissionSet } from '@portcullis/core/permissions';
import type { Page, PageRequest } from '../../store/repositories/page.js';
import { usersHoldingRole } from '../../store/repositories/revocation-subjects.js';
import {
  deleteRole as deleteRoleRow,
  findRoleInOrganization,
  insertRole,
  listRoles,
  type Role,
  updateRole as updateRoleRow,
} from '../../store/repositories/roles.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requirePermission, requireWithinGrantor } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { revokeThroughUsers } from '../revocation/record-revocations.js';
import { asConflict } from '../unique-conflicts.js';

export interface RoleInput {
  name: string;
  description?: string | undefined;
  /** `resource:action` items; `*` allowed on either side. */
  permissions: readonly string[];
}

/** A role's edit: a new name, description or whole set, or (SQL's GRANT and REVOKE) items added or taken away. */
export interface RoleUpdate extends Partial<RoleInput> {
  grant?: readonly string[] | undefined;
  revoke?: readonly string[] | undefined;
}

async function roleOfCaller(ctx: ServiceContext, caller: Caller, id: string): Promise<Role> {
  const role = await findRoleInOrganization(ctx.db, organizationOf(caller.actor), id);
  if (!role) throw notFound('Role');
  return role;
}

function mutable(role: Role): void {
  if (role.isBuiltin) {
    throw new PortcullisError(
      'builtin_role_immutable',
      `"${role.name}" is a built-in role and cannot be changed or deleted.`,
    );
  }
}

export async function listRolesOfCaller(
  ctx: ServiceContext,
  caller: Caller,
  page: PageRequest,
): Promise<Page<Role>> {
  requirePermission(caller.actor, 'portcullis.roles', 'list');
  return listRoles(ctx.db, organizationOf(caller.actor), page);
}

export async function getRole(ctx: ServiceContext, caller: Caller, id: string): Promise<Role> {
  requirePermission(caller.actor, 'portcullis.roles', 'get');
  return roleOfCaller(ctx, caller, id);
}

/** A custom role may only hold what its creator holds: otherwise it would be a way to escalate. */
export async function createRole(ctx: ServiceContext, caller: Caller, input: RoleInput): Promise<Role> {
  requirePermission(caller.actor, 'portcullis.roles', 'create');
  const organizationId = organizationOf(caller.actor);
  const permissions = PermissionSet.parse(ctx.catalog, input.permissions);
  requireWithinGrantor(caller.actor, permissions);
  const now = ctx.clock();
  const role: Role = {
    id: newId('role'),
    organizationId,
    name: input.name,
    description: input.description ?? '',
    permissions: permissions.format(),
    isBuiltin: false,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await inTransaction(ctx, async (tx) => {
      await insertRole(tx.db, role);
      await recordAuditEvent(tx.db, caller, now, {
        organizationId,
        action: 'role.created',
        targetType: 'role',
        targetId: role.id,
        details: { name: role.name, permissions: role.permissions },
      });
    });
  } catch (error) {
    throw asConflict(error);
  }
  return role;
}

/**
 * Changing a role changes, at once, what every user holding it — and every credential acting through
 * those users — may do. Widening it is a grant, so the new set must lie within the caller's rights.
 */
export async function updateRole(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  changes: RoleUpdate,
): Promise<Role> {
  requirePermission(caller.actor, 'portcullis.roles', 'update');
  const replaced = changes.permissions && PermissionSet.parse(ctx.catalog, changes.permissions);
  const added = changes.grant && PermissionSet.parse(ctx.catalog, changes.grant);
  const removed = changes.revoke && PermissionSet.parse(ctx.catalog, changes.revoke);
  const now = ctx.clock();
  try {
    return await inTransaction(ctx, async (tx) => {
      const role = await roleOfCaller(tx, caller, id);
      mutable(role);
      // Grants and revokes apply to the permissions as they are now, inside the transaction, so two of
      // them at once both count.
      let permissions = replaced;
      if (added || removed) {
        permissions = replaced ?? PermissionSet.parseStored(ctx.catalog, role.permissions);
        if (added) permissions = permissions.union(added);
        if (removed) permissions = permissions.minus(removed);
      }
      if (permissions)
        requireWithinGrantor(
          caller.actor,
          permissions.minus(PermissionSet.parseStored(ctx.catalog, role.permissions)),
        );
      const updated: Role = {
        ...role,
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.description === undefined ? {} : { description: changes.description }),
        ...(permissions ? { permissions: permissions.format() } : {}),
        updatedAt: now,
      };
      const before = PermissionSet.parseStored(ctx.catalog, role.permissions);
      if (permissions && !before.isSubsetOf(permissions)) {
        await revokeThroughUsers(
          tx,
          role.organizationId,
          await usersHoldingRole(tx.db, role.id),
          'role_downgraded',
        );
      }
      await updateRoleRow(
        tx.db,
        role.id,
        { name: updated.name, description: updated.description, permissions: updated.permissions },
        now,
      );
      await recordAuditEvent(tx.db, caller, now, {
        organizationId: role.organizationId,
        action: 'role.updated',
        targetType: 'role',
        targetId: role.id,
        details: { name: updated.name, before: role.permissions, after: updated.permissions },
      });
      return updated;
    });
  } catch (error) {
    throw asConflict(error);
  }
}

export async function deleteRole(ctx: ServiceContext, caller: Caller, id: string): Promise<void> {
  requirePermission(caller.actor, 'portcullis.roles', 'delete');
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const role = await roleOfCaller(tx, caller, id);
    mutable(role);
    await revokeThroughUsers(tx, role.organizationId, await usersHoldingRole(tx.db, role.id), 'role_deleted');
    await deleteRoleRow(tx.db, role.id);
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: role.organizationId,
      action: 'role.deleted',
      targetType: 'role',
      targetId: role.id,
      details: { name: role.name, permissions: role.permissions },
    });
  });
}
