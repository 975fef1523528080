import { setTimeout as sleep } from 'node:timers/promises';
import { firstIdAt } from '@portcullis/core/ids';
import type { AuditPruner } from '../../store/background/background-writes.js';
import type { Database } from '../../store/database.js';
import { type AuditPruneStep, hasEventsBefore } from '../../store/repositories/audit-retention.js';

const dayMs = 86_400_000;

export interface AuditRetentionPolicy {
  /** How long `token.issued` events are kept, and refusals that belong to no organization. */
  issuanceDays: number;
  /** How long every other event is kept: changes, refusals, sign-ins. At least `issuanceDays`. */
  changesDays: number;
}

/** What one pass deleted: events past the longer retention, and issuance and unattributed refusals past the shorter. */
export interface PruneCounts {
  expired: number;
  shortLived: number;
}

export interface RetentionLog {
  info(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface RetentionPacing {
  /** Events per piece (read, or deleted): small enough that a piece holds SQLite's write lock for milliseconds. */
  batchSize: number;
  /** After each piece, a pause at least this long and at least as long as the piece took. */
  minPauseMs: number;
  /** How often a pass starts. */
  intervalMs: number;
}

const defaultPacing: RetentionPacing = { batchSize: 500, minPauseMs: 20, intervalMs: 60_000 };

/**
 * Deletes audit events past their retention (decision 0024): a pass every minute, in pieces of a few
 * hundred events read in id (time) order, deleted where the batches are written (the writer thread) and
 * paced so that deleting takes at most about half of that writer's time. Token issuance never waits for
 * it: its events are queued in memory meanwhile, and a piece delays their next write by at most its own
 * few milliseconds. Events past the longer retention go first, from the oldest. Then a walk goes through
 * what lies between the longer and the shorter retention's bounds, deleting issuance and unattributed
 * refusals: it starts where the last pass ended, so after the first pass of a process each pass reads
 * about a minute of events, and the changes and refusals it keeps are read past once per process.
 * Every node runs it, each its own walk; a piece's deletes are idempotent.
 */
export class AuditRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private passUnderWay = false;
  /** Where the walk through short-lived events ended: everything before it is done. */
  private walkedTo: string | undefined;
  private readonly stopping = new AbortController();
  private readonly pacing: RetentionPacing;

  constructor(
    private readonly pruner: AuditPruner,
    /** The connection that finds where to prune (index reads only). */
    private readonly database: Pick<Database, 'db' | 'engine'>,
    private readonly clock: () => number,
    private readonly policy: AuditRetentionPolicy,
    private readonly log: RetentionLog,
    pacing: Partial<RetentionPacing> = {},
  ) {
    this.pacing = { ...defaultPacing, ...pacing };
  }

  start(): void {
    this.timer ??= setInterval(() => {
      // A pass that outlasts the interval (a large backlog) goes on; the next starts after it.
      if (this.passUnderWay) return;
      this.passUnderWay = true;
      this.running = this.pruneExpired()
        .then(
          (counts) => {
            if (counts.expired + counts.shortLived > 0)
              this.log.info({ ...counts }, 'deleted audit events past their retention');
          },
          (error) => this.log.error({ err: error }, 'deleting audit events past their retention failed'),
        )
        .finally(() => {
          this.passUnderWay = false;
        });
    }, this.pacing.intervalMs);
    this.timer.unref();
  }

  /** One pass: everything past its retention now, piece by piece; ends early when stopped. */
  async pruneExpired(): Promise<PruneCounts> {
    const now = this.clock();
    const expiredBefore = firstIdAt('auditEvent', now - this.policy.changesDays * dayMs);
    const shortLivedBefore = firstIdAt('auditEvent', now - this.policy.issuanceDays * dayMs);
    const counts: PruneCounts = { expired: 0, shortLived: 0 };
    // A read on this node's connection: most passes find nothing this old, and cost the writer nothing.
    if (await hasEventsBefore(this.database, expiredBefore)) {
      counts.expired = await this.inPieces({ kind: 'expired', beforeId: expiredBefore });
    }
    const afterId = this.walkedTo && this.walkedTo > expiredBefore ? this.walkedTo : expiredBefore;
    counts.shortLived = await this.inPieces({ kind: 'short_lived', afterId, beforeId: shortLivedBefore });
    if (!this.stopping.signal.aborted) this.walkedTo = shortLivedBefore;
    return counts;
  }

  /** Stops the timer and a pass under way (after its current piece), so the database can be closed. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.stopping.abort();
    await this.running;
  }

  /** Pieces of a range until one comes back short; a walk remembers where each piece ended. */
  private async inPieces(step: AuditPruneStep): Promise<number> {
    const { batchSize, minPauseMs } = this.pacing;
    let deleted = 0;
    let next = step;
    while (!this.stopping.signal.aborted) {
      const started = performance.now();
      const piece = await this.pruner.prune(next, batchSize);
      deleted += piece.deleted;
      if (piece.lastId !== null && next.kind === 'short_lived') {
        next = { ...next, afterId: piece.lastId };
        this.walkedTo = piece.lastId;
      }
      if (piece.read < batchSize) break;
      await this.pause(Math.max(minPauseMs, performance.now() - started));
    }
    return deleted;
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stopping.signal }).catch(() => undefined);
  }
}
