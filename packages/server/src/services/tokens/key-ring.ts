import { createPrivateKey, createPublicKey } from 'node:crypto';
import { createDecoder, createVerifier } from 'fast-jwt';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { SigningAlgorithm } from '../../config/settings.js';
import { newId } from '../../domain/ids/ids.js';
import type { Db } from '../../store/database.js';
import {
  deleteSigningKey,
  insertSigningKey,
  listVerifiableSigningKeys,
  promoteNextSigningKey,
  retireCurrentSigningKey,
  type StoredSigningKey,
} from '../../store/repositories/signing-keys.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { systemCaller } from '../context.js';
import { EventLoopLoad } from './event-loop-load.js';
import { createJwsSigner, type JwsSigner } from './jws-signer.js';
import { seal, unseal } from './sealed-key.js';
import { SigningThread } from './signing-thread.js';

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

class RotationLost extends Error {}

/**
 * The signing keys, in memory: Node's crypto signs (jws-signer.ts; on a signing thread while the event
 * loop is busy), fast-jwt verifies (several times faster than jose here), jose generates keys and speaks JWK.
 * The database decides which key is current, so several nodes agree.
 */
export class KeyRing {
  private keys = new Map<string, LoadedKey>();
  private signer: JwsSigner | undefined;
  private currentId: string | undefined;
  private lastRefresh = 0;
  private timers: NodeJS.Timeout[] = [];
  private readonly loop = new EventLoopLoad();
  private readonly signingThread = new SigningThread();

  private constructor(private readonly options: KeyRingOptions) {}

  static async open(options: KeyRingOptions): Promise<KeyRing> {
    const ring = new KeyRing(options);
    await ring.ensureKeys();
    ring.loop.start();
    return ring;
  }

  get currentKeyId(): string {
    if (!this.currentId) throw new Error('no current signing key');
    return this.currentId;
  }

  async sign(payload: Record<string, unknown>): Promise<string> {
    if (!this.signer) throw new Error('no current signing key');
    return this.signer(payload, this.loop.busy);
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
    for (const key of stored) {
      // Reuse the parsed key, but take the row as it is now: its state changes on rotation.
      const loaded = this.keys.get(key.id);
      next.set(key.id, loaded ? { ...loaded, stored: key } : this.load(key));
    }
    const current = stored.find((k) => k.state === 'current');
    this.keys = next;
    if (current && current.id !== this.currentId) {
      const privatePem = unseal(this.options.wrapKey, current.privateKeySealed, current.id);
      this.signer = createJwsSigner(
        privatePem,
        current.algorithm as SigningAlgorithm,
        current.id,
        this.signingThread,
      );
      this.currentId = current.id;
    }
  }

  /**
   * Makes sure a current key and a next key of the configured algorithm exist. The next key is published
   * in the JWKS before it signs anything, so verifiers that cache the JWKS already know it at rotation.
   */
  private async ensureKeys(): Promise<void> {
    await this.refresh();
    const current = this.currentId ? this.keys.get(this.currentId) : undefined;
    if (!current || current.stored.algorithm !== this.options.algorithm) {
      const created = await this.createKey('current');
      await this.tolerateRace(async () => {
        await this.options.db.transaction().execute(async (trx) => {
          await retireCurrentSigningKey(trx, created.createdAt);
          await insertSigningKey(trx, created);
        });
      });
      await this.refresh();
    }
    const next = this.nextKey();
    if (next?.stored.algorithm === this.options.algorithm) return;
    const created = await this.createKey('next');
    await this.tolerateRace(async () => {
      await this.options.db.transaction().execute(async (trx) => {
        if (next) await deleteSigningKey(trx, next.stored.id);
        await insertSigningKey(trx, created);
      });
    });
    await this.refresh();
  }

  /** Another node did the same thing first (the database allows one current and one next key): use theirs. */
  private async tolerateRace(change: () => Promise<void>): Promise<void> {
    try {
      await change();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  private nextKey(): LoadedKey | undefined {
    return [...this.keys.values()].find((k) => k.stored.state === 'next');
  }

  /**
   * Rotates: the next key becomes current, the current one retires (it stays in the JWKS until every token
   * it signed has expired) and a new next key is made. Safe on several nodes at once: one wins, the others
   * pick its result up. Returns whether this call rotated.
   */
  async rotate(): Promise<boolean> {
    await this.ensureKeys();
    const currentId = this.currentId;
    const next = this.nextKey();
    if (!currentId || !next) return false;
    let rotated = false;
    await this.options.db
      .transaction()
      .execute(async (trx) => {
        rotated = await promoteNextSigningKey(trx, currentId, next.stored.id, this.options.clock());
        if (!rotated) throw new RotationLost();
        await recordAuditEvent(trx, systemCaller(), this.options.clock(), {
          organizationId: null,
          action: 'signing_key.rotated',
          targetType: 'signing_key',
          targetId: next.stored.id,
          details: { retired: currentId, algorithm: next.stored.algorithm },
        });
      })
      .catch((error: unknown) => {
        if (!(error instanceof RotationLost)) throw error;
      });
    await this.refresh();
    await this.ensureKeys();
    return rotated;
  }

  /** Rotates when the current key is at least `intervalHours` old. Every node checks; one wins. */
  async rotateIfDue(intervalHours: number): Promise<boolean> {
    const current = this.currentId ? this.keys.get(this.currentId) : undefined;
    const activatedAt = current?.stored.activatedAt ?? current?.stored.createdAt;
    const due = activatedAt !== undefined && this.options.clock() - activatedAt >= intervalHours * 3_600_000;
    return due ? this.rotate() : false;
  }

  /** Refreshes from the database (other nodes' rotations) and checks for a due rotation, on timers. */
  startAutomaticRotation(intervalHours: number): void {
    this.timers.push(setInterval(() => void this.refresh().catch(() => undefined), 30_000));
    if (intervalHours > 0) {
      const everyMs = Math.min(60_000, (intervalHours * 3_600_000) / 10);
      this.timers.push(
        setInterval(() => void this.rotateIfDue(intervalHours).catch(() => undefined), everyMs),
      );
    }
    for (const timer of this.timers) timer.unref();
  }

  async stop(): Promise<void> {
    this.loop.stop();
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.signingThread.close();
  }

  private async createKey(state: 'current' | 'next'): Promise<StoredSigningKey> {
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
      state,
      publicJwk: JSON.stringify(publicJwk),
      privateKeySealed: seal(wrapKey, privatePem, id),
      createdAt: now,
      activatedAt: state === 'current' ? now : null,
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
