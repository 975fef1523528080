import type { AuditEvent } from '../../store/repositories/audit-events.js';
import type { Page } from '../../store/repositories/page.js';

/**
 * An audit event as the world sees it: an item of `GET /api/v1/audit-events` and a line of the export.
 * Here rather than in the route because pages and export lines are written on the reader thread
 * (audit-reader-worker.ts), which has no route to ask.
 */
export function auditEventJson(event: AuditEvent) {
  return {
    id: event.id,
    occurredAt: new Date(event.occurredAt).toISOString(),
    actor: { type: event.actorType, id: event.actorId },
    action: event.action,
    target: { type: event.targetType, id: event.targetId },
    result: event.result,
    reason: event.reason,
    clientIp: event.clientIp,
    requestId: event.requestId,
    details: event.details,
  };
}

/** Events as NDJSON, one JSON object per line, encoded for the socket. */
export function ndjsonOf(events: readonly AuditEvent[]): Uint8Array {
  let text = '';
  for (const event of events) text += `${JSON.stringify(auditEventJson(event))}\n`;
  return new TextEncoder().encode(text);
}

/**
 * A page of `GET /api/v1/audit-events` as its JSON body, encoded for the socket. Written where it is read:
 * turning a hundred events into JSON on the event loop cost more than the rest of the request (decision 0019).
 */
export function pageJsonOf(page: Page<AuditEvent>): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({ items: page.items.map(auditEventJson), nextCursor: page.nextCursor }),
  );
}
