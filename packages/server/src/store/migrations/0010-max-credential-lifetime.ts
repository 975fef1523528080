import type { Kysely } from 'kysely';

// Landed migrations are never edited: add a new numbered file instead.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // The most days a member's personal credential may last from when it is made or edited; NULL: no cap.
  // Existing organizations keep having none.
  await db.schema.alterTable('organizations').addColumn('max_credential_lifetime_days', 'integer').execute();
}
