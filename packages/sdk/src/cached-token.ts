import type { TokenExchange } from './token-exchange.js';

/**
 * A token kept until shortly before it expires, then exchanged again: `skewMs` early, or at three quarters of
 * its life when that is shorter, so it is never sent in its last moments, where a clock difference or a slow
 * request would find it expired. One exchange in flight however many callers wait; when it fails, every one
 * of them gets its error and the next call starts a new exchange.
 */
export class CachedToken {
  private current: { value: string; refreshAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly exchange: TokenExchange,
    private readonly skewMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<string> {
    const current = this.current;
    if (current && this.now() < current.refreshAt) return Promise.resolve(current.value);
    this.pending ??= this.refresh().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** After an API refused `value` (revoked, or its subject changed): the next `get` exchanges again. */
  invalidate(value: string): void {
    if (this.current?.value === value) this.current = undefined;
  }

  private async refresh(): Promise<string> {
    // Counted from the request, not the answer: the token's lifetime started no later than that.
    const requestedAt = this.now();
    const { value, lifetimeSeconds } = await this.exchange();
    const lifetimeMs = Math.max(0, lifetimeSeconds) * 1000;
    this.current = { value, refreshAt: requestedAt + lifetimeMs - Math.min(this.skewMs, lifetimeMs / 4) };
    return value;
  }
}
