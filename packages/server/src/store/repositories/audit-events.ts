import type SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Database, Db } from '../database.js';
import type { AuditEventRow } from '../schema.js';

export type ActorType = 'login' | 'service_account' | 'system' | 'anonymous';

export interface AuditEvent {
  id: string;
  organizationId: string | null;
  occurredAt: number;
  actorType: ActorType;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  result: 'success' | 'failure';
  reason: string | null;
  clientIp: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
}

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    organizationId: row.organization_id,
    occurredAt: row.occurred_at,
    actorType: row.actor_type as ActorType,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    result: row.result as AuditEvent['result'],
    reason: row.reason,
    clientIp: row.client_ip,
    requestId: row.request_id,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
  };
}

function toRow(event: AuditEvent): AuditEventRow {
  return {
    id: event.id,
    organization_id: event.organizationId,
    occurred_at: event.occurredAt,
    actor_type: event.actorType,
    actor_id: event.actorId,
    action: event.action,
    target_type: event.targetType,
    target_id: event.targetId,
    result: event.result,
    reason: event.reason,
    client_ip: event.clientIp,
    request_id: event.requestId,
    details: event.details === null ? null : JSON.stringify(event.details),
  };
}

export async function insertAuditEvent(db: Db, event: AuditEvent): Promise<void> {
  await db.insertInto('audit_events').values(toRow(event)).execute();
}

/**
 * Batched events are written again after a failed write, and a write reported failed may have committed
 * (PostgreSQL's connection lost after COMMIT was sent): an id already present is skipped, not an error, so
 * the event is there once and its batch does not fail forever.
 */
export async function insertAuditEvents(db: Db, events: readonly AuditEvent[]): Promise<void> {
  // Chunks keep each statement well under SQLite's bound-parameter limit.
  for (let i = 0; i < events.length; i += 200) {
    await db
      .insertInto('audit_events')
      .values(events.slice(i, i + 200).map(toRow))
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  }
}

const auditColumns = Object.keys(
  toRow({
    id: '',
    organizationId: null,
    occurredAt: 0,
    actorType: 'system',
    actorId: null,
    action: '',
    targetType: null,
    targetId: null,
    result: 'success',
    reason: null,
    clientIp: null,
    requestId: null,
    details: null,
  }),
) as (keyof AuditEventRow)[];

/**
 * SQLite's writer thread: one prepared statement, reused for every row of every batch, in one transaction
 * per batch. Building and preparing a multi-row INSERT per batch through Kysely cost about an eighth of a
 * core at full token load (decision 0010). Values are bound by position, the columns named here in the
 * order of the values below: binding a row object by name costs a property look-up per column and an
 * object per row. Ids already present are skipped, as in insertAuditEvents.
 */
function sqliteAuditEventInserter(
  connection: SqliteDatabase.Database,
): (events: readonly AuditEvent[]) => void {
  const columns: (keyof AuditEventRow)[] = [
    'id',
    'organization_id',
    'occurred_at',
    'actor_type',
    'actor_id',
    'action',
    'target_type',
    'target_id',
    'result',
    'reason',
    'client_ip',
    'request_id',
    'details',
  ];
  const insert = connection.prepare(
    `insert into audit_events (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')}) on conflict (id) do nothing`,
  );
  return connection.transaction((events: readonly AuditEvent[]) => {
    for (const event of events) {
      insert.run(
        event.id,
        event.organizationId,
        event.occurredAt,
        event.actorType,
        event.actorId,
        event.action,
        event.targetType,
        event.targetId,
        event.result,
        event.reason,
        event.clientIp,
        event.requestId,
        event.details === null ? null : JSON.stringify(event.details),
      );
    }
  });
}

/**
 * PostgreSQL's writer thread: the whole batch in one statement whose text never changes, its rows passed as
 * one array per column and unpacked with `unnest`. Kysely's multi-row INSERT has a placeholder per value
 * (2,600 for 200 rows), which the thread compiled and the server parsed anew for every batch. Ids already
 * present are skipped, as in insertAuditEvents.
 */
async function insertAuditEventsAsArrays(db: Db, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(toRow);
  const arrays = auditColumns.map(
    (column) =>
      sql`${rows.map((row) => row[column])}::${sql.raw(column === 'occurred_at' ? 'bigint' : 'text')}[]`,
  );
  await sql`insert into audit_events (${sql.join(auditColumns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)}) on conflict (id) do nothing`.execute(
    db,
  );
}

/** How the writer thread inserts a batch of audit events, on either engine. */
export function auditBatchInserter(database: Database): (events: readonly AuditEvent[]) => Promise<void> {
  if (database.sqlite) {
    const insert = sqliteAuditEventInserter(database.sqlite);
    return async (events) => insert(events);
  }
  return (events) => insertAuditEventsAsArrays(database.db, events);
}
