import type { Db } from '../database.js';
import type { RoleRow } from '../schema.js';
import { type Page, type PageRequest, pageOf } from './page.js';

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

/** In creation order: the built-in roles, made with the organization, come first. */
export async function listRoles(db: Db, organizationId: string, page: PageRequest): Promise<Page<Role>> {
  let query = db
    .selectFrom('roles')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  return pageOf(await query.execute(), page.limit, toRole);
}

/**
 * The roles of each of a page of users, by user id, each user's by name. One query for the page, through
 * the assignments' primary key; the sorting is of at most a page's assignments, here rather than in SQL.
 */
export async function listRolesOfUsers(db: Db, userIds: readonly string[]): Promise<Map<string, Role[]>> {
  const byUser = new Map<string, Role[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('roles')
    .innerJoin('role_assignments', 'role_assignments.role_id', 'roles.id')
    .selectAll('roles')
    .select('role_assignments.user_id')
    .where('role_assignments.user_id', 'in', userIds)
    .execute();
  for (const { user_id, ...row } of rows) byUser.get(user_id)?.push(toRole(row));
  for (const roles of byUser.values()) roles.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return byUser;
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
