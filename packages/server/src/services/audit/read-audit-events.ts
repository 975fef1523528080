import { gzipStart } from '../../runtime/audit-reads/gzip-pieces.js';
import type { AuditFilter, AuditPageRequest } from '../../store/repositories/audit-event-pages.js';
import { organizationOf, requirePermission } from '../authorization.js';
import type { Caller, ServiceContext } from '../context.js';

/** Whose turn it is (read-pacing.ts): the principal, whichever token or session it reads with. */
const readerOf = (caller: Caller) => `${caller.actor.type}:${caller.actor.id}`;

/** A page of events, newest first, as the API's JSON body (audit-event-json.ts). */
export async function listAuditEvents(
  ctx: ServiceContext,
  caller: Caller,
  filter: AuditFilter,
  page: AuditPageRequest,
): Promise<Uint8Array> {
  requirePermission(caller.actor, 'portcullis.audit_log', 'list');
  await ctx.auditPacing.turn(readerOf(caller));
  return ctx.auditReader.page(organizationOf(caller.actor), filter, page);
}

/**
 * Every matching event, newest first, as NDJSON a piece at a time: each piece one bounded read that
 * resumes where the last ended, so an export never holds the log in memory nor sorts it. Pieces come as
 * the response is consumed; a caller who stops reading stops the reads. With `gzip`, the pieces together
 * are one gzip stream, compressed where they are read (runtime/audit-reads/gzip-pieces.ts).
 */
export async function* exportAuditEvents(
  ctx: ServiceContext,
  caller: Caller,
  filter: AuditFilter,
  options: { gzip: boolean } = { gzip: false },
): AsyncGenerator<Uint8Array> {
  requirePermission(caller.actor, 'portcullis.audit_log', 'list');
  const organizationId = organizationOf(caller.actor);
  let before: string | undefined;
  let gzip = options.gzip ? gzipStart() : undefined;
  do {
    await ctx.auditPacing.turn(readerOf(caller));
    const chunk = await ctx.auditReader.exportChunk(organizationId, filter, before, gzip);
    if (chunk.bytes.byteLength > 0) yield chunk.bytes;
    before = chunk.nextCursor ?? undefined;
    gzip = chunk.gzip;
  } while (before);
}
