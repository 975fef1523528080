import type { Organization } from '../../store/repositories/organizations.js';
import type { StoredSecret } from '../../store/repositories/secrets.js';
import type { ServiceAccount } from '../../store/repositories/service-accounts.js';
import type { AttachedPolicies } from '../network-policies/check-network-access.js';
import type { CredentialResolution } from '../permissions/resolve-credential.js';

/** Everything the database says about a client id, as read at one moment. Decisions are made per request. */
export interface ClientState {
  sa: ServiceAccount;
  /** Not revoked, and not yet past their grace expiry when read; expiry is checked again at each use. */
  secrets: StoredSecret[];
  org: Organization | undefined;
  policies: AttachedPolicies;
  resolution: CredentialResolution;
}

interface Entry {
  state: ClientState;
  generation: number;
  loadedAt: number;
}

/**
 * Client states by client id and account, kept while the change generation has not moved (no committed
 * change on any node) and for at most `maxAgeMs` — a safety net should a cross-node notification be lost.
 * Bounded: when full it starts over rather than tracking recency, which costs one read per client.
 */
export class ClientStateCache {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 5_000,
  ) {}

  get(key: string, generation: number, now: number): ClientState | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.generation !== generation || now - entry.loadedAt > this.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.state;
  }

  set(key: string, state: ClientState, generation: number, now: number): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { state, generation, loadedAt: now });
  }
}
