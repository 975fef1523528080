import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces one caller's audit reads (a page, or a piece of an export) at least `intervalMs` apart, by
 * making the next one wait its turn. The reads themselves run on the reader thread, but every request
 * still costs the event loop its authentication, routing and response (about 2 ms, as much as any API
 * request): a person paging back to back took a quarter of the event loop and doubled the token p99 at
 * 1,000 req/s (decision 0019). Waiting, not refusing: a client that pages in a loop slows down instead of
 * retrying harder.
 */
export class ReadPacing {
  private readonly nextTurn = new Map<string, number>();

  constructor(private readonly intervalMs = 50) {}

  /** Resolves when `caller` may read again. */
  async turn(caller: string): Promise<void> {
    const now = performance.now();
    if (this.nextTurn.size > 10_000) this.forgetIdle(now);
    const at = Math.max(now, this.nextTurn.get(caller) ?? 0);
    this.nextTurn.set(caller, at + this.intervalMs);
    if (at > now) await sleep(at - now);
  }

  private forgetIdle(now: number): void {
    for (const [caller, at] of this.nextTurn) if (at <= now) this.nextTurn.delete(caller);
  }
}
