import type { BackgroundWriter } from '../../store/background/background-writes.js';
import type { AuditEvent } from '../../store/repositories/audit-events.js';
import type { Caller } from '../context.js';
import { type AuditEntry, auditEventOf } from './record-audit-event.js';

/**
 * Audit events of successful token issuance, written in one transaction every 100 ms instead of one
 * write (and, on SQLite, one fsync) per token. The window: if the process dies, at most `intervalMs` of
 * issuance events are lost; shutdown flushes. Refusals and every change are written synchronously, in the
 * transaction of the change, as before.
 */
export class AuditBatch {
  private pending: AuditEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Batches are written in order, so waiting for the last one waits for all (see flush). */
  private lastWrite: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly writer: BackgroundWriter,
    private readonly onError: (error: unknown) => void,
    // Small, frequent batches keep the window short; on SQLite they are written on a thread of their own.
    private readonly intervalMs = 100,
    private readonly maxPending = 1000,
  ) {}

  enqueue(caller: Caller, occurredAt: number, entry: AuditEntry): void {
    this.pending.push(auditEventOf(caller, occurredAt, entry));
    if (this.pending.length >= this.maxPending) void this.flush().catch(this.onError);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush().catch(this.onError), this.intervalMs);
    this.timer.unref();
  }

  /** Resolves once everything enqueued so far is committed, including a batch the timer already sent. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) {
      await this.lastWrite;
      return;
    }
    const events = this.pending;
    this.pending = [];
    const write = this.writer.write({ kind: 'audit', events });
    this.lastWrite = write.catch(() => undefined);
    await write;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
