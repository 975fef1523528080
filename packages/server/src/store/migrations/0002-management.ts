import type { Kysely } from 'kysely';

// Landed migrations are never edited: add a new numbered file instead.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('network_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Space-separated addresses and CIDR ranges, normalised.
    .addColumn('allowed', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('blocked', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('network_policies_org_name_unique', ['organization_id', 'name'])
    .execute();

  for (const table of ['organizations', 'logins', 'service_accounts']) {
    // Deleting an attached policy is refused (or detaches, on CASCADE) by the service; SET NULL backs it.
    await db.schema
      .alterTable(table)
      .addColumn('network_policy_id', 'text', (c) => c.references('network_policies.id').onDelete('set null'))
      .execute();
  }

  // Per-organization token settings; NULL means the server's configured default.
  await db.schema.alterTable('organizations').addColumn('allowed_audiences', 'text').execute();
  await db.schema.alterTable('organizations').addColumn('token_ttl_seconds', 'integer').execute();

  // Valid-to in UTC plus the IANA time zone it was entered in (FireTail), and when it was last used.
  await db.schema.alterTable('service_accounts').addColumn('valid_to', 'bigint').execute();
  await db.schema.alterTable('service_accounts').addColumn('valid_to_timezone', 'text').execute();
  await db.schema.alterTable('service_accounts').addColumn('last_used_at', 'bigint').execute();

  // Revocations resource servers must learn about: a revoked token (jti), or every token of a subject issued
  // before a moment (not_before). Ids are time-ordered, so they double as the feed's cursor.
  await db.schema
    .createTable('revocation_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('jti', 'text')
    .addColumn('subject', 'text')
    .addColumn('not_before', 'bigint')
    .addColumn('reason', 'text', (c) => c.notNull())
    // 'void': tokens before not_before are dead everywhere; 'recheck': their claims may be stale (live
    // checks recompute them, offline verifiers must stop trusting them).
    .addColumn('effect', 'text', (c) => c.notNull().defaultTo('void'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // After this, no token the event concerns can still be valid, and the event can be forgotten.
    .addColumn('forget_after', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('revocation_events_jti').on('revocation_events').column('jti').execute();
  await db.schema
    .createIndex('revocation_events_subject')
    .on('revocation_events')
    .columns(['subject', 'not_before'])
    .execute();

  await db.schema
    .createIndex('audit_events_org_action')
    .on('audit_events')
    .columns(['organization_id', 'action'])
    .execute();
}
