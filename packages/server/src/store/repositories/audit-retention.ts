import { sql } from 'kysely';
import type { Database, Db } from '../database.js';

/**
 * A piece of the audit log's retention (decision 0024), each read through the primary key's range so that
 * it costs at most `limit` events however large the log:
 * - `expired`: deletes the `limit` oldest events before `beforeId`, whatever their kind (everything there
 *   is past the longer retention).
 * - `short_lived`: reads the next `limit` events after `afterId` and before `beforeId`, and deletes those
 *   that take the shorter retention: token issuance, and refusals that belong to no organization (no
 *   organization can read them). The events kept are read past, once per walk.
 */
export type AuditPruneStep =
  | { kind: 'expired'; beforeId: string }
  | { kind: 'short_lived'; afterId: string; beforeId: string };

export interface PrunedPiece {
  /** Events of the range the piece went through: fewer than the limit means the range is done. */
  read: number;
  deleted: number;
  /** The last event it went through, where the next piece of a walk starts. */
  lastId: string | null;
}

/** The action whose events take the shorter retention. */
export const issuanceAction = 'token.issued';

/**
 * Deletes one piece. Walks go by id, and the primary key is the one index that holds every event in id
 * order: a per-organization index would have PostgreSQL's planner scan the primary key anyway once its
 * statistics say most rows match (and SQLite's, without statistics, pick either).
 */
export async function pruneAuditEvents(
  { db, engine }: Pick<Database, 'db' | 'engine'>,
  step: AuditPruneStep,
  limit: number,
): Promise<PrunedPiece> {
  if (step.kind === 'expired') {
    // On PostgreSQL, rows another node is deleting at the same moment are skipped rather than waited for.
    const lock = sql.raw(engine === 'postgres' ? ' for update skip locked' : '');
    const result =
      await sql`delete from audit_events where id in (select id from audit_events where id < ${step.beforeId} order by id limit ${limit}${lock})`.execute(
        db,
      );
    const deleted = Number(result.numAffectedRows ?? 0);
    return { read: deleted, deleted, lastId: null };
  }
  const events = await db
    .selectFrom('audit_events')
    .select(['id', 'organization_id', 'action', 'result'])
    .where('id', '>', step.afterId)
    .where('id', '<', step.beforeId)
    .orderBy('id')
    .limit(limit)
    .execute();
  const shortLived = events
    .filter(
      (event) =>
        event.action === issuanceAction || (event.organization_id === null && event.result === 'failure'),
    )
    .map((event) => event.id);
  return {
    read: events.length,
    deleted: await deleteEvents(db, shortLived),
    lastId: events.at(-1)?.id ?? null,
  };
}

async function deleteEvents(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom('audit_events').where('id', 'in', ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Whether any event is older than `beforeId`: one index entry read. */
export async function hasEventsBefore({ db }: Pick<Database, 'db'>, beforeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('audit_events')
    .select('id')
    .where('id', '<', beforeId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
