import { Worker } from 'node:worker_threads';
import type { AuditPruneStep, PrunedPiece } from '../repositories/audit-retention.js';
import type { AuditPruner, BackgroundWrite, BackgroundWriter } from './background-writes.js';
import type { WriterReply, WriterRequest } from './writer-thread.js';

/**
 * Batches go to a thread of their own (writer-thread.ts) with its own connection. On SQLite,
 * better-sqlite3 is synchronous, so a batch on the event loop held every token request behind its inserts
 * and the commit's fsync; on PostgreSQL, building and serialising a batch's INSERT is milliseconds of
 * JavaScript on the event loop all the same (decision 0010).
 */
export class ThreadedBackgroundWriter implements BackgroundWriter, AuditPruner {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve: (reply: WriterReply) => void; reject: (error: Error) => void }
  >();
  private readonly exited: Promise<void>;
  private failure: Error | undefined;

  constructor(databaseUrl: string) {
    // Always the compiled thread: `src/store/background` and `dist/store/background` sit at the same
    // depth, so this names dist's copy from either (tests run from source after `npm test` builds).
    this.worker = new Worker(new URL('../../../dist/store/background/writer-thread.js', import.meta.url), {
      workerData: { databaseUrl },
    });
    this.worker.on('message', (reply: WriterReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error === undefined) waiting?.resolve(reply);
      else waiting?.reject(new Error(`background write failed: ${reply.error}`));
    });
    this.worker.on('error', (error) => {
      this.failure = error;
    });
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        const reason = `the writer thread stopped${this.failure ? `: ${this.failure.message}` : ''}`;
        for (const waiting of this.pending.values()) waiting.reject(new Error(reason));
        this.pending.clear();
        resolve();
      });
    });
  }

  async write(batch: BackgroundWrite): Promise<void> {
    await this.request({ id: this.nextId++, batch });
  }

  async prune(step: AuditPruneStep, limit: number): Promise<PrunedPiece> {
    const reply = await this.request({ id: this.nextId++, prune: step, limit });
    if (!reply.piece) throw new Error('the writer thread answered a retention piece without its result');
    return reply.piece;
  }

  private request(request: WriterRequest): Promise<WriterReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.worker.postMessage('close');
    await this.exited;
  }
}
