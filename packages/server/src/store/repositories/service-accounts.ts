import type { Db } from '../database.js';
import type { ServiceAccountRow } from '../schema.js';

export interface ServiceAccount {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  isOrganizationAdmin: boolean;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
}

function toServiceAccount(row: ServiceAccountRow): ServiceAccount {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    description: row.description,
    isOrganizationAdmin: row.is_organization_admin === 1,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertServiceAccount(db: Db, sa: ServiceAccount): Promise<void> {
  await db
    .insertInto('service_accounts')
    .values({
      id: sa.id,
      organization_id: sa.organizationId,
      name: sa.name,
      description: sa.description,
      is_organization_admin: sa.isOrganizationAdmin ? 1 : 0,
      enabled: sa.enabled ? 1 : 0,
      created_at: sa.createdAt,
      updated_at: sa.updatedAt,
    })
    .execute();
}

/** Across organizations: only for authenticating a client id, never for serving a caller's request. */
export async function findServiceAccountById(db: Db, id: string): Promise<ServiceAccount | undefined> {
  const row = await db.selectFrom('service_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toServiceAccount(row);
}

export async function findServiceAccountInOrganization(
  db: Db,
  organizationId: string,
  id: string,
): Promise<ServiceAccount | undefined> {
  const row = await db
    .selectFrom('service_accounts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toServiceAccount(row);
}

export interface ServiceAccountPage {
  items: ServiceAccount[];
  nextCursor: string | null;
}

/** Keyset pagination on the id, which sorts by creation time (ULID). */
export async function listServiceAccounts(
  db: Db,
  organizationId: string,
  options: { limit: number; after?: string | undefined },
): Promise<ServiceAccountPage> {
  let query = db
    .selectFrom('service_accounts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('id')
    .limit(options.limit + 1);
  if (options.after) query = query.where('id', '>', options.after);
  const rows = await query.execute();
  const items = rows.slice(0, options.limit).map(toServiceAccount);
  return { items, nextCursor: rows.length > options.limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * Takes the row lock that serialises concurrent changes to one service account (secret generation):
 * on PostgreSQL the UPDATE holds the row until commit; SQLite transactions are serial anyway.
 */
export async function lockServiceAccount(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('service_accounts')
    .set({ updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteServiceAccount(db: Db, id: string): Promise<void> {
  await db.deleteFrom('service_accounts').where('id', '=', id).execute();
}
