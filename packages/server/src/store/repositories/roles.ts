import type { Db } from '../database.js';
import type { RoleRow } from '../schema.js';

export interface Role {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  /** Permission set in its canonical `resource:action` text form. */
  permissions: string;
  isBuiltin: boolean;
  createdAt: number;
  updatedAt: number;
}

function toRole(row: RoleRow): Role {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    description: row.description,
    permissions: row.permissions,
    isBuiltin: row.is_builtin === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertRole(db: Db, role: Role): Promise<void> {
  await db
    .insertInto('roles')
    .values({
      id: role.id,
      organization_id: role.organizationId,
      name: role.name,
      description: role.description,
      permissions: role.permissions,
      is_builtin: role.isBuiltin ? 1 : 0,
      created_at: role.createdAt,
      updated_at: role.updatedAt,
    })
    .execute();
}

export async function findRolesByIds(
  db: Db,
  organizationId: string,
  ids: readonly string[],
): Promise<Role[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('roles')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
  return rows.map(toRole);
}

export async function findRoleByName(
  db: Db,
  organizationId: string,
  name: string,
): Promise<Role | undefined> {
  const row = await db
    .selectFrom('roles')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row && toRole(row);
}

export async function assignRole(db: Db, userId: string, roleId: string, now: number): Promise<void> {
  await db
    .insertInto('role_assignments')
    .values({ user_id: userId, role_id: roleId, created_at: now })
    .execute();
}

export async function listRolesOfUser(db: Db, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('roles')
    .innerJoin('role_assignments', 'role_assignments.role_id', 'roles.id')
    .selectAll('roles')
    .where('role_assignments.user_id', '=', userId)
    .orderBy('roles.name')
    .execute();
  return rows.map(toRole);
}

export async function findRoleInOrganization(
  db: Db,
  organizationId: string,
  id: string,
): Promise<Role | undefined> {
  const row = await db
    .selectFrom('roles')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toRole(row);
}

export async function listRoles(db: Db, organizationId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('roles')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('is_builtin', 'desc')
    .orderBy('name')
    .execute();
  return rows.map(toRole);
}

export async function updateRole(
  db: Db,
  id: string,
  changes: { name?: string; description?: string; permissions?: string },
  now: number,
): Promise<void> {
  await db
    .updateTable('roles')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteRole(db: Db, id: string): Promise<void> {
  await db.deleteFrom('roles').where('id', '=', id).execute();
}

export async function unassignRole(db: Db, userId: string, roleId: string): Promise<number> {
  const result = await db
    .deleteFrom('role_assignments')
    .where('user_id', '=', userId)
    .where('role_id', '=', roleId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function isRoleAssigned(db: Db, userId: string, roleId: string): Promise<boolean> {
  const row = await db
    .selectFrom('role_assignments')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('role_id', '=', roleId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The permission texts of every role the user holds: the input of the inheritance rule. */
export async function listPermissionTextsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .innerJoin('roles', 'roles.id', 'role_assignments.role_id')
    .select('roles.permissions')
    .where('role_assignments.user_id', '=', userId)
    .execute();
  return rows.map((r) => r.permissions);
}
