import { performance } from 'node:perf_hooks';
import { PortcullisError } from '@portcullis/core/errors';
import { createDecoder } from 'fast-jwt';
import type { JWK } from 'jose';
import { listVerifiableSigningKeys } from '../../store/repositories/signing-keys.js';
import { EventLoopLoad } from './event-loop-load.js';
import { FailureStreak, type StreakLog } from './failure-streak.js';
import type { JwsSigner } from './jws-signer.js';
import {
  ensureKeys,
  type KeyStorageOptions,
  type KeyTable,
  type LoadedKey,
  loadKey,
  openSigner,
} from './key-storage.js';
import { SigningThread } from './signing-thread.js';

export interface KeyRingOptions extends KeyStorageOptions {
  issuer: string;
  /** The longest lifetime of a token; retired keys stay published this long plus `maxKeyStalenessMs`. */
  maxTokenLifetimeSeconds: number;
  /** Where failed reads of the key table and failed automatic rotations are reported, and their end. */
  log?: StreakLog;
}

export type TokenClaims = Record<string, unknown> & {
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
};

/** A failed read is not retried sooner than this, so a database outage is not met with a read per request. */
const retryAfterMs = 1_000;
const unknownKidLookupEveryMs = 5_000;
/** Keys are re-read in the background once the copy in memory is this old. */
export const reloadAfterMs = 15_000;
/**
 * The oldest key table a node signs from: past this it re-reads before signing, and refuses to sign when it
 * cannot. A node may thus sign with a key up to this long after another node retired it, so retired keys
 * stay published this much longer than the longest token lifetime (decisions/0013-signing-key-staleness.md).
 */
export const maxKeyStalenessMs = 60_000;
/**
 * How long after a read of the key table began a token request that needs it still waits for it. The pool
 * has no statement timeout, so a read the database never answers (a partition) would otherwise hold every
 * token request; past this they get a server error at once, and the read, if it ever ends, updates the ring.
 */
export const staleReadWaitMs = 3_000;
const decodeHeader = createDecoder({ complete: true });

/**
 * The signing keys, in memory: Node's crypto signs (jws-signer.ts; on a signing thread while the event
 * loop is busy), fast-jwt verifies (several times faster than jose here), jose generates keys and speaks JWK
 * (key-storage.ts). The database decides which key is current, so several nodes agree; when to re-read it
 * and to rotate is rotation-schedule.ts's.
 */
export class KeyRing implements KeyTable {
  private keys = new Map<string, LoadedKey>();
  private signer: JwsSigner | undefined;
  private currentId: string | undefined;
  /** Clock value at the start of the last successful read: the table is known to be at least this fresh. */
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loadedGeneration: number | undefined;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private lastFailure = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | undefined;
  /** `performance.now()` when the last read began: how long token requests still wait for it. */
  private readingSince = 0;
  private queued: Promise<void> | undefined;
  private readonly loop = new EventLoopLoad();
  private readonly signingThread = new SigningThread();
  private readonly readFailures: FailureStreak;

  private constructor(readonly options: KeyRingOptions) {
    this.readFailures = new FailureStreak('reading the signing keys', options.log, options.clock);
  }

  static async open(options: KeyRingOptions): Promise<KeyRing> {
    const ring = new KeyRing(options);
    try {
      await ensureKeys(ring);
    } catch (error) {
      // The signing thread already runs.
      await ring.stop();
      throw error;
    }
    ring.loop.start();
    return ring;
  }

  /** The clock value at the start of the last successful read of the key table, for the metrics. */
  get keyTableReadAt(): number {
    return this.loadedAt;
  }

  get currentKeyId(): string {
    if (!this.currentId) throw new Error('no current signing key');
    return this.currentId;
  }

  /**
   * Signs with the current key as of a read at most `maxKeyStalenessMs` old. Callers set `exp` before
   * calling, so a token expires at most the longest lifetime after that read, which is what retention allows.
   */
  async sign(payload: Record<string, unknown>): Promise<string> {
    const age = this.options.clock() - this.loadedAt;
    if (age > reloadAfterMs) {
      this.readUnlessJustFailed();
      if (age > maxKeyStalenessMs) {
        await this.waitForRead();
        if (this.options.clock() - this.loadedAt > maxKeyStalenessMs) {
          throw new PortcullisError(
            'server_error',
            'The signing keys could not be re-read from the database, so no token was signed. Try again.',
          );
        }
      }
    }
    if (!this.signer) throw new Error('no current signing key');
    return this.signer(payload, this.loop.busy);
  }

  /** Starts a read unless one is under way or the last one failed just now (the database is down). */
  private readUnlessJustFailed(): void {
    if (this.reading || this.options.clock() - this.lastFailure < retryAfterMs) return;
    // read() logged the failure, and sign() refuses once the keys are too old.
    this.refresh().catch(() => undefined);
  }

  /** Waits for the read under way, but not past `staleReadWaitMs` after it began. */
  private async waitForRead(): Promise<void> {
    const left = this.readingSince + staleReadWaitMs - performance.now();
    if (!this.reading || left <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.reading.catch(() => undefined),
        new Promise((resolve) => {
          timer = setTimeout(resolve, left);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Verifies signature, `typ`, issuer and expiry. Throws on any failure; the caller maps it to 401. */
  async verify(token: string): Promise<TokenClaims> {
    const { header } = decodeHeader(token) as { header: { kid?: unknown } };
    const kid = typeof header.kid === 'string' ? header.kid : '';
    let key = this.keys.get(kid);
    if (!key && this.options.clock() - this.lastAttempt > unknownKidLookupEveryMs) {
      // Another node may have rotated: look once, waiting no longer than signing would for a read the
      // database does not answer, then rate-limit look-ups for unknown kids.
      this.readUnlessJustFailed();
      await this.waitForRead();
      key = this.keys.get(kid);
    }
    if (!key) throw new Error('unknown signing key');
    // The verifier's cache hands every caller of one token the same object: nobody may change it.
    return Object.freeze(key.verify(token)) as TokenClaims;
  }

  /** The public keys a verifier may meet (RFC 7517 JWK Set). */
  jwks(): { keys: JWK[] } {
    return { keys: [...this.keys.values()].map((k) => k.publicJwk) };
  }

  /**
   * Re-reads the key table. One read at a time, so an older read never overwrites a newer one; a call made
   * during a read gets a read that starts after it.
   */
  refresh(): Promise<void> {
    if (!this.reading) {
      this.reading = this.read().finally(() => {
        this.reading = undefined;
      });
      return this.reading;
    }
    this.queued ??= this.reading
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.refresh();
      });
    return this.queued;
  }

  private async read(): Promise<void> {
    const { db, clock, maxTokenLifetimeSeconds, changes } = this.options;
    const startedAt = clock();
    const generation = changes?.current;
    this.lastAttempt = startedAt;
    this.readingSince = performance.now();
    try {
      const retention = maxTokenLifetimeSeconds * 1000 + maxKeyStalenessMs;
      const stored = await listVerifiableSigningKeys(db, startedAt - retention);
      const next = new Map<string, LoadedKey>();
      for (const key of stored) {
        // Reuse the parsed key, but take the row as it is now: its state changes on rotation.
        const loaded = this.keys.get(key.id);
        next.set(key.id, loaded ? { ...loaded, stored: key } : loadKey(key, this.options.issuer));
      }
      const current = stored.find((k) => k.state === 'current');
      let signer = this.signer;
      if (current?.id !== this.currentId) {
        signer = current ? openSigner(current, this.options.wrapKey, this.signingThread) : undefined;
      }
      // All or nothing: a read that fails half-way must not leave a fresh time on old keys.
      this.keys = next;
      this.signer = signer;
      this.currentId = current?.id;
      this.loadedAt = startedAt;
      this.loadedGeneration = generation;
      this.readFailures.succeeded();
    } catch (error) {
      this.lastFailure = startedAt;
      this.readFailures.failed(error);
      throw error;
    }
  }

  currentKey(): LoadedKey | undefined {
    return this.currentId ? this.keys.get(this.currentId) : undefined;
  }

  nextKey(): LoadedKey | undefined {
    return [...this.keys.values()].find((k) => k.stored.state === 'next');
  }

  /** Re-reads when the change generation moved since the last read: another node changed the key table. */
  readIfChanged(): void {
    const { changes } = this.options;
    if (!changes) return;
    // Reading the generation can throw on SQLite when the file is gone; a timer must not crash the
    // process, and a re-read then fails and is retried like any other.
    let moved = true;
    try {
      moved = changes.current !== this.loadedGeneration;
    } catch {}
    if (moved) this.readUnlessJustFailed();
  }

  async stop(): Promise<void> {
    this.loop.stop();
    await this.signingThread.close();
  }
}
