import type { Kysely } from 'kysely';

// Landed migrations are never edited: add a new numbered file instead.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // The first audit indexes, on target_id and actor_id alone. Since 0009 every audit read is scoped to an
  // organization and goes through (organization_id, column, id), so nothing reads these, and each issued
  // token paid for their upkeep: about a fifth of an audit row's insert cost on SQLite.
  await db.schema.dropIndex('audit_events_target').ifExists().execute();
  await db.schema.dropIndex('audit_events_actor').ifExists().execute();
}
