import type { Db } from '../../store/database.js';
import { listSigningKeys } from '../../store/repositories/signing-keys.js';
import { unseal } from './sealed-key.js';

/** What opening every stored signing key with a master key found. */
export interface StoredKeysCheck {
  opened: number;
  /** Ids of the keys this master key does not open: it is not the one that sealed them. */
  refused: string[];
}

/**
 * Whether a master key is the one the stored signing keys were sealed with. A server started with another
 * fails on its first signature; this finds out beforehand, without signing anything.
 */
export async function openStoredKeys(db: Db, wrapKey: Buffer): Promise<StoredKeysCheck> {
  const check: StoredKeysCheck = { opened: 0, refused: [] };
  for (const key of await listSigningKeys(db)) {
    try {
      unseal(wrapKey, key.privateKeySealed, key.id);
      check.opened++;
    } catch {
      check.refused.push(key.id);
    }
  }
  return check;
}
