import { Worker } from 'node:worker_threads';
import type { BackgroundWrite, BackgroundWriter } from './background-writes.js';
import type { WriterReply, WriterRequest } from './writer-thread.js';

/**
 * Batches go to a thread of their own (writer-thread.ts) with its own connection. On SQLite,
 * better-sqlite3 is synchronous, so a batch on the event loop held every token request behind its inserts
 * and the commit's fsync; on PostgreSQL, building and serialising a batch's INSERT is milliseconds of
 * JavaScript on the event loop all the same (decision 0010).
 */
export class ThreadedBackgroundWriter implements BackgroundWriter {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
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
      if (reply.error === undefined) waiting?.resolve();
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

  write(batch: BackgroundWrite): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, batch } satisfies WriterRequest);
    });
  }

  async close(): Promise<void> {
    this.worker.postMessage('close');
    await this.exited;
  }
}
