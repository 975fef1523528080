import { createPrivateKey, createPublicKey } from 'node:crypto';
import { createDecoder, createSigner, createVerifier } from 'fast-jwt';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { SigningAlgorithm } from '../../config/settings.js';
import { newId } from '../../domain/ids/ids.js';
import type { Db } from '../../store/database.js';
import {
  insertSigningKey,
  listVerifiableSigningKeys,
  retireCurrentSigningKey,
  type StoredSigningKey,
} from '../../store/repositories/signing-keys.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import { seal, unseal } from './sealed-key.js';

export interface KeyRingOptions {
  db: Db;
  wrapKey: Buffer;
  algorithm: SigningAlgorithm;
  issuer: string;
  clock: () => number;
  /** Retired keys stay published this long, so every token they signed can still be verified. */
  maxTokenLifetimeSeconds: number;
}

interface LoadedKey {
  stored: StoredSigningKey;
  publicJwk: JWK;
  verify: (token: string) => Record<string, unknown>;
}

export type TokenClaims = Record<string, unknown> & {
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
};

const refreshIntervalMs = 5_000;
const decodeHeader = createDecoder({ complete: true });

/**
 * The signing keys, in memory: fast-jwt signs and verifies (it is several times faster than jose here),
 * jose generates keys and speaks JWK. The database decides which key is current, so several nodes agree.
 */
export class KeyRing {
  private keys = new Map<string, LoadedKey>();
  private signer: ((payload: Record<string, unknown>) => string) | undefined;
  private currentId: string | undefined;
  private lastRefresh = 0;

  private constructor(private readonly options: KeyRingOptions) {}

  static async open(options: KeyRingOptions): Promise<KeyRing> {
    const ring = new KeyRing(options);
    await ring.ensureCurrentKey();
    return ring;
  }

  get currentKeyId(): string {
    if (!this.currentId) throw new Error('no current signing key');
    return this.currentId;
  }

  sign(payload: Record<string, unknown>): string {
    if (!this.signer) throw new Error('no current signing key');
    return this.signer(payload);
  }

  /** Verifies signature, `typ`, issuer and expiry. Throws on any failure; the caller maps it to 401. */
  async verify(token: string): Promise<TokenClaims> {
    const { header } = decodeHeader(token) as { header: { kid?: unknown } };
    const kid = typeof header.kid === 'string' ? header.kid : '';
    let key = this.keys.get(kid);
    if (!key && this.options.clock() - this.lastRefresh > refreshIntervalMs) {
      // Another node may have rotated; look once, then rate-limit look-ups for unknown kids.
      await this.refresh();
      key = this.keys.get(kid);
    }
    if (!key) throw new Error('unknown signing key');
    return key.verify(token) as TokenClaims;
  }

  /** The public keys a verifier may meet (RFC 7517 JWK Set). */
  jwks(): { keys: JWK[] } {
    return { keys: [...this.keys.values()].map((k) => k.publicJwk) };
  }

  async refresh(): Promise<void> {
    const { db, clock, maxTokenLifetimeSeconds } = this.options;
    this.lastRefresh = clock();
    const stored = await listVerifiableSigningKeys(db, clock() - maxTokenLifetimeSeconds * 1000);
    const next = new Map<string, LoadedKey>();
    for (const key of stored) next.set(key.id, this.keys.get(key.id) ?? this.load(key));
    const current = stored.find((k) => k.state === 'current');
    this.keys = next;
    if (current && current.id !== this.currentId) {
      const privatePem = unseal(this.options.wrapKey, current.privateKeySealed, current.id);
      this.signer = createSigner({
        key: privatePem,
        algorithm: current.algorithm as SigningAlgorithm,
        kid: current.id,
        header: { alg: current.algorithm, typ: 'at+jwt' },
      });
      this.currentId = current.id;
    }
  }

  /** Makes sure a current key of the configured algorithm exists; creates (and retires the old) if not. */
  private async ensureCurrentKey(): Promise<void> {
    await this.refresh();
    const current = this.currentId ? this.keys.get(this.currentId) : undefined;
    if (current && current.stored.algorithm === this.options.algorithm) return;
    const created = await this.createKey();
    try {
      await this.options.db.transaction().execute(async (trx) => {
        await retireCurrentSigningKey(trx, created.createdAt);
        await insertSigningKey(trx, created);
      });
    } catch (error) {
      // Another node made its key current first; use that one.
      if (!isUniqueViolation(error)) throw error;
    }
    await this.refresh();
  }

  private async createKey(): Promise<StoredSigningKey> {
    const { algorithm, wrapKey, clock } = this.options;
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
      state: 'current',
      publicJwk: JSON.stringify(publicJwk),
      privateKeySealed: seal(wrapKey, privatePem, id),
      createdAt: now,
      activatedAt: now,
      retiredAt: null,
    };
  }

  private load(stored: StoredSigningKey): LoadedKey {
    const publicJwk = JSON.parse(stored.publicJwk) as JWK;
    const publicPem = createPublicKey({ key: publicJwk as never, format: 'jwk' }).export({
      type: 'spki',
      format: 'pem',
    });
    const verify = createVerifier({
      key: publicPem.toString(),
      algorithms: [stored.algorithm as SigningAlgorithm],
      allowedIss: this.options.issuer,
      checkTyp: 'at+jwt',
      requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat', 'jti'],
    });
    return { stored, publicJwk, verify };
  }
}
