import { createPrivateKey, createPublicKey } from 'node:crypto';
import { newId } from '@portcullis/core/ids';
import { createVerifier } from 'fast-jwt';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { SigningAlgorithm } from '../../config/settings.js';
import type { Db } from '../../store/database.js';
import {
  deleteSigningKey,
  insertSigningKey,
  retireCurrentSigningKey,
  type StoredSigningKey,
} from '../../store/repositories/signing-keys.js';
import { violatedUniqueConstraint } from '../../store/unique-constraints.js';
import type { ChangeGeneration } from '../cache/change-generation.js';
import { createJwsSigner, type JwsSigner } from './jws-signer.js';
import { seal, unseal } from './sealed-key.js';
import type { SigningThread } from './signing-thread.js';

/** The `signing_keys` table and what it takes to make and open the keys in it. */
export interface KeyStorageOptions {
  db: Db;
  wrapKey: Buffer;
  algorithm: SigningAlgorithm;
  clock: () => number;
  /**
   * Rotations are announced through it, and a move makes the ring re-read the key table, so other nodes
   * stop signing with a retired key within about a second instead of at their next periodic reload.
   */
  changes?: ChangeGeneration;
}

/** A stored key, parsed once: its public JWK and a verifier of what it signed. */
export interface LoadedKey {
  stored: StoredSigningKey;
  publicJwk: JWK;
  verify: (token: string) => Record<string, unknown>;
}

/** The key table as a node last read it: what keeping it provisioned looks at, re-reading after a change. */
export interface KeyTable {
  readonly options: KeyStorageOptions;
  currentKey(): LoadedKey | undefined;
  nextKey(): LoadedKey | undefined;
  refresh(): Promise<void>;
}

/**
 * Makes sure a current key and a next key of the configured algorithm exist. The next key is published
 * in the JWKS before it signs anything, so verifiers that cache the JWKS already know it at rotation.
 */
export async function ensureKeys(table: KeyTable): Promise<void> {
  const { options } = table;
  await table.refresh();
  const current = table.currentKey();
  if (!current || current.stored.algorithm !== options.algorithm) {
    const created = await createKey(options, 'current');
    await tolerateRace(async () => {
      await changeKeys(options, async (trx) => {
        await retireCurrentSigningKey(trx, created.createdAt);
        await insertSigningKey(trx, created);
      });
    });
    await table.refresh();
  }
  const next = table.nextKey();
  if (next?.stored.algorithm === options.algorithm) return;
  const created = await createKey(options, 'next');
  await tolerateRace(async () => {
    await changeKeys(options, async (trx) => {
      if (next) await deleteSigningKey(trx, next.stored.id);
      await insertSigningKey(trx, created);
    });
  });
  await table.refresh();
}

/** One transaction that changes the key table, announced so that other nodes re-read it at once. */
export async function changeKeys(
  options: KeyStorageOptions,
  change: (trx: Db) => Promise<void>,
): Promise<void> {
  const { db, changes } = options;
  await db.transaction().execute(async (trx) => {
    await change(trx);
    await changes?.announce(trx);
  });
  changes?.bump();
}

/** Another node did the same thing first (the database allows one current and one next key): use theirs. */
async function tolerateRace(change: () => Promise<void>): Promise<void> {
  try {
    await change();
  } catch (error) {
    if (!violatedUniqueConstraint(error)?.name.startsWith('signing_keys_')) throw error;
  }
}

async function createKey(options: KeyStorageOptions, state: 'current' | 'next'): Promise<StoredSigningKey> {
  const { algorithm, wrapKey, clock } = options;
  const id = newId('signingKey');
  const { publicKey, privateKey } = await generateKeyPair(algorithm, {
    extractable: true,
    ...(algorithm === 'RS256' ? { modulusLength: 2048 } : {}),
    ...(algorithm === 'EdDSA' ? { crv: 'Ed25519' } : {}),
  });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: id, alg: algorithm, use: 'sig' };
  const privatePem = createPrivateKey({ key: (await exportJWK(privateKey)) as never, format: 'jwk' })
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const now = clock();
  return {
    id,
    algorithm,
    state,
    publicJwk: JSON.stringify(publicJwk),
    privateKeySealed: seal(wrapKey, privatePem, id),
    createdAt: now,
    activatedAt: state === 'current' ? now : null,
    retiredAt: null,
  };
}

export function loadKey(stored: StoredSigningKey, issuer: string): LoadedKey {
  const publicJwk = JSON.parse(stored.publicJwk) as JWK;
  const publicPem = createPublicKey({ key: publicJwk as never, format: 'jwk' }).export({
    type: 'spki',
    format: 'pem',
  });
  const verify = createVerifier({
    key: publicPem.toString(),
    algorithms: [stored.algorithm as SigningAlgorithm],
    allowedIss: issuer,
    checkTyp: 'at+jwt',
    requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat', 'jti'],
    // A person's session token or a client's access token comes back on every API call; checking its
    // signature again each time was the largest part of an authenticated request's CPU. The cache holds a
    // verdict (keyed by a hash of the token) no longer than the token's `exp`; it lives with this key, so it
    // goes when the key leaves the ring; revocation and the subject's rights are still read on every request.
    cache: 10_000,
  });
  return { stored, publicJwk, verify };
}

/** The signer of a stored key: its private key unsealed, signing on the event loop or on `thread`. */
export function openSigner(stored: StoredSigningKey, wrapKey: Buffer, thread: SigningThread): JwsSigner {
  return createJwsSigner(
    unseal(wrapKey, stored.privateKeySealed, stored.id),
    stored.algorithm as SigningAlgorithm,
    stored.id,
    thread,
  );
}
