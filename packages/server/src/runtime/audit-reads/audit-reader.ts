import { ndjsonOf, pageJsonOf } from '../../services/audit/audit-event-json.js';
import {
  type AuditFilter,
  type AuditPageRequest,
  type AuditSource,
  queryAuditEvents,
} from '../../store/repositories/audit-event-pages.js';
import { type GzipProgress, gzipPiece } from './gzip-pieces.js';

/**
 * A piece of an export: the NDJSON of up to `exportChunkSize` events — gzip-encoded when the request
 * carried the export's `gzip` progress, then with the progress to send with the next piece — and where
 * the next piece starts.
 */
export interface ExportChunk {
  bytes: Uint8Array;
  nextCursor: string | null;
  gzip?: GzipProgress | undefined;
}

/**
 * Reads of the audit log, which can be long. They run on a thread of their own with its own connection
 * (audit-reader-thread.ts): better-sqlite3 is synchronous, so on SQLite a read on the event loop holds
 * every token request behind it; on PostgreSQL the driver does not block, but parsing the rows and writing
 * an export's NDJSON took the event loop as long (decision 0019). Both answers come in their wire form,
 * so the event loop only writes bytes.
 */
export interface AuditReader {
  /** A page as the API's JSON body (`{"items":[…],"nextCursor":…}`), encoded. */
  page(organizationId: string, filter: AuditFilter, page: AuditPageRequest): Promise<Uint8Array>;
  exportChunk(
    organizationId: string,
    filter: AuditFilter,
    before: string | undefined,
    gzip?: GzipProgress,
  ): Promise<ExportChunk>;
  close(): Promise<void>;
}

/** Events per export piece: a few hundred kilobytes, one bounded read. */
export const exportChunkSize = 1000;

export async function readExportChunk(
  source: AuditSource,
  organizationId: string,
  filter: AuditFilter,
  before: string | undefined,
  gzip?: GzipProgress,
): Promise<ExportChunk> {
  const page = await queryAuditEvents(source, organizationId, filter, { limit: exportChunkSize, before });
  const ndjson = ndjsonOf(page.items);
  if (!gzip) return { bytes: ndjson, nextCursor: page.nextCursor };
  const piece = gzipPiece(ndjson, gzip, page.nextCursor === null);
  return { bytes: piece.bytes, nextCursor: page.nextCursor, gzip: piece.progress };
}

/** An in-memory SQLite database, which no other thread can open: reads on the event loop. */
export function inlineAuditReader(source: AuditSource): AuditReader {
  return {
    page: async (organizationId, filter, page) =>
      pageJsonOf(await queryAuditEvents(source, organizationId, filter, page)),
    exportChunk: (organizationId, filter, before, gzip) =>
      readExportChunk(source, organizationId, filter, before, gzip),
    close: async () => undefined,
  };
}
