import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type Config, loadConfig } from '../config/load-config.js';
import type { Database } from '../store/database.js';
import { CommandFailure, exitCodes } from './command-failure.js';
import { withOperatorOptions } from './operator-options.js';
import { printRecord } from './record-output.js';

const postgresBackup = (action: 'backup' | 'restore') =>
  action === 'backup'
    ? 'on PostgreSQL, back up with pg_dump: pg_dump --format=custom --file portcullis.dump "$PORTCULLIS_DATABASE_URL"'
    : 'on PostgreSQL, restore with pg_restore: pg_restore --clean --if-exists --dbname "$PORTCULLIS_DATABASE_URL" portcullis.dump';

/** The configured SQLite file; PostgreSQL has its own tools, which these commands point to. */
async function configuredFile(config: Config, action: 'backup' | 'restore'): Promise<string> {
  const { sqliteFileOf } = await import('../store/sqlite-files.js');
  const file = sqliteFileOf(config.databaseUrl);
  if (file) return path.resolve(file);
  if (config.databaseUrl.startsWith('sqlite:')) {
    throw new CommandFailure(exitCodes.usage, `an in-memory database has nothing to ${action}`);
  }
  throw new CommandFailure(exitCodes.usage, postgresBackup(action));
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * Whether `candidate` is a Portcullis database this version can run, and opens with this master key;
 * the reason it is not, else its last migration.
 */
async function verifyCandidate(config: Config, candidate: string): Promise<string> {
  const { openDatabase } = await import('../store/database.js');
  const { migrationStatus } = await import('../store/migrate.js');
  const { deriveKeys, readMasterKey } = await import('../config/master-key.js');
  const { openStoredKeys } = await import('../runtime/signing/stored-keys-check.js');
  const notSqlite = (error: { code?: string }) =>
    error.code === 'SQLITE_NOTADB' || error.code === 'SQLITE_CORRUPT';
  let database: Database;
  try {
    database = openDatabase(`sqlite:${candidate}`);
  } catch (error) {
    if (notSqlite(error as { code?: string }))
      throw new CommandFailure(exitCodes.failed, 'it is not a SQLite database');
    throw error;
  }
  try {
    const status = await migrationStatus(database).catch((error: { code?: string }) => {
      if (notSqlite(error)) return undefined;
      throw error;
    });
    const last = status?.applied.at(-1);
    if (!status || !last) throw new CommandFailure(exitCodes.failed, 'it is not a Portcullis database');
    if (status.unknown.length > 0) {
      throw new CommandFailure(
        exitCodes.failed,
        `it was migrated by a newer Portcullis (${status.unknown.join(', ')}): restore it with that version`,
      );
    }
    const masterKey = readMasterKey(config.masterKey, config.dataDir);
    const keys = masterKey
      ? await openStoredKeys(database.db, deriveKeys(masterKey).signingKeyWrapKey)
      : { opened: 0, refused: ['all'] };
    if (keys.refused.length > 0) {
      throw new CommandFailure(
        exitCodes.failed,
        `its signing keys do not open with ${masterKey ? 'this' : 'no'} master key: set PORTCULLIS_MASTER_KEY (or ${path.join(config.dataDir, 'master.key')}) to the key of the installation it was taken from`,
      );
    }
    return last;
  } finally {
    await database.close();
  }
}

/** `portcullis backup` and `portcullis restore`: the SQLite file, copied consistently while in use, and back. */
export function addBackupCommands(program: Command): void {
  withOperatorOptions(
    program
      .command('backup')
      .description('Copy the SQLite database consistently while Portcullis runs (PostgreSQL: use pg_dump)')
      .argument('<file>', 'where to write the copy (must not exist)')
      .option('--json', 'print JSON instead of a table, for scripts'),
    [
      'portcullis backup backups/portcullis-$(date +%F).db',
      'PORTCULLIS_DATABASE_URL=sqlite:/var/lib/portcullis/portcullis.db portcullis backup /backups/portcullis.db',
    ],
  )
    .addHelpText(
      'after',
      '\nThe copy holds signing keys sealed with the master key and hashed secrets: keep it as safe as the\nmaster key, and keep the master key (PORTCULLIS_MASTER_KEY or master.key) with it, or it cannot be used.\n',
    )
    .action(async (destination: string, options: { json?: boolean }) => {
      const config = loadConfig();
      const file = await configuredFile(config, 'backup');
      const target = path.resolve(destination);
      if (existsSync(target))
        throw new CommandFailure(exitCodes.failed, `${target} exists: choose a new file`);
      const { openConfiguredDatabase } = await import('./configured-database.js');
      const { backupSqlite } = await import('../store/sqlite-files.js');
      const { migrationStatus } = await import('../store/migrate.js');
      const database = openConfiguredDatabase(config);
      let problems: string[];
      let migration: string | undefined;
      try {
        migration = (await migrationStatus(database)).applied.at(-1);
        problems = await backupSqlite(database, target);
      } finally {
        await database.close();
      }
      if (problems.length > 0) {
        rmSync(target, { force: true });
        throw new CommandFailure(exitCodes.failed, `the copy failed its check: ${problems.join('; ')}`);
      }
      printRecord(
        { database: file, backup: target, bytes: statSync(target).size, migration: migration ?? null },
        [
          { heading: 'database', value: (r) => r.database },
          { heading: 'backup', value: (r) => r.backup },
          { heading: 'bytes', value: (r) => r.bytes },
          { heading: 'migration', value: (r) => r.migration },
        ],
        options,
      );
    });

  withOperatorOptions(
    program
      .command('restore')
      .description(
        'Put a backup in place of the SQLite database, with Portcullis stopped (PostgreSQL: pg_restore)',
      )
      .argument('<file>', 'a file "portcullis backup" wrote')
      .option('--json', 'print JSON instead of a table, for scripts'),
    ['portcullis restore backups/portcullis-2026-05-01.db'],
  )
    .addHelpText(
      'after',
      `
Refused while any process has the database open (a running Portcullis: stop every node first), and
unless the backup is a Portcullis database this version knows, whose signing keys open with the
configured master key. The database it replaces is kept beside it as <file>.replaced-<time>.
`,
    )
    .action(async (backup: string, options: { json?: boolean }) => {
      const config = loadConfig();
      const file = await configuredFile(config, 'restore');
      const source = path.resolve(backup);
      if (!existsSync(source)) throw new CommandFailure(exitCodes.failed, `${source} does not exist`);
      const { replaceSqliteFile, sqliteFileInUse } = await import('../store/sqlite-files.js');
      if (existsSync(file) && sqliteFileInUse(file)) {
        throw new CommandFailure(
          exitCodes.failed,
          `${file} is open in another process (a running Portcullis?): stop it, then restore`,
        );
      }
      const staged = `${file}.restoring-${process.pid}`;
      copyFileSync(source, staged);
      try {
        const migration = await verifyCandidate(config, staged).catch((error: unknown) => {
          if (error instanceof CommandFailure) {
            throw new CommandFailure(error.exitCode, `${source} cannot be restored: ${error.message}`);
          }
          throw error;
        });
        const aside = existsSync(file) ? `${file}.replaced-${stamp()}` : null;
        replaceSqliteFile(file, staged, aside);
        printRecord(
          { database: file, restoredFrom: source, migration, replacedKeptAs: aside },
          [
            { heading: 'database', value: (r) => r.database },
            { heading: 'restored from', value: (r) => r.restoredFrom },
            { heading: 'migration', value: (r) => r.migration },
            { heading: 'replaced, kept as', value: (r) => r.replacedKeptAs },
          ],
          options,
        );
      } finally {
        rmSync(staged, { force: true });
        for (const companion of ['-wal', '-shm']) rmSync(`${staged}${companion}`, { force: true });
      }
    });
}
