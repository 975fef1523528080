import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited: add a new numbered file instead.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // The feed's cursor was the event id, made by the application before commit: a transaction that took an
  // id and committed after a later one was never seen by a follower already past it. Positions come from
  // one counter row that each writing transaction holds until it commits, so they follow commit order.
  await db.schema
    .createTable('revocation_feed')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('revocation_events')
    .addColumn('feed_position', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update revocation_events set feed_position =
    (select count(*) from revocation_events earlier where earlier.id <= revocation_events.id)`.execute(db);
  await sql`insert into revocation_feed (id, last_position)
    select 1, count(*) from revocation_events`.execute(db);
  await db.schema
    .createIndex('revocation_events_feed_position')
    .unique()
    .on('revocation_events')
    .column('feed_position')
    .execute();
}
