import type { Db } from '../../store/database.js';
import { forgetExpiredRevocations } from '../../store/repositories/revocations.js';

/**
 * Forgets revocation events once no token they concern can still be valid (`forget_after`: a day after a
 * subject event, a revoked token's own expiry), so the feed a new follower reads from the start and the
 * revocation checks stay about a day long. Every node runs it; the deletes are idempotent.
 */
export class RevocationRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
    private readonly onError: (error: unknown) => void,
    private readonly intervalMs = 600_000,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      this.running = this.forgetExpired().catch(this.onError);
    }, this.intervalMs);
    this.timer.unref();
  }

  /** How many events were forgotten. */
  forgetExpired(): Promise<number> {
    return forgetExpiredRevocations(this.db, this.clock());
  }

  /** Stops the timer and waits for a pass under way, so the database can be closed after it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
