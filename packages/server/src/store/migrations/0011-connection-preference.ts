import type { Kysely } from 'kysely';

// Landed migrations are never edited: add a new numbered file instead.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // Firebolt's CONNECTION_PREFERENCE (public_only, private_only, prefer_public, prefer_private); NULL is its
  // DEFAULT, the organization's preference. Stored and shown; Portcullis has one way in, so it routes nothing.
  await db.schema.alterTable('service_accounts').addColumn('connection_preference', 'text').execute();
}
