import type { Db } from '../database.js';
import type { UserRow } from '../schema.js';
import { type Page, type PageRequest, pageOf } from './page.js';

export interface User {
  id: string;
  organizationId: string;
  accountId: string;
  name: string;
  loginId: string | null;
  serviceAccountId: string | null;
  defaultDatabase: string | null;
  defaultEngine: string | null;
  active: boolean;
  createdAt: number;
  updatedAt: number;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    organizationId: row.organization_id,
    accountId: row.account_id,
    name: row.name,
    loginId: row.login_id,
    serviceAccountId: row.service_account_id,
    defaultDatabase: row.default_database,
    defaultEngine: row.default_engine,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertUser(db: Db, user: User): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      organization_id: user.organizationId,
      account_id: user.accountId,
      name: user.name,
      login_id: user.loginId,
      service_account_id: user.serviceAccountId,
      default_database: user.defaultDatabase,
      default_engine: user.defaultEngine,
      active: user.active ? 1 : 0,
      created_at: user.createdAt,
      updated_at: user.updatedAt,
    })
    .execute();
}

export async function findUserInOrganization(
  db: Db,
  organizationId: string,
  id: string,
): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toUser(row);
}

export async function listUsersOfServiceAccount(db: Db, serviceAccountId: string): Promise<User[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('service_account_id', '=', serviceAccountId)
    .orderBy('id')
    .execute();
  return rows.map(toUser);
}

export async function listUsersInOrganization(
  db: Db,
  organizationId: string,
  page: PageRequest,
): Promise<Page<User>> {
  let query = db
    .selectFrom('users')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  return pageOf(await query.execute(), page.limit, toUser);
}

export async function listUsersOfLogin(db: Db, loginId: string): Promise<User[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('login_id', '=', loginId)
    .orderBy('id')
    .execute();
  return rows.map(toUser);
}

/** Across organizations: only for resolving who a credential acts as. */
export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserOfLoginInAccount(
  db: Db,
  loginId: string,
  accountId: string,
): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('login_id', '=', loginId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row && toUser(row);
}

export async function setUserActive(db: Db, id: string, active: boolean, now: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ active: active ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteUser(db: Db, id: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute();
}

export interface UserChanges {
  name?: string;
  defaultDatabase?: string | null;
  defaultEngine?: string | null;
  serviceAccountId?: string | null;
  loginId?: string | null;
}

export async function updateUser(db: Db, id: string, changes: UserChanges, now: number): Promise<void> {
  await db
    .updateTable('users')
    .set({
      updated_at: now,
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.defaultDatabase === undefined ? {} : { default_database: changes.defaultDatabase }),
      ...(changes.defaultEngine === undefined ? {} : { default_engine: changes.defaultEngine }),
      ...(changes.serviceAccountId === undefined ? {} : { service_account_id: changes.serviceAccountId }),
      ...(changes.loginId === undefined ? {} : { login_id: changes.loginId }),
    })
    .where('id', '=', id)
    .execute();
}
