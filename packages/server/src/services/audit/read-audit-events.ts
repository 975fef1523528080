import {
  type AuditEvent,
  type AuditFilter,
  queryAuditEvents,
} from '../../store/repositories/audit-events.js';
import { organizationOf, requirePermission } from '../authorization.js';
import type { Caller, ServiceContext } from '../context.js';

export async function listAuditEvents(
  ctx: ServiceContext,
  caller: Caller,
  filter: AuditFilter,
  page: { limit: number; before?: string | undefined },
): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  requirePermission(caller.actor, 'portcullis.audit_log', 'list');
  return queryAuditEvents(ctx.db, organizationOf(caller.actor), filter, page);
}

/** Every matching event, newest first, a page at a time, so an export never holds the log in memory. */
export async function* exportAuditEvents(
  ctx: ServiceContext,
  caller: Caller,
  filter: AuditFilter,
): AsyncGenerator<AuditEvent> {
  requirePermission(caller.actor, 'portcullis.audit_log', 'list');
  const organizationId = organizationOf(caller.actor);
  let before: string | undefined;
  do {
    const page = await queryAuditEvents(ctx.db, organizationId, filter, { limit: 500, before });
    yield* page.items;
    before = page.nextCursor ?? undefined;
  } while (before);
}
