import type { Db } from '../database.js';
import type { SigningKeyRow } from '../schema.js';

export type SigningKeyState = 'next' | 'current' | 'retired';

export interface StoredSigningKey {
  id: string;
  algorithm: string;
  state: SigningKeyState;
  publicJwk: string;
  /** The private key, encrypted under the master key's wrap key; see runtime/signing/sealed-key.ts. */
  privateKeySealed: string;
  createdAt: number;
  activatedAt: number | null;
  retiredAt: number | null;
}

function toStoredSigningKey(row: SigningKeyRow): StoredSigningKey {
  return {
    id: row.id,
    algorithm: row.algorithm,
    state: row.state as SigningKeyState,
    publicJwk: row.public_jwk,
    privateKeySealed: row.private_key_sealed,
    createdAt: row.created_at,
    activatedAt: row.activated_at,
    retiredAt: row.retired_at,
  };
}

export async function insertSigningKey(db: Db, key: StoredSigningKey): Promise<void> {
  await db
    .insertInto('signing_keys')
    .values({
      id: key.id,
      algorithm: key.algorithm,
      state: key.state,
      public_jwk: key.publicJwk,
      private_key_sealed: key.privateKeySealed,
      created_at: key.createdAt,
      activated_at: key.activatedAt,
      retired_at: key.retiredAt,
    })
    .execute();
}

export async function retireCurrentSigningKey(db: Db, now: number): Promise<void> {
  await db
    .updateTable('signing_keys')
    .set({ state: 'retired', retired_at: now })
    .where('state', '=', 'current')
    .execute();
}

/** Every stored key, newest first. */
export async function listSigningKeys(db: Db): Promise<StoredSigningKey[]> {
  const rows = await db.selectFrom('signing_keys').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(toStoredSigningKey);
}

/** Keys a verifier may still meet: next, current, and retired ones retired after `retiredSince`. */
export async function listVerifiableSigningKeys(db: Db, retiredSince: number): Promise<StoredSigningKey[]> {
  const rows = await db
    .selectFrom('signing_keys')
    .selectAll()
    .where((eb) => eb.or([eb('state', 'in', ['next', 'current']), eb('retired_at', '>', retiredSince)]))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toStoredSigningKey);
}

/**
 * One rotation step, guarded so that of several nodes rotating at once exactly one succeeds: the current
 * key retires and the next becomes current only if they are still what this node saw. Returns false when
 * another node got there first.
 */
export async function promoteNextSigningKey(
  db: Db,
  currentId: string,
  nextId: string,
  now: number,
): Promise<boolean> {
  const retired = await db
    .updateTable('signing_keys')
    .set({ state: 'retired', retired_at: now })
    .where('id', '=', currentId)
    .where('state', '=', 'current')
    .executeTakeFirst();
  if (retired.numUpdatedRows === 0n) return false;
  const promoted = await db
    .updateTable('signing_keys')
    .set({ state: 'current', activated_at: now })
    .where('id', '=', nextId)
    .where('state', '=', 'next')
    .executeTakeFirst();
  return promoted.numUpdatedRows > 0n;
}

export async function deleteSigningKey(db: Db, id: string): Promise<void> {
  await db.deleteFrom('signing_keys').where('id', '=', id).execute();
}
