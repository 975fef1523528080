import type { Database as SqliteConnection, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * The connection as Kysely sees it, preparing each distinct SQL text once. Kysely's SQLite driver prepares
 * every query it runs, and preparing costs more than running the short queries an API request makes (a
 * profile of an authenticated GET put 13% of its CPU in `prepare`): every request checks its token's
 * revocation, its login and its permissions. Kysely runs one query at a time on a connection, and `all`
 * and `run` finish before they return, so one statement serves every run of its text. `iterate` holds its
 * statement while the caller reads, so it gets one of its own. The least recently used statement is
 * dropped past `capacity`: texts that vary with the length of an `in (…)` list would otherwise pile up.
 */
export function withStatementCache(connection: SqliteConnection, capacity = 500): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  const cached = (text: string): SqliteStatement => {
    const statement: Statement<unknown[]> = connection.prepare(text);
    // As Kysely passes them: one array, which better-sqlite3 binds to the anonymous parameters in order.
    return {
      reader: statement.reader,
      all: (parameters) => statement.all(parameters),
      run: (parameters) => statement.run(parameters),
      iterate: (parameters) => connection.prepare<unknown[]>(text).iterate(parameters),
    };
  };
  return {
    close: () => connection.close(),
    prepare(text) {
      let statement = statements.get(text);
      if (statement) {
        statements.delete(text);
      } else {
        statement = cached(text);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value as string);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}
