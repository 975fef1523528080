import { longestTokenLifetimeSeconds } from '@portcullis/core/tokens';
import { maxClockToleranceSeconds } from './verifier-options.js';

/** One event of Portcullis's revocation feed (docs/revocation.md). */
export type RevocationEvent =
  | { kind: 'token'; jti: string }
  | { kind: 'subject'; subject: string; notBefore: number };

/**
 * What the feed said: revoked token ids, and per subject the first trusted second (tokens issued before it
 * are void). Entries are forgotten once every token they could concern has expired: the longest token
 * lifetime after they were learnt (a revoked jti) or after the not-before (a subject).
 */
export class RevocationList {
  private readonly revokedTokens = new Map<string, number>();
  private readonly notBefore = new Map<string, number>();
  /** Bumped on every change, so callers can tell whether anything was learnt. */
  version = 0;

  constructor(private readonly now: () => number = Date.now) {}

  apply(event: RevocationEvent): void {
    if (event.kind === 'token' && typeof event.jti === 'string') {
      this.revokedTokens.set(event.jti, this.now());
      this.version++;
    } else if (
      event.kind === 'subject' &&
      typeof event.subject === 'string' &&
      Number.isFinite(event.notBefore)
    ) {
      const known = this.notBefore.get(event.subject) ?? Number.NEGATIVE_INFINITY;
      if (event.notBefore > known) this.notBefore.set(event.subject, event.notBefore);
      this.version++;
    }
  }

  /** Whether a token with these claims must be refused. */
  isRevoked(jti: string, subject: string, issuedAt: number): boolean {
    if (this.revokedTokens.has(jti)) return true;
    const notBefore = this.notBefore.get(subject);
    return notBefore !== undefined && issuedAt < notBefore;
  }

  forgetExpired(): void {
    const nowMs = this.now();
    // Beyond the longest lifetime, the largest clock tolerance a verifier may accept an expired token within.
    const lifetimeMs = (longestTokenLifetimeSeconds + maxClockToleranceSeconds) * 1000;
    for (const [jti, learntAt] of this.revokedTokens) {
      if (nowMs - learntAt > lifetimeMs) this.revokedTokens.delete(jti);
    }
    for (const [subject, notBefore] of this.notBefore) {
      if (nowMs - notBefore * 1000 > lifetimeMs) this.notBefore.delete(subject);
    }
  }

  get size(): { tokens: number; subjects: number } {
    return { tokens: this.revokedTokens.size, subjects: this.notBefore.size };
  }
}
