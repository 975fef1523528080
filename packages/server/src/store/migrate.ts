import { type Migration, type MigrationResult, Migrator, sql } from 'kysely';
import type { Database } from './database.js';
import * as initial from './migrations/0001-initial.js';
import * as management from './migrations/0002-management.js';
import * as platformIntrospection from './migrations/0003-platform-introspection.js';
import * as changeCounter from './migrations/0004-change-counter.js';
import * as revocationFeedOrder from './migrations/0005-revocation-feed-order.js';
import * as lockouts from './migrations/0007-lockouts.js';
import * as normalisedEmails from './migrations/0008-normalised-emails.js';
import * as boundedLists from './migrations/0009-bounded-lists.js';
import * as maxCredentialLifetime from './migrations/0010-max-credential-lifetime.js';
import * as connectionPreference from './migrations/0011-connection-preference.js';
import * as unscopedAuditIndexes from './migrations/0012-unscoped-audit-indexes.js';

/** Ordered, versioned migrations. Append; never edit or reorder a landed entry. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-management': management,
  '0003-platform-introspection': platformIntrospection,
  '0004-change-counter': changeCounter,
  '0005-revocation-feed-order': revocationFeedOrder,
  '0007-lockouts': lockouts,
  '0008-normalised-emails': normalisedEmails,
  '0009-bounded-lists': boundedLists,
  '0010-max-credential-lifetime': maxCredentialLifetime,
  '0011-connection-preference': connectionPreference,
  '0012-unscoped-audit-indexes': unscopedAuditIndexes,
};

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date. Safe to run from several nodes at once: Kysely takes a lock table. */
export async function migrateToLatest({ db, engine }: Database): Promise<MigrationReport> {
  // Kysely looks for its own tables in every schema unless told which one; with several Portcullis
  // schemas in one PostgreSQL database it would find another's and skip creating its own.
  const schema =
    engine === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrateRetryingVanishedRelations(migrator, engine);
  if (error) throw error;
  return {
    applied: (results ?? [])
      .filter((r: MigrationResult) => r.status === 'Success')
      .map((r) => r.migrationName),
  };
}

/** Where a database stands against the migrations this version knows. */
export interface MigrationStatus {
  applied: string[];
  /** Known here, not applied yet: `portcullis migrate` applies them. */
  pending: string[];
  /** Applied, unknown here: the database was migrated by a newer version. */
  unknown: string[];
}

/** Reads which migrations a database has, changing nothing (an empty database has none). */
export async function migrationStatus({ db, engine }: Database): Promise<MigrationStatus> {
  // The table in this database's own schema only: one PostgreSQL database may hold several Portcullises.
  const present =
    engine === 'postgres'
      ? sql<{ found: string | null }>`select to_regclass('kysely_migration')::text as found`
      : sql<{
          found: string | null;
        }>`select name as found from sqlite_master where name = 'kysely_migration'`;
  const applied = (await present.execute(db)).rows[0]?.found
    ? (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map(
        (row) => row.name,
      )
    : [];
  const known = Object.keys(migrations);
  return {
    applied,
    pending: known.filter((name) => !applied.includes(name)),
    unknown: applied.filter((name) => !known.includes(name)),
  };
}

/**
 * Kysely checks that its own tables exist by listing every table of every schema, even with
 * `migrationTableSchema` given. On PostgreSQL, a schema dropped or a table renamed elsewhere in the
 * database while that list is read fails the listing (`3F000`, `42P01`), though it concerns no table of
 * ours. Nothing has been migrated when it fails there, so a few more tries are safe; an error of our own
 * migrations repeats and is thrown.
 */
async function migrateRetryingVanishedRelations(
  migrator: Migrator,
  engine: Database['engine'],
): Promise<Awaited<ReturnType<Migrator['migrateToLatest']>>> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await migrator.migrateToLatest();
    const code = (outcome.error as { code?: unknown } | undefined)?.code;
    const vanished = engine === 'postgres' && (code === '3F000' || code === '42P01');
    if (!vanished || attempt === 5) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
  }
}
