import type SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../database.js';

/** Inside a transaction on PostgreSQL: every connection listening on `channel` hears of it if it commits. */
export async function notifyChange(db: Db, channel: string): Promise<void> {
  await sql`select pg_notify(${channel}, '')`.execute(db);
}

/** Inside a use-case transaction: the counter moves when, and only if, the transaction commits. */
export async function bumpChangeCounter(db: Db): Promise<void> {
  await db
    .updateTable('change_counter')
    .set((eb) => ({ generation: eb('generation', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

/**
 * A synchronous read of the counter on SQLite, cheap enough to run whenever `PRAGMA data_version` says
 * another connection committed. Prepared on first use, after the migrations created the table.
 */
export function changeCounterReader(connection: SqliteDatabase.Database): () => number {
  let statement: SqliteDatabase.Statement | undefined;
  return () => {
    statement ??= connection.prepare('select generation from change_counter where id = 1').pluck();
    return Number(statement.get());
  };
}
