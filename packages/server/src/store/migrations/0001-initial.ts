import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited: add a new numbered file instead.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('programmatic_access_available', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('programmatic_access_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('accounts_org_name_unique', ['organization_id', 'name'])
    .execute();
  await db.schema
    .createIndex('accounts_one_default')
    .on('accounts')
    .column('organization_id')
    .unique()
    .where(sql.ref('is_default'), '=', 1)
    .execute();

  await db.schema
    .createTable('logins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('is_organization_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_platform_operator', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('logins_organization').on('logins').column('organization_id').execute();

  await db.schema
    .createTable('service_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_organization_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    // 'organization' (Firebolt), 'client_credential' (FireTail) or 'access_key' (Firefly).
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('organization'))
    // Canonical permission text the credential was narrowed to; NULL means "everything its user has".
    .addColumn('granted_permissions', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('login_id', 'text', (c) => c.references('logins.id').onDelete('cascade'))
    // RESTRICT backs the rule that a service account tied to users cannot be dropped.
    .addColumn('service_account_id', 'text', (c) => c.references('service_accounts.id').onDelete('restrict'))
    .addColumn('default_database', 'text')
    .addColumn('default_engine', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('users_account_name_unique', ['account_id', 'name'])
    .addUniqueConstraint('users_account_service_account_unique', ['account_id', 'service_account_id'])
    .addUniqueConstraint('users_account_login_unique', ['account_id', 'login_id'])
    .addCheckConstraint('users_one_principal', sql`login_id is null or service_account_id is null`)
    .execute();
  await db.schema.createIndex('users_service_account').on('users').column('service_account_id').execute();
  // Personal credentials act through their owner's user; the column comes after users exists because
  // PostgreSQL needs the referenced table. Losing the owner leaves the credential ownerless and unusable.
  await db.schema
    .alterTable('service_accounts')
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('service_accounts_org_name_unique')
    .on('service_accounts')
    .columns(['organization_id', 'name'])
    .unique()
    .where(sql.ref('kind'), '=', 'organization')
    .execute();
  await db.schema
    .createIndex('service_accounts_owner_name_unique')
    .on('service_accounts')
    .columns(['owner_user_id', 'name'])
    .unique()
    .where(sql.ref('kind'), '!=', 'organization')
    .execute();
  await db.schema.createIndex('users_login').on('users').column('login_id').execute();

  await db.schema
    .createTable('roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('permissions', 'text', (c) => c.notNull())
    .addColumn('is_builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('roles_org_name_unique', ['organization_id', 'name'])
    .execute();

  await db.schema
    .createTable('role_assignments')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role_id', 'text', (c) => c.notNull().references('roles.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_assignments_pk', ['user_id', 'role_id'])
    .execute();
  await db.schema.createIndex('role_assignments_role').on('role_assignments').column('role_id').execute();

  await db.schema
    .createTable('service_account_secrets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_account_id', 'text', (c) =>
      c.notNull().references('service_accounts.id').onDelete('cascade'),
    )
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('display_prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('expires_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('last_used_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('secrets_service_account')
    .on('service_account_secrets')
    .column('service_account_id')
    .execute();
  // The database itself guarantees at most one current (unrevoked, non-expiring) secret per service account.
  await db.schema
    .createIndex('secrets_one_current')
    .on('service_account_secrets')
    .column('service_account_id')
    .unique()
    .where(sql<boolean>`revoked_at is null and expires_at is null`)
    .execute();

  await db.schema
    .createTable('signing_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('private_key_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('activated_at', 'bigint')
    .addColumn('retired_at', 'bigint')
    .execute();
  // Several nodes agree on one current key, and one next key, because the database allows only one of each.
  await db.schema
    .createIndex('signing_keys_one_current')
    .on('signing_keys')
    .column('state')
    .unique()
    .where(sql.ref('state'), '=', 'current')
    .execute();
  await db.schema
    .createIndex('signing_keys_one_next')
    .on('signing_keys')
    .column('state')
    .unique()
    .where(sql.ref('state'), '=', 'next')
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text')
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('client_ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('details', 'text')
    .execute();
  await db.schema
    .createIndex('audit_events_org_time')
    .on('audit_events')
    .columns(['organization_id', 'occurred_at'])
    .execute();
  await db.schema.createIndex('audit_events_target').on('audit_events').column('target_id').execute();
  await db.schema.createIndex('audit_events_actor').on('audit_events').column('actor_id').execute();
}
