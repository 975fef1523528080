import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type LogEvent,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.js';
import { withStatementCache } from './sqlite-statement-cache.js';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<Schema>;

export interface Database {
  db: Db;
  engine: Engine;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /**
   * PostgreSQL only: LISTEN on a channel with a connection of its own; `onReconnect` runs after the
   * connection was lost and regained (notifications may have been missed meanwhile).
   */
  listen?(channel: string, onNotify: () => void, onReconnect: () => void): Promise<() => Promise<void>>;
  /**
   * SQLite only: a number that changes whenever another connection (another thread or process) has
   * committed to the file since the last call; this connection's own commits do not move it.
   */
  dataVersion?(): number;
  /** SQLite only: the connection itself, for the few writes that reuse prepared statements. */
  sqlite?: SqliteDatabase.Database;
  /** PostgreSQL only: the pool's connections and the queries waiting for one, now. */
  poolUse?(): PoolUse;
  /** SQLite on a file only: the sizes of the database file and its write-ahead log, in bytes. */
  fileSizes?(): { database: number; wal: number };
  close(): Promise<void>;
}

export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

const int8Oid = 20;

/**
 * Transactions take the write lock when they begin. Another connection writes to the same file (the
 * background writer thread, other processes), and a deferred transaction that read first and then wants to
 * write fails at once with SQLITE_BUSY when that connection committed in between; waiting at BEGIN instead
 * goes through the busy timeout like any other write.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }
}

export interface OpenOptions {
  /**
   * The audit reader thread's connection, which only reads, and only through indexes in their order
   * (decision 0019): SQLite refuses writes on it. On PostgreSQL its transactions are read-only and the
   * planner may sort, scan a whole table or build a bitmap only when nothing else can answer: with
   * statistics that lag an organization's growth it chose to sort the organization's log for every page.
   */
  orderedReader?: boolean;
  /** Called after each query with its time (Kysely's log hook), for the metrics. */
  onQuery?: (event: LogEvent) => void;
}

function fileBytes(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.size ?? 0;
}

function openSqlite(file: string, options: OpenOptions): Database {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const connection = new SqliteDatabase(file);
  connection.pragma('journal_mode = WAL');
  // FULL: a committed secret rotation or revocation survives power loss. Token issuance keeps its own
  // writes off this path, so the fsync per commit costs only on administrative changes.
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  if (options.orderedReader) connection.pragma('query_only = ON');
  const db = new Kysely<Schema>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(connection) }),
    ...(options.onQuery ? { log: options.onQuery } : {}),
  });
  const dataVersion = connection.prepare('pragma data_version').pluck();
  return {
    db,
    engine: 'sqlite',
    dataVersion: () => dataVersion.get() as number,
    sqlite: connection,
    ...(file === ':memory:'
      ? {}
      : { fileSizes: () => ({ database: fileBytes(file), wal: fileBytes(`${file}-wal`) }) }),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

const poolSize = 10;

function openPostgres(url: string, options: OpenOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // BIGINT columns hold epoch milliseconds, well inside Number's exact range.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === int8Oid ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // The pool drops a connection the server closed while it sat idle (a restart, a failover, a terminated
  // backend) and reports it as an 'error' event, which unheard ends the process — or the writer thread,
  // for good. The next query opens a new connection; if the server is really gone, that query fails.
  pool.on('error', () => undefined);
  // A connection the server ends under a running query (a terminated backend, a failover) fails that query,
  // then emits 'error' on a client the pool has handed out, where nothing listens: unheard, it ended the
  // writer thread when a retry had taken the dying client from the pool an instant before. The query's
  // failure is what callers handle; the pool drops the client when it comes back.
  pool.on('connect', (client) => client.on('error', () => undefined));
  if (options.orderedReader) {
    // Queued on each new connection before the pool hands it out.
    pool.on('connect', (client) => {
      client
        .query(
          'set default_transaction_read_only = on; set enable_sort = off; set enable_seqscan = off; set enable_bitmapscan = off',
        )
        .catch(() => undefined);
    });
  }
  const db = new Kysely<Schema>({
    dialect: new PostgresDialect({ pool }),
    ...(options.onQuery ? { log: options.onQuery } : {}),
  });
  return {
    db,
    engine: 'postgres',
    poolUse: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: poolSize,
    }),
    listen: async (channel, onNotify, onReconnect) => {
      let stopped = false;
      let client: pg.Client | undefined;
      const connect = async (): Promise<void> => {
        const next = new pg.Client({ connectionString: url });
        next.on('notification', onNotify);
        next.on('error', () => undefined);
        next.on('end', () => {
          if (stopped) return;
          setTimeout(
            () =>
              void connect()
                .then(onReconnect)
                .catch(() => undefined),
            1000,
          ).unref();
        });
        await next.connect();
        await next.query(`LISTEN ${channel}`);
        client = next;
      };
      await connect();
      return async () => {
        stopped = true;
        await client?.end().catch(() => undefined);
      };
    },
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/** `sqlite:<file>` or `postgres://…`; the URL was validated with the rest of the configuration. */
export function openDatabase(url: string, options: OpenOptions = {}): Database {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length), options);
  return openPostgres(url, options);
}
