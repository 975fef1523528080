import type { Db } from '../database.js';
import type { ServiceAccountSecretRow } from '../schema.js';
import { type Page, type PageRequest, pageOf } from './page.js';

/** Metadata and keyed hash of a client secret. The secret itself is never stored. */
export interface StoredSecret {
  id: string;
  serviceAccountId: string;
  secretHash: string;
  displayPrefix: string;
  createdAt: number;
  createdBy: string | null;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

function toStoredSecret(row: ServiceAccountSecretRow): StoredSecret {
  return {
    id: row.id,
    serviceAccountId: row.service_account_id,
    secretHash: row.secret_hash,
    displayPrefix: row.display_prefix,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

export async function insertSecret(db: Db, secret: StoredSecret): Promise<void> {
  await db
    .insertInto('service_account_secrets')
    .values({
      id: secret.id,
      service_account_id: secret.serviceAccountId,
      secret_hash: secret.secretHash,
      display_prefix: secret.displayPrefix,
      created_at: secret.createdAt,
      created_by: secret.createdBy,
      expires_at: secret.expiresAt,
      revoked_at: secret.revokedAt,
      last_used_at: secret.lastUsedAt,
    })
    .execute();
}

/** Revokes every secret of the service account that is still usable; returns how many. */
export async function revokeUsableSecrets(db: Db, serviceAccountId: string, now: number): Promise<number> {
  const result = await db
    .updateTable('service_account_secrets')
    .set({ revoked_at: now })
    .where('service_account_id', '=', serviceAccountId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Secrets that authenticate right now: not revoked and not past their grace expiry. */
export async function findUsableSecrets(
  db: Db,
  serviceAccountId: string,
  now: number,
): Promise<StoredSecret[]> {
  const rows = await db
    .selectFrom('service_account_secrets')
    .selectAll()
    .where('service_account_id', '=', serviceAccountId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  return rows.map(toStoredSecret);
}

export async function listSecretsOfServiceAccount(
  db: Db,
  serviceAccountId: string,
  page: PageRequest,
): Promise<Page<StoredSecret>> {
  let query = db
    .selectFrom('service_account_secrets')
    .selectAll()
    .where('service_account_id', '=', serviceAccountId)
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  return pageOf(await query.execute(), page.limit, toStoredSecret);
}

/**
 * Rotation with a grace period: every usable secret keeps working until `until` (or its own earlier
 * expiry), then stops. Returns how many were given the deadline.
 */
export async function expireUsableSecrets(db: Db, serviceAccountId: string, until: number): Promise<number> {
  const result = await db
    .updateTable('service_account_secrets')
    .set({ expires_at: until })
    .where('service_account_id', '=', serviceAccountId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', until)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function revokeSecret(
  db: Db,
  serviceAccountId: string,
  secretId: string,
  now: number,
): Promise<number> {
  const result = await db
    .updateTable('service_account_secrets')
    .set({ revoked_at: now })
    .where('service_account_id', '=', serviceAccountId)
    .where('id', '=', secretId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findSecretOfServiceAccount(
  db: Db,
  serviceAccountId: string,
  secretId: string,
): Promise<StoredSecret | undefined> {
  const row = await db
    .selectFrom('service_account_secrets')
    .selectAll()
    .where('service_account_id', '=', serviceAccountId)
    .where('id', '=', secretId)
    .executeTakeFirst();
  return row && toStoredSecret(row);
}

export async function touchSecrets(db: Db, lastUsed: ReadonlyMap<string, number>): Promise<void> {
  for (const [id, at] of lastUsed) {
    await db
      .updateTable('service_account_secrets')
      .set({ last_used_at: at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', at)]))
      .execute();
  }
}
