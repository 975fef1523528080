import type { Kysely } from 'kysely';

// Landed migrations are never edited: add a new numbered file instead.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // One row, moved by every use-case transaction. On SQLite it tells cached hot data that state changed,
  // apart from the background writer's audit and last-used commits (runtime/cache/change-generation.ts).
  await db.schema
    .createTable('change_counter')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('change_counter').values({ id: 1, generation: 0 }).execute();
}
