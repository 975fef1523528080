import type { Kysely } from 'kysely';

// Landed migrations are never edited: add a new numbered file instead.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // A platform resource server: introspects tokens and follows the revocation feed of every organization.
  // Only a platform operator sets it (decision 0011).
  await db.schema
    .alterTable('service_accounts')
    .addColumn('platform_introspection', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
