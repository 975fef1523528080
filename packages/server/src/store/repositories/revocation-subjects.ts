import type { Db } from '../database.js';

// Whom a change takes rights from: the subjects a use case writes revocation events for.

/** The credentials that act through these users: their organization service accounts and personal ones. */
export async function credentialsActingThrough(db: Db, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const linked = await db
    .selectFrom('users')
    .select('service_account_id')
    .where('id', 'in', userIds)
    .where('service_account_id', 'is not', null)
    .execute();
  const owned = await db
    .selectFrom('service_accounts')
    .select('id')
    .where('owner_user_id', 'in', userIds)
    .execute();
  return [...linked.map((r) => r.service_account_id!), ...owned.map((r) => r.id)];
}

/** Every credential of an organization: its service accounts, key pairs and personal credentials. */
export async function credentialsOfOrganization(db: Db, organizationId: string): Promise<string[]> {
  return (
    await db
      .selectFrom('service_accounts')
      .select('id')
      .where('organization_id', '=', organizationId)
      .execute()
  ).map((r) => r.id);
}

export async function usersOfLogin(db: Db, loginId: string): Promise<string[]> {
  return (await db.selectFrom('users').select('id').where('login_id', '=', loginId).execute()).map(
    (r) => r.id,
  );
}

export async function usersHoldingRole(db: Db, roleId: string): Promise<string[]> {
  return (
    await db.selectFrom('role_assignments').select('user_id').where('role_id', '=', roleId).execute()
  ).map((r) => r.user_id);
}
