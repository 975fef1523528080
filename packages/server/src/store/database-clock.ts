import { sql } from 'kysely';
import type { Database } from './database.js';

/**
 * The database server's clock in epoch milliseconds, for comparing with this machine's; undefined for
 * SQLite, which runs on this machine's clock.
 */
export async function databaseNow(database: Database): Promise<number | undefined> {
  if (database.engine !== 'postgres') return undefined;
  const { rows } = await sql<{
    now: string;
  }>`select (extract(epoch from clock_timestamp()) * 1000)::bigint::text as now`.execute(database.db);
  return rows[0] ? Number(rows[0].now) : undefined;
}
