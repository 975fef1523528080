import type { BatchLog } from '../batching/background-batcher.js';

/** Where a streak's start, reminders and end are logged; pino's logger is one. */
export interface StreakLog extends BatchLog {
  info(fields: Record<string, unknown>, message: string): void;
}

/** A run of failures is logged when it starts, then at most this often, so an outage is not a line per request. */
const logFailuresEveryMs = 60_000;

/**
 * Logs a run of failures of one kind: its start, a reminder at most every `logFailuresEveryMs`, and its end.
 * Only the error's message and code: a driver's error may carry the row it failed on, with a private key.
 */
export class FailureStreak {
  private failures = 0;
  private since = 0;
  private loggedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly what: string,
    private readonly log: StreakLog | undefined,
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
