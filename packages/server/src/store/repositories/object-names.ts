import type { Db } from '../database.js';

/**
 * The ids behind the names the SQL admin language uses (Firebolt's statements name objects, the REST API
 * uses ids). Each name is unique where it is looked up: service accounts, roles and network policies in
 * their organization, users in their account, logins by their (normalised, globally unique) email.
 */

export async function serviceAccountIdNamed(
  db: Db,
  organizationId: string,
  name: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('service_accounts')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'organization')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id;
}

export async function networkPolicyIdNamed(
  db: Db,
  organizationId: string,
  name: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('network_policies')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id;
}

export async function roleIdNamed(db: Db, organizationId: string, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('roles')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id;
}

export async function userIdNamed(db: Db, accountId: string, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('account_id', '=', accountId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id;
}

export async function loginIdWithEmail(
  db: Db,
  organizationId: string,
  email: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('logins')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .executeTakeFirst();
  return row?.id;
}
