import { createPublicKey } from 'node:crypto';
import { createVerifier } from 'fast-jwt';
import type { Logger, SigningAlgorithm } from './verifier-options.js';

/** Verifies a token signed by one key: signature, `typ`, `iss`, `aud`, `exp`, `nbf`, required claims. */
export type KeyVerifier = (token: string) => Record<string, unknown>;

export interface JwksCacheOptions {
  /** Resolved once, at the first fetch (it may come from the metadata). */
  jwksUri: () => Promise<string>;
  fetch: typeof fetch;
  issuer: string;
  audiences: readonly string[];
  algorithms: readonly SigningAlgorithm[];
  clockToleranceSeconds: number;
  logger: Logger;
  /** An unknown `kid` triggers a fetch at most this often, so forged kids cannot make us flood Portcullis. */
  unknownKidCooldownMs?: number;
  /** Background refresh: Portcullis publishes the next key before it signs with it. */
  refreshIntervalMs?: number;
  now?: () => number;
}

const retryUnloadedAfterMs = 1_000;

interface Jwk {
  kid?: unknown;
  kty?: unknown;
  alg?: unknown;
  use?: unknown;
  crv?: unknown;
  [member: string]: unknown;
}

/** The algorithm a key without `alg` can only mean, from its type and curve. */
function algorithmOf(jwk: Jwk): string | undefined {
  if (typeof jwk.alg === 'string') return jwk.alg;
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  if (jwk.kty === 'RSA') return 'RS256';
  return undefined;
}

/**
 * The JWKS in memory, one fast-jwt verifier per key (the key parsed once). Fetched at start, refreshed in
 * the background and on an unknown `kid` (with a cooldown), one fetch at a time; a failed fetch keeps the
 * last good keys, so a Portcullis outage does not stop verification of tokens signed by known keys.
 */
export class JwksCache {
  private verifiers = new Map<string, KeyVerifier>();
  private fetching: Promise<void> | undefined;
  private lastFetchStartedAt = Number.NEGATIVE_INFINITY;
  private loaded = false;
  private failing = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly options: JwksCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get hasKeys(): boolean {
    return this.loaded;
  }

  get keyIds(): string[] {
    return [...this.verifiers.keys()];
  }

  start(): Promise<void> {
    const every = this.options.refreshIntervalMs ?? 300_000;
    this.timer = setInterval(() => this.refresh().catch(() => undefined), every);
    this.timer.unref();
    return this.refresh();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The verifier for `kid` among the keys held now: the path of nearly every check, with nothing to wait for. */
  knownVerifier(kid: string): KeyVerifier | undefined {
    return this.verifiers.get(kid);
  }

  /** The verifier for `kid`: fetched again when unknown, unless a fetch began within the cooldown. */
  async verifierFor(kid: string): Promise<KeyVerifier | undefined> {
    const known = this.verifiers.get(kid);
    if (known) return known;
    const cooldown = this.options.unknownKidCooldownMs ?? 30_000;
    if (this.fetching) await this.fetching.catch(() => undefined);
    else if (!this.loaded || this.now() - this.lastFetchStartedAt >= cooldown) {
      await this.refresh().catch(() => undefined);
    }
    return this.verifiers.get(kid);
  }

  /**
   * Until the first fetch succeeds (Portcullis was down when the API started), each request may start one,
   * at most one a second, rather than waiting for the background refresh.
   */
  async ensureLoaded(): Promise<boolean> {
    if (this.loaded) return true;
    if (this.fetching) await this.fetching.catch(() => undefined);
    else if (this.now() - this.lastFetchStartedAt >= retryUnloadedAfterMs)
      await this.refresh().catch(() => undefined);
    return this.loaded;
  }

  /** One fetch at a time: callers during a fetch share it. */
  refresh(): Promise<void> {
    this.fetching ??= this.fetchKeys().finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  private async fetchKeys(): Promise<void> {
    this.lastFetchStartedAt = this.now();
    try {
      const uri = await this.options.jwksUri();
      const response = await this.options.fetch(uri, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`${uri} answered ${response.status}`);
      const { keys } = (await response.json()) as { keys?: unknown };
      if (!Array.isArray(keys)) throw new Error(`${uri} holds no "keys" array`);
      const next = new Map<string, KeyVerifier>();
      for (const jwk of keys as Jwk[]) {
        const verifier = typeof jwk.kid === 'string' ? this.verifierOf(jwk) : undefined;
        if (verifier) next.set(jwk.kid as string, verifier);
      }
      this.verifiers = next;
      this.loaded = true;
      if (this.failing) this.options.logger.info('Portcullis signing keys fetched again', { uri });
      this.failing = false;
    } catch (error) {
      // Said once per outage, not once per retry.
      if (!this.failing) {
        this.options.logger.warn('Portcullis signing keys could not be fetched; keeping the last good ones', {
          error: String(error),
        });
      }
      this.failing = true;
      throw error;
    }
  }

  /** Keys for other uses, or of algorithms not allowed here, are left out: a token naming them is refused. */
  private verifierOf(jwk: Jwk): KeyVerifier | undefined {
    const algorithm = algorithmOf(jwk);
    if (jwk.use !== undefined && jwk.use !== 'sig') return undefined;
    if (!algorithm || !(this.options.algorithms as readonly string[]).includes(algorithm)) return undefined;
    const existing = this.verifiers.get(jwk.kid as string);
    if (existing) return existing;
    try {
      const pem = createPublicKey({ key: jwk as never, format: 'jwk' })
        .export({ type: 'spki', format: 'pem' })
        .toString();
      return createVerifier({
        key: pem,
        algorithms: [algorithm as SigningAlgorithm],
        allowedIss: this.options.issuer,
        allowedAud: [...this.options.audiences],
        checkTyp: 'at+jwt',
        requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat', 'jti'],
        clockTolerance: this.options.clockToleranceSeconds * 1000,
      }) as KeyVerifier;
    } catch {
      return undefined;
    }
  }
}
