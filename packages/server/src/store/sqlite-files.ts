import { existsSync, renameSync, rmSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import type { Database } from './database.js';

/** The SQLite file a database URL names, or undefined for PostgreSQL and an in-memory database. */
export function sqliteFileOf(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith('sqlite:')) return undefined;
  const file = databaseUrl.slice('sqlite:'.length);
  return file === ':memory:' ? undefined : file;
}

const companions = (file: string) => [`${file}-wal`, `${file}-shm`];

/**
 * A consistent copy of an open SQLite database, taken page by page while it stays in use (SQLite's online
 * backup), then checked: the problems `quick_check` finds, none when the copy is sound.
 */
export async function backupSqlite(database: Database, destination: string): Promise<string[]> {
  if (!database.sqlite) throw new Error('backupSqlite needs a SQLite database');
  await database.sqlite.backup(destination);
  const copy = new SqliteDatabase(destination, { readonly: true });
  try {
    const rows = copy.pragma('quick_check') as { quick_check: string }[];
    return rows.map((row) => row.quick_check).filter((result) => result !== 'ok');
  } finally {
    copy.close();
  }
}

/**
 * Whether another connection has the file open (a running Portcullis keeps several). In WAL mode every
 * connection holds a shared lock on the file's shared memory while it is open, idle or not, so an
 * exclusive lock is refused at once. Free, the file's write-ahead log is folded into it first, so the
 * file alone holds everything.
 */
export function sqliteFileInUse(file: string): boolean {
  const connection = new SqliteDatabase(file, { fileMustExist: true, timeout: 0 });
  try {
    connection.pragma('locking_mode = EXCLUSIVE');
    connection.exec('begin exclusive');
    connection.exec('commit');
    connection.pragma('wal_checkpoint(TRUNCATE)');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    connection.close();
  }
}

/**
 * Puts `replacement` where `file` is, keeping the file it replaces, if any, beside it as `aside` (with its
 * write-ahead log folded in by `sqliteFileInUse`). Renames within one folder, so each step is atomic.
 */
export function replaceSqliteFile(file: string, replacement: string, aside: string | null): void {
  if (aside && existsSync(file)) renameSync(file, aside);
  for (const companion of [...companions(file), ...companions(replacement)])
    rmSync(companion, { force: true });
  renameSync(replacement, file);
}
