import type { AttachedPolicies } from '../../services/network-policies/check-network-access.js';
import type { CredentialResolution } from '../../services/permissions/resolve-credential.js';
import type { Lockout } from '../../store/repositories/lockouts.js';
import type { Organization } from '../../store/repositories/organizations.js';
import type { StoredSecret } from '../../store/repositories/secrets.js';
import type { ServiceAccount } from '../../store/repositories/service-accounts.js';

/** Everything the database says about a client id, as read at one moment. Decisions are made per request. */
export interface ClientState {
  sa: ServiceAccount;
  /** Not revoked, and not yet past their grace expiry when read; expiry is checked again at each use. */
  secrets: StoredSecret[];
  org: Organization | undefined;
  policies: AttachedPolicies;
  resolution: CredentialResolution;
  /** The latest not-before instant of the account's revocation events (Unix ms), if it has any. */
  notBefore: number | undefined;
  /**
   * Its row of failed attempts, if it has one. A lock starting or being cleared moves the change generation,
   * so `lockedUntil` is current; `failures` may lag, since counting a failure does not move it.
   */
  lockout: Lockout | undefined;
}

interface Entry {
  state: ClientState;
  generation: number;
  loadedAt: number;
}

type Load = () => Promise<ClientState | undefined>;

/**
 * Client states by client id and account, kept while the change generation has not moved (no committed
 * change on any node) and for at most `maxAgeMs` — a safety net should a cross-node notification be lost.
 * Bounded: when full it starts over rather than tracking recency, which costs one read per client.
 *
 * Reads are shared: every request for a key that finds no usable entry waits for the one read already
 * under way at its generation. On PostgreSQL a read is several round trips, and at thousands of requests a
 * second each request starting its own would queue on the pool and feed itself. An entry past
 * `refreshAfterMs` is still served while it is read again beside the requests, so the safety net's expiry
 * costs no request a wait; past `maxAgeMs` it is not served at all.
 */
export class ClientStateCache {
  private entries = new Map<string, Entry>();
  private reads = new Map<string, { generation: number; state: Promise<ClientState | undefined> }>();
  /** Look-ups served from memory and those that waited for a read, for the metrics. */
  readonly lookups = { hits: 0, misses: 0 };

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 5_000,
    private readonly refreshAfterMs = 4_000,
  ) {}

  /** The state for `key` as of `generation`; `load` reads it from the database when needed. */
  get(key: string, generation: number, now: number, load: Load): Promise<ClientState | undefined> {
    const entry = this.entries.get(key);
    if (entry && entry.generation === generation && now - entry.loadedAt <= this.maxAgeMs) {
      if (now - entry.loadedAt > this.refreshAfterMs) {
        // A failed early read changes nothing: the entry stays until its max age, then requests read.
        this.read(key, generation, now, load).catch(() => undefined);
      }
      this.lookups.hits++;
      return Promise.resolve(entry.state);
    }
    this.lookups.misses++;
    return this.read(key, generation, now, load);
  }

  private read(key: string, generation: number, now: number, load: Load): Promise<ClientState | undefined> {
    const running = this.reads.get(key);
    if (running?.generation === generation) return running.state;
    const state = load().then(
      (loaded) => {
        if (this.reads.get(key)?.state === state) this.reads.delete(key);
        this.store(key, loaded, generation, now);
        return loaded;
      },
      (error: unknown) => {
        if (this.reads.get(key)?.state === state) this.reads.delete(key);
        throw error;
      },
    );
    this.reads.set(key, { generation, state });
    return state;
  }

  /** Unknown client ids are not kept. A read that a newer one overtook does not replace it. */
  private store(key: string, state: ClientState | undefined, generation: number, loadedAt: number): void {
    const current = this.entries.get(key);
    if (current && (current.generation > generation || current.loadedAt > loadedAt)) return;
    if (!state) {
      this.entries.delete(key);
      return;
    }
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { state, generation, loadedAt });
  }
}
