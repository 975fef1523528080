import { newId } from '@portcullis/core/ids';
import type { Db } from '../../store/database.js';
import type { RevocationEffect, RevocationEvent } from '../../store/repositories/revocations.js';
import type { ServiceContext } from '../context.js';

/** No access token lives longer than this, so no revocation needs to be remembered longer. */
export const longestTokenLifetimeMs = 86_400_000;

/**
 * Tokens of these subjects issued before now must not be trusted as they are: written whenever a
 * credential loses rights (deleted, disabled, secret regenerated without grace, its user downgraded,
 * deactivated or deleted), so resource servers following the revocation feed stop honouring them within
 * seconds. `recheck`: the live checks of introspection and the API already see the change and recompute;
 * `void`: the change is invisible to live state (a regenerated secret), so the tokens are dead everywhere.
 */
export function revokeSubjects(
  tx: ServiceContext,
  organizationId: string,
  subjects: readonly string[],
  reason: string,
  effect: RevocationEffect = 'recheck',
): void {
  const now = tx.clock();
  recordRevocations(
    tx,
    [...new Set(subjects)].map((subject) => ({
      id: newId('revocation'),
      organizationId,
      kind: 'subject' as const,
      subject,
      notBefore: now,
      reason,
      effect,
      createdAt: now,
      forgetAfter: now + longestTokenLifetimeMs,
    })),
  );
}

/** Adds events to the feed when the use case's transaction commits (see inTransaction). */
export function recordRevocations(tx: ServiceContext, events: readonly RevocationEvent[]): void {
  if (!tx.revocations) throw new Error('revocations are recorded inside inTransaction only');
  tx.revocations.push(...events);
}

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

/** Shorthand for the common case: a change to these users revokes what acts through them. */
export async function revokeThroughUsers(
  tx: ServiceContext,
  organizationId: string,
  userIds: readonly string[],
  reason: string,
): Promise<void> {
  revokeSubjects(tx, organizationId, await credentialsActingThrough(tx.db, userIds), reason);
}
