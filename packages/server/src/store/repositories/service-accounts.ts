import type { Db } from '../database.js';
import type { ServiceAccountRow } from '../schema.js';
import { containsIgnoringCase } from './contains-filter.js';

export type ServiceAccountKind = 'organization' | 'client_credential' | 'access_key';

export interface ServiceAccount {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  isOrganizationAdmin: boolean;
  /** A platform resource server: introspection and the revocation feed across every organization. */
  platformIntrospection: boolean;
  enabled: boolean;
  kind: ServiceAccountKind;
  /** Personal credentials only: the creator's user, whose rights the credential inherits. */
  ownerUserId: string | null;
  /** Canonical permission text, or null for "not narrowed". */
  grantedPermissions: string | null;
  networkPolicyId: string | null;
  /** Firebolt's CONNECTION_PREFERENCE, lower-case; null is its DEFAULT (migration 0011). */
  connectionPreference: string | null;
  /** Epoch ms after which the credential no longer authenticates; with the zone it was entered in. */
  validTo: number | null;
  validToTimezone: string | null;
  lastUsedAt: number | null;
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
    platformIntrospection: row.platform_introspection === 1,
    enabled: row.enabled === 1,
    kind: row.kind as ServiceAccountKind,
    ownerUserId: row.owner_user_id,
    grantedPermissions: row.granted_permissions,
    networkPolicyId: row.network_policy_id,
    connectionPreference: row.connection_preference,
    validTo: row.valid_to,
    validToTimezone: row.valid_to_timezone,
    lastUsedAt: row.last_used_at,
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
      platform_introspection: sa.platformIntrospection ? 1 : 0,
      enabled: sa.enabled ? 1 : 0,
      kind: sa.kind,
      owner_user_id: sa.ownerUserId,
      granted_permissions: sa.grantedPermissions,
      network_policy_id: sa.networkPolicyId,
      connection_preference: sa.connectionPreference,
      valid_to: sa.validTo,
      valid_to_timezone: sa.validToTimezone,
      last_used_at: sa.lastUsedAt,
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

/** The personal credentials (client credentials, key pairs) a user owns. */
export async function listServiceAccountsOwnedBy(db: Db, ownerUserId: string): Promise<ServiceAccount[]> {
  const rows = await db
    .selectFrom('service_accounts')
    .selectAll()
    .where('owner_user_id', '=', ownerUserId)
    .orderBy('id')
    .execute();
  return rows.map(toServiceAccount);
}

/** Organization service accounts by default; personal credentials are reached through their owner. */
export async function findServiceAccountInOrganization(
  db: Db,
  organizationId: string,
  id: string,
  kind: ServiceAccountKind = 'organization',
): Promise<ServiceAccount | undefined> {
  const row = await db
    .selectFrom('service_accounts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row && toServiceAccount(row);
}

export interface ServiceAccountPage {
  items: ServiceAccount[];
  nextCursor: string | null;
}

export type ServiceAccountSort = 'createdAt' | '-createdAt' | 'name' | '-name';

export interface ServiceAccountQuery {
  limit: number;
  /** Opaque, from a previous page's nextCursor. */
  cursor?: string | undefined;
  /** One owner's personal credentials of this kind; without it, the organization's service accounts. */
  ownerUserId?: string | undefined;
  kind?: ServiceAccountKind | undefined;
  /** Case-insensitive substring of the name, every character literal. */
  nameContains?: string | undefined;
  enabled?: boolean | undefined;
  sort?: ServiceAccountSort | undefined;
}

/** A keyset cursor: the sort key and id of the last row of the page, so pages never skip or repeat. */
function encodeCursor(sa: ServiceAccount, sort: ServiceAccountSort): string {
  return Buffer.from(JSON.stringify(sort.endsWith('name') ? [sa.name, sa.id] : [sa.id])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')
      ? (parsed as string[])
      : undefined;
  } catch {
    return undefined;
  }
}

export class InvalidCursorError extends Error {}

/**
 * Organization service accounts, or one owner's personal credentials: filtered, sorted, keyset-paginated.
 * Ids are time-ordered ULIDs, so sorting by id is sorting by creation time.
 */
export async function listServiceAccounts(
  db: Db,
  organizationId: string,
  options: ServiceAccountQuery,
): Promise<ServiceAccountPage> {
  const sort = options.sort ?? 'createdAt';
  const descending = sort.startsWith('-');
  const byName = sort.endsWith('name');
  let query = db
    .selectFrom('service_accounts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .limit(options.limit + 1);
  query = options.ownerUserId
    ? query
        .where('owner_user_id', '=', options.ownerUserId)
        .where('kind', '=', options.kind ?? 'client_credential')
    : query.where('kind', '=', 'organization');
  if (options.nameContains) query = query.where(containsIgnoringCase('name', options.nameContains));
  if (options.enabled !== undefined) query = query.where('enabled', '=', options.enabled ? 1 : 0);
  if (options.cursor) {
    const key = decodeCursor(options.cursor);
    if (!key || key.length !== (byName ? 2 : 1)) throw new InvalidCursorError();
    const [first, second] = key as [string, string?];
    const after = descending ? '<' : '>';
    query = byName
      ? query.where((eb) =>
          eb.or([eb('name', after, first), eb.and([eb('name', '=', first), eb('id', after, second!)])]),
        )
      : query.where('id', after, first);
  }
  const direction = descending ? 'desc' : 'asc';
  query = byName ? query.orderBy('name', direction).orderBy('id', direction) : query.orderBy('id', direction);
  const rows = await query.execute();
  const items = rows.slice(0, options.limit).map(toServiceAccount);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > options.limit && last ? encodeCursor(last, sort) : null };
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

export interface ServiceAccountChanges {
  name?: string;
  description?: string;
  isOrganizationAdmin?: boolean;
  platformIntrospection?: boolean;
  enabled?: boolean;
  networkPolicyId?: string | null;
  connectionPreference?: string | null;
  validTo?: number | null;
  validToTimezone?: string | null;
  grantedPermissions?: string | null;
}

export async function updateServiceAccount(
  db: Db,
  id: string,
  changes: ServiceAccountChanges,
  now: number,
): Promise<void> {
  const set: Partial<ServiceAccountRow> = { updated_at: now };
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.description !== undefined) set.description = changes.description;
  if (changes.isOrganizationAdmin !== undefined)
    set.is_organization_admin = changes.isOrganizationAdmin ? 1 : 0;
  if (changes.platformIntrospection !== undefined)
    set.platform_introspection = changes.platformIntrospection ? 1 : 0;
  if (changes.enabled !== undefined) set.enabled = changes.enabled ? 1 : 0;
  if (changes.networkPolicyId !== undefined) set.network_policy_id = changes.networkPolicyId;
  if (changes.connectionPreference !== undefined) set.connection_preference = changes.connectionPreference;
  if (changes.validTo !== undefined) set.valid_to = changes.validTo;
  if (changes.validToTimezone !== undefined) set.valid_to_timezone = changes.validToTimezone;
  if (changes.grantedPermissions !== undefined) set.granted_permissions = changes.grantedPermissions;
  await db.updateTable('service_accounts').set(set).where('id', '=', id).execute();
}

/** Last-used times arrive in batches (see runtime/batching/usage-recorder.ts); never move one backwards. */
export async function touchServiceAccounts(db: Db, lastUsed: ReadonlyMap<string, number>): Promise<void> {
  for (const [id, at] of lastUsed) {
    await db
      .updateTable('service_accounts')
      .set({ last_used_at: at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', at)]))
      .execute();
  }
}
