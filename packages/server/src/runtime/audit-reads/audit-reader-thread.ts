import { Worker } from 'node:worker_threads';
import type { AuditFilter, AuditPageRequest } from '../../store/repositories/audit-event-pages.js';
import type { AuditReader, ExportChunk } from './audit-reader.js';
import type { AuditReaderQuestion, AuditReaderReply, AuditReaderRequest } from './audit-reader-worker.js';
import type { GzipProgress } from './gzip-pieces.js';

interface Waiting {
  resolve: (reply: AuditReaderReply) => void;
  reject: (error: Error) => void;
}

/**
 * Audit reads on a thread with its own connection (audit-reader-worker.ts). Started at the first
 * read, so a server nobody reads the log of has no such thread; started again at the next read if it
 * stopped. Each read is bounded (decision 0019), so the reads of several callers simply take turns.
 */
export class ThreadedAuditReader implements AuditReader {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Waiting>();
  private closed = false;

  constructor(private readonly databaseUrl: string) {}

  async page(organizationId: string, filter: AuditFilter, page: AuditPageRequest): Promise<Uint8Array> {
    const reply = await this.ask({ kind: 'page', organizationId, filter, page });
    if (!('pageJson' in reply))
      throw new Error('the audit reader answered a page request with something else');
    return reply.pageJson;
  }

  async exportChunk(
    organizationId: string,
    filter: AuditFilter,
    before: string | undefined,
    gzip?: GzipProgress,
  ): Promise<ExportChunk> {
    const reply = await this.ask({ kind: 'export', organizationId, filter, before, gzip });
    if (!('chunk' in reply))
      throw new Error('the audit reader answered an export request with something else');
    return reply.chunk;
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('close');
    await exited;
  }

  private ask(question: AuditReaderQuestion): Promise<AuditReaderReply> {
    if (this.closed) return Promise.reject(new Error('the audit reader is closed'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...question, id } satisfies AuditReaderRequest);
    });
  }

  private start(): Worker {
    // Always the compiled worker: `src/runtime/audit-reads` and `dist/runtime/audit-reads` sit at the same depth.
    const worker = new Worker(
      new URL('../../../dist/runtime/audit-reads/audit-reader-worker.js', import.meta.url),
      {
        workerData: { databaseUrl: this.databaseUrl },
      },
    );
    let failure: Error | undefined;
    worker.on('message', (reply: AuditReaderReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(`audit read failed: ${reply.error}`));
      else waiting?.resolve(reply);
    });
    worker.on('error', (error) => {
      failure = error;
    });
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      const reason = new Error(`the audit reader stopped${failure ? `: ${failure.message}` : ''}`);
      for (const waiting of this.pending.values()) waiting.reject(reason);
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }
}
