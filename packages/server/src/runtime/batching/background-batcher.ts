import type { BackgroundWriter } from '../../store/background/background-writes.js';

/** Where a batcher reports what it could not write; pino's logger is one. */
export interface BatchLog {
  error(fields: Record<string, unknown>, message: string): void;
}

/**
 * What the issuance audit batch and the usage recorder share (decision 0008): a flush every `intervalMs`,
 * one write at a time, and what a failed write held kept for the next flush instead of dropped. One write
 * at a time, because a batch put back after a failure must still be committed before anything gathered
 * after it. A flush that falls due while a write is under way starts as soon as that write settles, so an
 * item waits at most `intervalMs` plus one write for its turn, however long writes take (the window that
 * decision 0008 states).
 */
export abstract class BackgroundBatcher {
  private timer: NodeJS.Timeout | undefined;
  /** Settles when the write under way has committed or put its batch back. */
  private inFlight: Promise<void> | undefined;
  /** A flush fell due during the write under way, and starts when it settles. */
  private flushDue = false;

  protected constructor(
    protected readonly writer: BackgroundWriter,
    protected readonly log: BatchLog,
    private readonly intervalMs: number,
    /** Names what is batched, in log messages. */
    private readonly what: string,
  ) {}

  /** How many items wait to be written, not counting a write under way. */
  protected abstract waiting(): number;

  /** Writes what waits; on failure puts back what was not committed, ahead of what arrived since, and throws. */
  protected abstract writeWaiting(): Promise<void>;

  /** What waits to be written now, for the metrics; a write under way is not counted. */
  get backlog(): number {
    return this.waiting();
  }

  start(): void {
    this.timer ??= setInterval(() => this.flushSoon(), this.intervalMs);
    this.timer.unref();
  }

  /**
   * A flush for the timer or a full batch. While a write is under way it is only marked due, and starts
   * the moment that write settles: waiting for the next tick instead let items wait up to two intervals
   * and a write (about 300 ms measured against 100 ms documented). A slow or failing database still gets
   * one attempt at a time, not one per tick.
   */
  protected flushSoon(): void {
    if (this.inFlight) {
      this.flushDue = true;
      return;
    }
    // A failure was logged where it happened, and what failed is kept for the next flush.
    void this.flush().catch(() => undefined);
  }

  /**
   * Resolves once everything recorded so far is committed, including a batch the timer already sent;
   * rejects when a write fails, with what it held kept for the next flush.
   */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    if (this.waiting() === 0) return;
    let settled!: () => void;
    this.inFlight = new Promise((resolve) => (settled = resolve));
    // This write takes everything waiting, a due flush's items included.
    this.flushDue = false;
    try {
      await this.writeWaiting();
    } catch (error) {
      this.log.error(
        { err: error, kept: this.waiting() },
        `writing ${this.what} failed; they are kept and retried with the next flush`,
      );
      throw error;
    } finally {
      this.inFlight = undefined;
      settled();
      if (this.flushDue) this.flushSoon();
    }
  }

  /** Flushes, and once more if that fails (a transient error may have cleared); what still fails is lost. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    try {
      await this.flush().catch(() => this.flush());
    } catch {
      this.log.error({ lost: this.waiting() }, `shutting down with ${this.what} that could not be written`);
    }
  }
}
