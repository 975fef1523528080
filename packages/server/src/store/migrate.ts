import { type Migration, type MigrationResult, Migrator } from 'kysely';
import type { Db } from './database.js';
import * as initial from './migrations/0001-initial.js';

/** Ordered, versioned migrations. Append; never edit or reorder a landed entry. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
};

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date. Safe to run from several nodes at once: Kysely takes a lock table. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return {
    applied: (results ?? [])
      .filter((r: MigrationResult) => r.status === 'Success')
      .map((r) => r.migrationName),
  };
}
