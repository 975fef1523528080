import type { Kysely } from 'kysely';

// Landed migrations are never edited: add a new numbered file instead.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // Failed attempts per service account or login, and the temporary lock they started: one row per subject,
  // shared by every node (decisions/0015-rate-limits-and-lockouts.md). The subject is a service account or a
  // login, so there is no foreign key; rows of deleted subjects are left out of listings and never match.
  await db.schema
    .createTable('lockouts')
    .addColumn('subject_id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'bigint', (c) => c.notNull())
    .addColumn('last_client_ip', 'text')
    .addColumn('locked_until', 'bigint')
    .execute();
  await db.schema
    .createIndex('lockouts_organization')
    .on('lockouts')
    .columns(['organization_id', 'subject_id'])
    .execute();
}
