import { parentPort, workerData } from 'node:worker_threads';
import { pageJsonOf } from '../../services/audit/audit-event-json.js';
import { yieldToTheEventLoop } from '../../store/background/thread-priority.js';
import { openDatabase } from '../../store/database.js';
import {
  type AuditFilter,
  type AuditPageRequest,
  queryAuditEvents,
} from '../../store/repositories/audit-event-pages.js';
import { type ExportChunk, readExportChunk } from './audit-reader.js';
import type { GzipProgress } from './gzip-pieces.js';

/**
 * The reader thread's side (audit-reader-thread.ts): one read per request, in arrival order. Answers are
 * handed over, not copied: the event loop only writes the bytes to the socket.
 */
export type AuditReaderQuestion = { organizationId: string; filter: AuditFilter } & (
  | { kind: 'page'; page: AuditPageRequest }
  | { kind: 'export'; before: string | undefined; gzip?: GzipProgress | undefined }
);

export type AuditReaderRequest = AuditReaderQuestion & { id: number };

export type AuditReaderReply =
  | { id: number; pageJson: Uint8Array }
  | { id: number; chunk: ExportChunk }
  | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('audit-reader-worker.js runs only as a worker thread');
// The least urgent work in the process: a person waits for an audit page, a token request should not.
yieldToTheEventLoop(19);
// On SQLite, WAL lets this connection read while the others write.
const database = openDatabase((workerData as { databaseUrl: string }).databaseUrl, { orderedReader: true });

let queue = Promise.resolve();
port.on('message', (request: AuditReaderRequest | 'close') => {
  if (request === 'close') {
    queue = queue.then(() => database.close()).then(() => port.close());
    return;
  }
  queue = queue.then(async () => {
    const { id, organizationId, filter } = request;
    try {
      if (request.kind === 'page') {
        const pageJson = pageJsonOf(await queryAuditEvents(database, organizationId, filter, request.page));
        port.postMessage({ id, pageJson } satisfies AuditReaderReply, [pageJson.buffer as ArrayBuffer]);
      } else {
        const chunk = await readExportChunk(database, organizationId, filter, request.before, request.gzip);
        port.postMessage({ id, chunk } satisfies AuditReaderReply, [chunk.bytes.buffer as ArrayBuffer]);
      }
    } catch (error) {
      port.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies AuditReaderReply);
    }
  });
});
