import { Counter, Gauge, type Registry } from 'prom-client';
import type { Database } from '../../store/database.js';

/** What the metrics read when scraped, each from the part that owns it; nothing here runs per request. */
export interface ScrapedSources {
  clock: () => number;
  database: Database;
  issuanceAudit: { readonly backlog: number; readonly dropped: number };
  lastUsed: { readonly backlog: number };
  clientCache: { readonly lookups: { readonly hits: number; readonly misses: number } };
  loginCache: { readonly lookups: { readonly hits: number; readonly misses: number } };
  keyRing: {
    /** The clock value at which this node last read the key table. */
    readonly keyTableReadAt: number;
    currentKey(): { stored: { createdAt: number; activatedAt: number | null } } | undefined;
  };
}

/**
 * Counts kept as plain numbers by their owners (a cache hit must cost an increment, not a label lookup)
 * are copied into a counter at each scrape; they only grow, so the counter does too.
 */
function copiedCounter<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[],
  read: () => [Record<L, string>, number][],
): void {
  new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const [labels, value] of read()) this.inc(labels, value);
    },
  });
}

function gauge<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[],
  read: () => [Record<L, string>, number][],
): void {
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const [labels, value] of read()) this.set(labels, value);
    },
  });
}

function databaseGauges(registry: Registry, database: Database): void {
  const { poolUse, fileSizes } = database;
  if (poolUse) {
    gauge(
      registry,
      'portcullis_database_pool_connections',
      'PostgreSQL connections of the main pool, by state (in_use, idle).',
      ['state'],
      () => {
        const use = poolUse();
        return [
          [{ state: 'in_use' }, use.total - use.idle],
          [{ state: 'idle' }, use.idle],
        ];
      },
    );
    gauge(
      registry,
      'portcullis_database_pool_max_connections',
      'The most connections the main PostgreSQL pool opens.',
      [],
      () => [[{}, poolUse().max]],
    );
    gauge(
      registry,
      'portcullis_database_pool_waiting_queries',
      'Queries waiting for a connection of the main PostgreSQL pool.',
      [],
      () => [[{}, poolUse().waiting]],
    );
  }
  if (fileSizes) {
    gauge(
      registry,
      'portcullis_sqlite_file_bytes',
      'Size of the SQLite database file and of its write-ahead log (which grows while checkpoints cannot finish).',
      ['file'],
      () => {
        const sizes = fileSizes();
        return [
          [{ file: 'database' }, sizes.database],
          [{ file: 'wal' }, sizes.wal],
        ];
      },
    );
  }
}

/** Registers the metrics read at scrape time. */
export function registerScrapedGauges(registry: Registry, sources: ScrapedSources): void {
  const { clock, issuanceAudit, lastUsed, clientCache, loginCache, keyRing } = sources;
  gauge(
    registry,
    'portcullis_batch_backlog',
    'Items waiting to be written in the background, by batch (issuance_audit events, last_used times); a write under way is not counted.',
    ['batch'],
    () => [
      [{ batch: 'issuance_audit' }, issuanceAudit.backlog],
      [{ batch: 'last_used' }, lastUsed.backlog],
    ],
  );
  copiedCounter(
    registry,
    'portcullis_batch_dropped_total',
    'Items dropped for good because too many waited while writes failed, by batch.',
    ['batch'],
    () => [[{ batch: 'issuance_audit' }, issuanceAudit.dropped]],
  );
  copiedCounter(
    registry,
    'portcullis_client_cache_lookups_total',
    "Look-ups of a client's cached state (token requests, and API requests with a service account's token), by result: hit (served from memory) or miss (read from the database, or waiting for a read under way).",
    ['result'],
    () => [
      [{ result: 'hit' }, clientCache.lookups.hits],
      [{ result: 'miss' }, clientCache.lookups.misses],
    ],
  );
  copiedCounter(
    registry,
    'portcullis_login_cache_lookups_total',
    "API requests' look-ups of a person's cached state (login, user, permissions), by result: hit or miss, as for clients.",
    ['result'],
    () => [
      [{ result: 'hit' }, loginCache.lookups.hits],
      [{ result: 'miss' }, loginCache.lookups.misses],
    ],
  );
  gauge(
    registry,
    'portcullis_signing_key_age_seconds',
    'How long ago the current signing key became current.',
    [],
    () => {
      const stored = keyRing.currentKey()?.stored;
      return stored ? [[{}, (clock() - (stored.activatedAt ?? stored.createdAt)) / 1000]] : [];
    },
  );
  gauge(
    registry,
    'portcullis_signing_key_table_age_seconds',
    'How long ago this node last read the signing keys; past 60 s it refuses to sign (decision 0013).',
    [],
    () => [[{}, (clock() - keyRing.keyTableReadAt) / 1000]],
  );
  databaseGauges(registry, sources.database);
}
