import type { Db } from '../database.js';
import type { LoginRow } from '../schema.js';
import { type Page, type PageRequest, pageOf } from './page.js';

export interface Login {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  isOrganizationAdmin: boolean;
  isPlatformOperator: boolean;
  active: boolean;
  networkPolicyId: string | null;
  createdAt: number;
  updatedAt: number;
}

/** The password hash is kept out of the Login record so it cannot leak into a response by accident. */
export interface LoginWithPasswordHash {
  login: Login;
  passwordHash: string;
}

function toLogin(row: LoginRow): Login {
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    name: row.name,
    isOrganizationAdmin: row.is_organization_admin === 1,
    isPlatformOperator: row.is_platform_operator === 1,
    active: row.active === 1,
    networkPolicyId: row.network_policy_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertLogin(
  db: Db,
  login: Login,
  passwordHash: string,
  emailSkeleton: string,
): Promise<void> {
  await db
    .insertInto('logins')
    .values({
      id: login.id,
      organization_id: login.organizationId,
      email: login.email,
      email_skeleton: emailSkeleton,
      name: login.name,
      password_hash: passwordHash,
      is_organization_admin: login.isOrganizationAdmin ? 1 : 0,
      is_platform_operator: login.isPlatformOperator ? 1 : 0,
      active: login.active ? 1 : 0,
      network_policy_id: login.networkPolicyId,
      created_at: login.createdAt,
      updated_at: login.updatedAt,
    })
    .execute();
}

export async function findLoginById(db: Db, id: string): Promise<Login | undefined> {
  const row = await db.selectFrom('logins').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toLogin(row);
}

export async function findLoginByEmailWithPasswordHash(
  db: Db,
  email: string,
): Promise<LoginWithPasswordHash | undefined> {
  const row = await db.selectFrom('logins').selectAll().where('email', '=', email).executeTakeFirst();
  return row && { login: toLogin(row), passwordHash: row.password_hash };
}

export async function isEmailTaken(db: Db, email: string): Promise<boolean> {
  return (
    (await db.selectFrom('logins').select('id').where('email', '=', email).executeTakeFirst()) !== undefined
  );
}

export async function listLogins(db: Db, organizationId: string, page: PageRequest): Promise<Page<Login>> {
  let query = db
    .selectFrom('logins')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  return pageOf(await query.execute(), page.limit, toLogin);
}

export interface LoginChanges {
  /** Normalised, with its look-alike skeleton (the sign-in name: Firebolt's ALTER LOGIN … RENAME TO). */
  email?: { email: string; skeleton: string };
  name?: string;
  isOrganizationAdmin?: boolean;
  networkPolicyId?: string | null;
  active?: boolean;
}

export async function updateLogin(db: Db, id: string, changes: LoginChanges, now: number): Promise<void> {
  await db
    .updateTable('logins')
    .set({
      updated_at: now,
      ...(changes.email === undefined
        ? {}
        : { email: changes.email.email, email_skeleton: changes.email.skeleton }),
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.isOrganizationAdmin === undefined
        ? {}
        : { is_organization_admin: changes.isOrganizationAdmin ? 1 : 0 }),
      ...(changes.networkPolicyId === undefined ? {} : { network_policy_id: changes.networkPolicyId }),
      ...(changes.active === undefined ? {} : { active: changes.active ? 1 : 0 }),
    })
    .where('id', '=', id)
    .execute();
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string, now: number): Promise<void> {
  await db
    .updateTable('logins')
    .set({ password_hash: passwordHash, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function findPasswordHash(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('logins').select('password_hash').where('id', '=', id).executeTakeFirst())
    ?.password_hash;
}

export async function findLoginWithPasswordHash(
  db: Db,
  id: string,
): Promise<LoginWithPasswordHash | undefined> {
  const row = await db.selectFrom('logins').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { login: toLogin(row), passwordHash: row.password_hash };
}

export async function deleteLogin(db: Db, id: string): Promise<void> {
  await db.deleteFrom('logins').where('id', '=', id).execute();
}
