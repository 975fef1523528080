import type { AuditFilter, AuditPageRequest } from '../../store/repositories/audit-event-pages.js';
import type { AuditEvent } from '../../store/repositories/audit-events.js';
import type { Page } from '../../store/repositories/page.js';
import { organizationOf, requirePermission } from '../authorization.js';
import type { Caller, ServiceContext } from '../context.js';

/** Whose turn it is (read-pacing.ts): the principal, whichever token or session it reads with. */
const readerOf = (caller: Caller) => `${caller.actor.type}:${caller.actor.id}`;

export async function listAuditEvents(
  ctx: ServiceContext,
  caller: Caller,
  filter: AuditFilter,
  page: AuditPageRequest,
): Promise<Page<AuditEvent>> {
  requirePermission(caller.actor, 'portcullis.audit_log', 'list');
  await ctx.auditPacing.turn(readerOf(caller));
  return ctx.auditReader.page(organizationOf(caller.actor), filter, page);
}

/**
 * Every matching event, newest first, as NDJSON a piece at a time: each piece one bounded read that
 * resumes where the last ended, so an export never holds the log in memory nor sorts it. Pieces come as
 * the response is consumed; a caller who stops reading stops the reads.
 */
export async function* exportAuditEvents(
  ctx: ServiceContext,
  caller: Caller,
  filter: AuditFilter,
): AsyncGenerator<Uint8Array> {
  requirePermission(caller.actor, 'portcullis.audit_log', 'list');
  const organizationId = organizationOf(caller.actor);
  let before: string | undefined;
  do {
    await ctx.auditPacing.turn(readerOf(caller));
    const chunk = await ctx.auditReader.exportChunk(organizationId, filter, before);
    if (chunk.ndjson.byteLength > 0) yield chunk.ndjson;
    before = chunk.nextCursor ?? undefined;
  } while (before);
}
