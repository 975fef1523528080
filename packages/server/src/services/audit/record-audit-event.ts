import { newIdAt } from '@portcullis/core/ids';
import type { Db } from '../../store/database.js';
import { type ActorType, type AuditEvent, insertAuditEvent } from '../../store/repositories/audit-events.js';
import type { Caller } from '../context.js';

export interface AuditEntry {
  organizationId: string | null;
  action: string;
  targetType?: string;
  targetId?: string | null;
  result?: 'success' | 'failure';
  reason?: string;
  /** Identifiers and names only. Never a secret, token or password: the audit log is widely readable. */
  details?: Record<string, unknown>;
  /** Overrides the caller's actor, e.g. a service account authenticating at the token endpoint. */
  actor?: { type: ActorType; id: string | null };
}

/**
 * The stored form of an entry: who and where from the caller, unless the entry names its own actor. The
 * id carries the moment, so the log's id order is its time order (store/repositories/audit-event-pages.ts).
 */
export function auditEventOf(caller: Caller, occurredAt: number, entry: AuditEntry): AuditEvent {
  return {
    id: newIdAt('auditEvent', occurredAt),
    organizationId: entry.organizationId,
    occurredAt,
    actorType: entry.actor?.type ?? caller.actor.type,
    actorId: entry.actor ? entry.actor.id : caller.actor.id,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    result: entry.result ?? 'success',
    reason: entry.reason ?? null,
    clientIp: caller.clientIp,
    requestId: caller.requestId,
    details: entry.details ?? null,
  };
}

/** Writes one audit event; call it with the use case's transaction so the event commits with the change. */
export async function recordAuditEvent(
  db: Db,
  caller: Caller,
  occurredAt: number,
  entry: AuditEntry,
): Promise<void> {
  await insertAuditEvent(db, auditEventOf(caller, occurredAt, entry));
}
