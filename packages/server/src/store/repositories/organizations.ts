import type { Db } from '../database.js';
import type { OrganizationRow } from '../schema.js';
import { type Page, type PageRequest, pageOf } from './page.js';

export interface Organization {
  id: string;
  name: string;
  displayName: string;
  programmaticAccessAvailable: boolean;
  programmaticAccessEnabled: boolean;
  networkPolicyId: string | null;
  /** Audiences tokens may be issued for besides the issuer; null: the server default. */
  allowedAudiences: string[] | null;
  /** Null: the server default. */
  tokenTtlSeconds: number | null;
  /**
   * The most days a member's personal credential may last from when it is made or edited; null: no cap.
   * Organization service accounts are not bound by it.
   */
  maxCredentialLifetimeDays: number | null;
  createdAt: number;
  updatedAt: number;
}

function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    programmaticAccessAvailable: row.programmatic_access_available === 1,
    programmaticAccessEnabled: row.programmatic_access_enabled === 1,
    networkPolicyId: row.network_policy_id,
    allowedAudiences:
      row.allowed_audiences === null ? null : row.allowed_audiences.split(' ').filter(Boolean),
    tokenTtlSeconds: row.token_ttl_seconds,
    maxCredentialLifetimeDays: row.max_credential_lifetime_days,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertOrganization(db: Db, org: Organization): Promise<void> {
  await db
    .insertInto('organizations')
    .values({
      id: org.id,
      name: org.name,
      display_name: org.displayName,
      programmatic_access_available: org.programmaticAccessAvailable ? 1 : 0,
      programmatic_access_enabled: org.programmaticAccessEnabled ? 1 : 0,
      network_policy_id: org.networkPolicyId,
      allowed_audiences: org.allowedAudiences === null ? null : org.allowedAudiences.join(' '),
      token_ttl_seconds: org.tokenTtlSeconds,
      max_credential_lifetime_days: org.maxCredentialLifetimeDays,
      created_at: org.createdAt,
      updated_at: org.updatedAt,
    })
    .execute();
}

export async function findOrganizationById(db: Db, id: string): Promise<Organization | undefined> {
  const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOrganization(row);
}

export async function findOrganizationByName(db: Db, name: string): Promise<Organization | undefined> {
  const row = await db.selectFrom('organizations').selectAll().where('name', '=', name).executeTakeFirst();
  return row && toOrganization(row);
}

export async function countOrganizations(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listOrganizations(db: Db, page: PageRequest): Promise<Page<Organization>> {
  let query = db
    .selectFrom('organizations')
    .selectAll()
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  return pageOf(await query.execute(), page.limit, toOrganization);
}

export interface OrganizationChanges {
  displayName?: string;
  programmaticAccessAvailable?: boolean;
  programmaticAccessEnabled?: boolean;
  networkPolicyId?: string | null;
  allowedAudiences?: string[] | null;
  tokenTtlSeconds?: number | null;
  maxCredentialLifetimeDays?: number | null;
}

export async function updateOrganization(
  db: Db,
  id: string,
  changes: OrganizationChanges,
  now: number,
): Promise<void> {
  await db
    .updateTable('organizations')
    .set({
      updated_at: now,
      ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
      ...(changes.programmaticAccessAvailable === undefined
        ? {}
        : { programmatic_access_available: changes.programmaticAccessAvailable ? 1 : 0 }),
      ...(changes.programmaticAccessEnabled === undefined
        ? {}
        : { programmatic_access_enabled: changes.programmaticAccessEnabled ? 1 : 0 }),
      ...(changes.networkPolicyId === undefined ? {} : { network_policy_id: changes.networkPolicyId }),
      ...(changes.allowedAudiences === undefined
        ? {}
        : {
            allowed_audiences: changes.allowedAudiences === null ? null : changes.allowedAudiences.join(' '),
          }),
      ...(changes.tokenTtlSeconds === undefined ? {} : { token_ttl_seconds: changes.tokenTtlSeconds }),
      ...(changes.maxCredentialLifetimeDays === undefined
        ? {}
        : { max_credential_lifetime_days: changes.maxCredentialLifetimeDays }),
    })
    .where('id', '=', id)
    .execute();
}
