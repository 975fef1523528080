import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../src/store/database.js';
import { stateTables } from '../../src/store/schema.js';

/**
 * Every row of every state table (everything but the audit log), in a stable order. Last-used times are
 * left out: the usage recorder writes them in the background, a second after the request that used them.
 */
export async function snapshotState(db: Db): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of stateTables) {
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    snapshot[table] = result.rows
      .map((row) =>
        JSON.stringify(
          Object.fromEntries(
            Object.entries(row)
              .filter(([column]) => column !== 'last_used_at')
              .sort(([a], [b]) => a.localeCompare(b)),
          ),
        ),
      )
      .sort();
  }
  return snapshot;
}

export async function countAuditEvents(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The newest audit events across all organizations, newest first. */
export async function latestAuditEvents(
  db: Db,
  limit: number,
): Promise<{ action: string; reason: string | null }[]> {
  return db
    .selectFrom('audit_events')
    .select(['action', 'reason'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * A refused token request wrote exactly one `token.refused` event with `reason` since `countBefore` was
 * taken, or none when the refusal is not audited (`reason` undefined).
 */
export async function expectRefusalAudited(db: Db, countBefore: number, reason: string | undefined) {
  const added = (await countAuditEvents(db)) - countBefore;
  if (reason === undefined) {
    expect(added).toBe(0);
    return;
  }
  expect(added).toBe(1);
  expect(await latestAuditEvents(db, 1)).toEqual([{ action: 'token.refused', reason }]);
}
