import { createPrivateKey, createPublicKey } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { PortcullisError } from '@portcullis/core/errors';
import { newId } from '@portcullis/core/ids';
import { createDecoder, createVerifier } from 'fast-jwt';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { SigningAlgorithm } from '../../config/settings.js';
import { recordAuditEvent } from '../../services/audit/record-audit-event.js';
import { systemCaller } from '../../services/context.js';
import type { Db } from '../../store/database.js';
import {
  deleteSigningKey,
  insertSigningKey,
  listVerifiableSigningKeys,
  promoteNextSigningKey,
  retireCurrentSigningKey,
  type StoredSigningKey,
} from '../../store/repositories/signing-keys.js';
import { violatedUniqueConstraint } from '../../store/unique-constraints.js';
import type { BatchLog } from '../batching/background-batcher.js';
import type { ChangeGeneration } from '../cache/change-generation.js';
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
  /** The longest lifetime of a token; retired keys stay published this long plus `maxKeyStalenessMs`. */
  maxTokenLifetimeSeconds: number;
  /**
   * Rotations are announced through it, and a move makes the ring re-read the key table, so other nodes
   * stop signing with a retired key within about a second instead of at their next periodic reload.
   */
  changes?: ChangeGeneration;
  /** Where failed reads of the key table and failed automatic rotations are reported, and their end. */
  log?: KeyRingLog;
}

/** Pino's logger is one. */
export interface KeyRingLog extends BatchLog {
  info(fields: Record<string, unknown>, message: string): void;
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

/** A failed read is not retried sooner than this, so a database outage is not met with a read per request. */
const retryAfterMs = 1_000;
const unknownKidLookupEveryMs = 5_000;
/** Keys are re-read in the background once the copy in memory is this old. */
const reloadAfterMs = 15_000;
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
/** A run of failures is logged when it starts, then at most this often, so an outage is not a line per request. */
const logFailuresEveryMs = 60_000;
/** How often the ring checks whether the change generation moved (a field on PostgreSQL, a pragma on SQLite). */
const watchEveryMs = 250;
const decodeHeader = createDecoder({ complete: true });

class RotationLost extends Error {}

/**
 * Logs a run of failures of one kind: its start, a reminder at most every `logFailuresEveryMs`, and its end.
 * Only the error's message and code: a driver's error may carry the row it failed on, with a private key.
 */
class FailureStreak {
  private failures = 0;
  private since = 0;
  private loggedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly what: string,
    private readonly log: KeyRingLog | undefined,
    private readonly clock: () => number,
  ) {}

  failed(error: unknown): void {
    const now = this.clock();
    if (this.failures++ === 0) this.since = now;
    if (now - this.loggedAt < logFailuresEveryMs) return;
    this.loggedAt = now;
    const { message, code } =
      error instanceof Error
        ? (error as Error & { code?: unknown })
        : { message: String(error), code: undefined };
    this.log?.error(
      { error: { message, code }, failures: this.failures, failingForMs: now - this.since },
      `${this.what} failed`,
    );
  }

  succeeded(): void {
    if (this.failures === 0) return;
    this.log?.info(
      { failures: this.failures, failedForMs: this.clock() - this.since },
      `${this.what} works again`,
    );
    this.failures = 0;
    this.loggedAt = Number.NEGATIVE_INFINITY;
  }
}

/**
 * The signing keys, in memory: Node's crypto signs (jws-signer.ts; on a signing thread while the event
 * loop is busy), fast-jwt verifies (several times faster than jose here), jose generates keys and speaks JWK.
 * The database decides which key is current, so several nodes agree.
 */
export class KeyRing {
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
  private timers: NodeJS.Timeout[] = [];
  private readonly loop = new EventLoopLoad();
  private readonly signingThread = new SigningThread();
  private readonly readFailures: FailureStreak;
  private readonly rotationFailures: FailureStreak;

  private constructor(private readonly options: KeyRingOptions) {
    this.readFailures = new FailureStreak('reading the signing keys', options.log, options.clock);
    this.rotationFailures = new FailureStreak('rotating the signing keys', options.log, options.clock);
  }

  static async open(options: KeyRingOptions): Promise<KeyRing> {
    const ring = new KeyRing(options);
    try {
      await ring.ensureKeys();
    } catch (error) {
      // The signing thread already runs.
      await ring.stop();
      throw error;
    }
    ring.loop.start();
    return ring;
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
    return key.verify(token) as TokenClaims;
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
        next.set(key.id, loaded ? { ...loaded, stored: key } : this.load(key));
      }
      const current = stored.find((k) => k.state === 'current');
      let signer = this.signer;
      if (current?.id !== this.currentId) {
        signer = current
          ? createJwsSigner(
              unseal(this.options.wrapKey, current.privateKeySealed, current.id),
              current.algorithm as SigningAlgorithm,
              current.id,
              this.signingThread,
            )
          : undefined;
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
        await this.changeKeys(async (trx) => {
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
      await this.changeKeys(async (trx) => {
        if (next) await deleteSigningKey(trx, next.stored.id);
        await insertSigningKey(trx, created);
      });
    });
    await this.refresh();
  }

  /** One transaction that changes the key table, announced so that other nodes re-read it at once. */
  private async changeKeys(change: (trx: Db) => Promise<void>): Promise<void> {
    const { db, changes } = this.options;
    await db.transaction().execute(async (trx) => {
      await change(trx);
      await changes?.announce(trx);
    });
    changes?.bump();
  }

  /** Another node did the same thing first (the database allows one current and one next key): use theirs. */
  private async tolerateRace(change: () => Promise<void>): Promise<void> {
    try {
      await change();
    } catch (error) {
      if (!violatedUniqueConstraint(error)?.name.startsWith('signing_keys_')) throw error;
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
    await this.changeKeys(async (trx) => {
      rotated = await promoteNextSigningKey(trx, currentId, next.stored.id, this.options.clock());
      if (!rotated) throw new RotationLost();
      await recordAuditEvent(trx, systemCaller(), this.options.clock(), {
        organizationId: null,
        action: 'signing_key.rotated',
        targetType: 'signing_key',
        targetId: next.stored.id,
        details: { retired: currentId, algorithm: next.stored.algorithm },
      });
    }).catch((error: unknown) => {
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

  /**
   * On timers: re-reads the key table when the change generation moves (another node rotated) and every
   * `reloadAfterMs` regardless (an idle node's JWKS), and checks for a due rotation.
   */
  startAutomaticRotation(intervalHours: number): void {
    const { changes } = this.options;
    if (changes) {
      this.timers.push(
        setInterval(() => {
          // Reading the generation can throw on SQLite when the file is gone; a timer must not crash the
          // process, and a re-read then fails and is retried like any other.
          let moved = true;
          try {
            moved = changes.current !== this.loadedGeneration;
          } catch {}
          if (moved) this.readUnlessJustFailed();
        }, watchEveryMs),
      );
    }
    // read() logged a failure.
    this.timers.push(setInterval(() => void this.refresh().catch(() => undefined), reloadAfterMs));
    if (intervalHours > 0) {
      const everyMs = Math.min(60_000, (intervalHours * 3_600_000) / 10);
      this.timers.push(
        setInterval(
          () =>
            void this.rotateIfDue(intervalHours).then(
              () => this.rotationFailures.succeeded(),
              (error: unknown) => this.rotationFailures.failed(error),
            ),
          everyMs,
        ),
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
