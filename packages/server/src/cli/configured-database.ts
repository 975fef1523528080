import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/load-config.js';
import { type Database, openDatabase } from '../store/database.js';
import { sqliteFileOf } from '../store/sqlite-files.js';
import { CommandFailure, exitCodes } from './command-failure.js';

/**
 * The configured database, opened by a command on the machine that runs Portcullis. A SQLite file that is
 * not there is a refusal, not a new empty database made where a typo pointed.
 */
export function openConfiguredDatabase(config: Config): Database {
  const file = sqliteFileOf(config.databaseUrl);
  if (file && !existsSync(file)) {
    throw new CommandFailure(
      exitCodes.failed,
      `no database at ${path.resolve(file)}: run "portcullis migrate" or "portcullis start" first, or set PORTCULLIS_DATABASE_URL`,
    );
  }
  return openDatabase(config.databaseUrl);
}
