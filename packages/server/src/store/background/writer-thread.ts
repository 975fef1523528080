import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../database.js';
import { auditBatchInserter } from '../repositories/audit-events.js';
import { type AuditPruneStep, type PrunedPiece, pruneAuditEvents } from '../repositories/audit-retention.js';
import { applyBackgroundWrite, type BackgroundWrite } from './background-writes.js';
import { yieldToTheEventLoop } from './thread-priority.js';

/**
 * The writer thread: its own connection to the same database (on SQLite, WAL lets the main connection keep
 * reading), so a batch's inserts and its commit never stall the event loop that answers token requests.
 */
export type WriterRequest =
  | { id: number; batch: BackgroundWrite }
  | { id: number; prune: AuditPruneStep; limit: number };

export interface WriterReply {
  id: number;
  error?: string;
  /** What a retention piece did. */
  piece?: PrunedPiece;
}

const port = parentPort;
if (!port) throw new Error('writer-thread.js runs only as a worker thread');
// Batches must keep up with issuance, so they yield, but less than the reader's reads.
yieldToTheEventLoop(10);
const database = openDatabase((workerData as { databaseUrl: string }).databaseUrl);
const insertAuditEvents = auditBatchInserter(database);

// One batch (or retention piece) at a time, in arrival order: SQLite has a single writer anyway.
let queue = Promise.resolve();
port.on('message', (request: WriterRequest | 'close') => {
  if (request === 'close') {
    queue = queue.then(() => database.close()).then(() => port.close());
    return;
  }
  queue = queue.then(async () => {
    const reply: WriterReply = { id: request.id };
    try {
      if ('prune' in request) reply.piece = await pruneAuditEvents(database, request.prune, request.limit);
      else if (request.batch.kind === 'audit') await insertAuditEvents(request.batch.events);
      else await applyBackgroundWrite(database.db, request.batch);
    } catch (error) {
      reply.error = error instanceof Error ? error.message : String(error);
    }
    port.postMessage(reply);
  });
});
