import { LRUCache } from 'lru-cache';
import type { Principal } from './principal.js';

/**
 * Verified tokens by their text, until they expire: a repeated token costs a map look-up instead of a
 * signature check. Bounded (least recently used goes first). A revocation does not need to find entries
 * here: every hit is checked against the revocation list again, and a revoked one is dropped then.
 */
export class VerifiedTokenCache {
  private readonly entries: LRUCache<string, Principal>;

  constructor(
    max: number,
    private readonly clockToleranceMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = new LRUCache<string, Principal>({ max });
  }

  get(token: string): Principal | undefined {
    const principal = this.entries.get(token);
    if (principal && this.now() >= principal.expiresAt * 1000 + this.clockToleranceMs) {
      this.entries.delete(token);
      return undefined;
    }
    return principal;
  }

  set(token: string, principal: Principal): void {
    this.entries.set(token, principal);
  }

  delete(token: string): void {
    this.entries.delete(token);
  }

  get size(): number {
    return this.entries.size;
  }
}
