import { type AuditEntry, auditEventOf } from '../../services/audit/record-audit-event.js';
import type { Caller } from '../../services/context.js';
import type { BackgroundWriter } from '../../store/background/background-writes.js';
import type { AuditEvent } from '../../store/repositories/audit-events.js';
import { BackgroundBatcher, type BatchLog } from './background-batcher.js';

/**
 * Audit events of successful token issuance, written in one transaction every 100 ms instead of one
 * write (and, on SQLite, one fsync) per token. The window: if the process dies, at most `intervalMs` of
 * issuance events are lost — more while writes fail, since what a failed write held is kept for the next
 * flush, up to `maxKept` events. Shutdown flushes. Refusals and every change are written synchronously, in
 * the transaction of the change, as before.
 */
export class AuditBatch extends BackgroundBatcher {
  /** Oldest first; after a failed write its events lead, ahead of those enqueued since. */
  private pending: AuditEvent[] = [];
  private enqueuedSinceTaken = 0;
  private droppedSoFar = 0;

  constructor(
    writer: BackgroundWriter,
    log: BatchLog,
    // Small, frequent batches keep the window short; on SQLite they are written on a thread of their own.
    intervalMs = 100,
    // A flush starts early once this many arrive, and no write carries more: a batch is copied to the
    // writer thread on the event loop, about 5 ms per 1,000 events, and an outage's backlog must not stall
    // token requests.
    private readonly batchSize = 1000,
    // About 760 bytes each in memory, so some 75 MB: a 30 s PostgreSQL failover at 3,000 tokens/s, or
    // half an hour at 50 tokens/s. An outage longer than that costs the oldest events, not the process.
    private readonly maxKept = 100_000,
  ) {
    super(writer, log, intervalMs, 'issuance audit events');
  }

  enqueue(caller: Caller, occurredAt: number, entry: AuditEntry): void {
    this.pending.push(auditEventOf(caller, occurredAt, entry));
    if (this.pending.length > this.maxKept) this.dropOldest();
    if (++this.enqueuedSinceTaken >= this.batchSize) this.flushSoon();
  }

  /** Events dropped for good since start, for the metrics. */
  get dropped(): number {
    return this.droppedSoFar;
  }

  protected waiting(): number {
    return this.pending.length;
  }

  protected async writeWaiting(): Promise<void> {
    const events = this.pending;
    this.pending = [];
    this.enqueuedSinceTaken = 0;
    for (let from = 0; from < events.length; from += this.batchSize) {
      try {
        await this.writer.write({ kind: 'audit', events: events.slice(from, from + this.batchSize) });
      } catch (error) {
        this.pending = events.slice(from).concat(this.pending);
        if (this.pending.length > this.maxKept) this.dropOldest();
        throw error;
      }
    }
  }

  /**
   * Beyond `maxKept` the oldest go, at least a batch's worth at a time: shifting a large array costs a
   * copy of it, which then happens once per thousand tokens rather than on every one.
   */
  private dropOldest(): void {
    const dropped = Math.max(this.pending.length - this.maxKept, this.batchSize);
    this.pending.splice(0, dropped);
    this.droppedSoFar += dropped;
    this.log.error(
      { dropped, kept: this.pending.length },
      `dropped the ${dropped} oldest issuance audit events: more than ${this.maxKept} were waiting while writes failed`,
    );
  }
}
