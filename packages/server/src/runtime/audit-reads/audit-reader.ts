import { ndjsonOf } from '../../services/audit/audit-event-json.js';
import {
  type AuditFilter,
  type AuditPageRequest,
  type AuditSource,
  queryAuditEvents,
} from '../../store/repositories/audit-event-pages.js';
import type { AuditEvent } from '../../store/repositories/audit-events.js';
import type { Page } from '../../store/repositories/page.js';

/** A piece of an export: the NDJSON of up to `exportChunkSize` events, and where the next piece starts. */
export interface ExportChunk {
  ndjson: Uint8Array;
  nextCursor: string | null;
}

/**
 * Reads of the audit log, which can be long. They run on a thread of their own with its own connection
 * (audit-reader-thread.ts): better-sqlite3 is synchronous, so on SQLite a read on the event loop holds
 * every token request behind it; on PostgreSQL the driver does not block, but parsing the rows and writing
 * an export's NDJSON took the event loop as long (decision 0019).
 */
export interface AuditReader {
  page(organizationId: string, filter: AuditFilter, page: AuditPageRequest): Promise<Page<AuditEvent>>;
  exportChunk(organizationId: string, filter: AuditFilter, before: string | undefined): Promise<ExportChunk>;
  close(): Promise<void>;
}

/** Events per export piece: a few hundred kilobytes, one bounded read. */
export const exportChunkSize = 1000;

export async function readExportChunk(
  source: AuditSource,
  organizationId: string,
  filter: AuditFilter,
  before: string | undefined,
): Promise<ExportChunk> {
  const page = await queryAuditEvents(source, organizationId, filter, { limit: exportChunkSize, before });
  return { ndjson: ndjsonOf(page.items), nextCursor: page.nextCursor };
}

/** An in-memory SQLite database, which no other thread can open: reads on the event loop. */
export function inlineAuditReader(source: AuditSource): AuditReader {
  return {
    page: (organizationId, filter, page) => queryAuditEvents(source, organizationId, filter, page),
    exportChunk: (organizationId, filter, before) => readExportChunk(source, organizationId, filter, before),
    close: async () => undefined,
  };
}
