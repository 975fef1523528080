import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import { loadCatalog } from './config/load-catalog.js';
import type { Config } from './config/load-config.js';
import { logDestination } from './config/log-destination.js';
import { deriveKeys, resolveMasterKey } from './config/master-key.js';
import { buildApp } from './http/build-app.js';
import { loggerOptions } from './http/logger-options.js';
import { startMetricsListener } from './http/metrics-endpoint.js';
import { type AuditReader, inlineAuditReader } from './runtime/audit-reads/audit-reader.js';
import { ThreadedAuditReader } from './runtime/audit-reads/audit-reader-thread.js';
import { ReadPacing } from './runtime/audit-reads/read-pacing.js';
import { AuditRetention } from './runtime/audit-retention/audit-retention.js';
import { AuditBatch } from './runtime/batching/audit-batch.js';
import { UnattributedRefusals } from './runtime/batching/unattributed-refusals.js';
import { UsageRecorder } from './runtime/batching/usage-recorder.js';
import { ChangeGeneration } from './runtime/cache/change-generation.js';
import { HotStateCache } from './runtime/cache/hot-state-cache.js';
import { PortcullisMetrics } from './runtime/metrics/portcullis-metrics.js';
import { registerScrapedGauges } from './runtime/metrics/scraped-gauges.js';
import { RevocationRetention } from './runtime/revocation/revocation-retention.js';
import { openKeyRing } from './runtime/signing/open-key-ring.js';
import { RotationSchedule } from './runtime/signing/rotation-schedule.js';
import { type BootstrapResult, bootstrap } from './services/bootstrap/bootstrap.js';
import type { ServiceContext } from './services/context.js';
import { FailedAttempts, lockoutPolicies } from './services/lockouts/failed-attempts.js';
import {
  type AuditPruner,
  type BackgroundWriter,
  inlineBackgroundWriter,
} from './store/background/background-writes.js';
import { ThreadedBackgroundWriter } from './store/background/threaded-writer.js';
import { type Database, openDatabase } from './store/database.js';
import { migrateToLatest } from './store/migrate.js';

export interface Portcullis {
  app: FastifyInstance;
  database: Database;
  ctx: ServiceContext;
  bootstrap: BootstrapResult;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Where logs go; defaults to stdout. Tests pass a capture stream. */
  logStream?: DestinationStream;
  clock?: () => number;
}

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function backgroundWriterFor(database: Database, databaseUrl: string): BackgroundWriter & AuditPruner {
  // An in-memory SQLite database cannot be opened from a second thread.
  return databaseUrl === 'sqlite::memory:'
    ? inlineBackgroundWriter(database)
    : new ThreadedBackgroundWriter(databaseUrl);
}

function auditReaderFor(database: Database, databaseUrl: string): AuditReader {
  // An in-memory SQLite database cannot be opened from a second thread.
  return databaseUrl === 'sqlite::memory:'
    ? inlineAuditReader(database)
    : new ThreadedAuditReader(databaseUrl);
}

/**
 * The bootstrap settings only shape an empty database. Someone who sets them on one that has its
 * administrator expects them to work, and would otherwise learn otherwise from a refused sign-in.
 */
function warnOfIgnoredBootstrap(log: Logger, config: Config): void {
  const ignored = [
    ...(config.adminEmail ? ['PORTCULLIS_ADMIN_EMAIL'] : []),
    ...(config.adminPassword ? ['PORTCULLIS_ADMIN_PASSWORD'] : []),
  ];
  if (ignored.length === 0) return;
  const startOver = config.databaseUrl.startsWith('sqlite:')
    ? `stop Portcullis and delete ${path.resolve(config.databaseUrl.slice('sqlite:'.length))} (with its -wal and -shm files)`
    : 'point Portcullis at an empty database';
  log.warn(
    { ignored },
    `Ignored ${ignored.join(' and ')}: the bootstrap administrator is made on an empty database only, and this one has its administrator. Sign in as that administrator, or, to start over, ${startOver}.`,
  );
}

/** The console built beside this server in the workspace (`npm run build`), if it was. */
function builtConsoleDirectory(): string | undefined {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('@portcullis/console/dist/index.html'));
  } catch {
    return undefined;
  }
}

/** The composition root: config → master key → database (migrated) → key ring → bootstrap → HTTP app. */
export async function createPortcullis(config: Config, options: StartOptions = {}): Promise<Portcullis> {
  const catalog = loadCatalog(config.catalogFile);
  const logStream = options.logStream ?? logDestination(config.logFormat);
  const log: Logger = pino(loggerOptions(config.logLevel) as object, logStream);
  const masterKey = resolveMasterKey(config.masterKey, config.dataDir);
  if (masterKey.generatedAt) {
    log.warn(
      { file: masterKey.generatedAt },
      'generated a master key into the data directory; production must set PORTCULLIS_MASTER_KEY (and keep it: changing it invalidates every secret)',
    );
  }
  const keys = deriveKeys(masterKey.key);
  const metrics = new PortcullisMetrics();
  const metricsServed = config.metricsPort !== undefined || config.metricsToken !== undefined;
  const database = openDatabase(config.databaseUrl, metricsServed ? { onQuery: metrics.queryDone } : {});
  // What start-up has started so far, stopped in reverse order on close, or if a later step fails.
  const started: (() => Promise<void>)[] = [() => database.close()];
  try {
    const migrations = await migrateToLatest(database);
    if (migrations.applied.length > 0) log.info({ applied: migrations.applied }, 'database migrated');
    const clock = options.clock ?? Date.now;
    const writer = backgroundWriterFor(database, config.databaseUrl);
    started.push(() => writer.close());
    const auditReader = auditReaderFor(database, config.databaseUrl);
    started.push(() => auditReader.close());
    const changes = new ChangeGeneration(database);
    const keyRing = await openKeyRing({ db: database.db, config, keys, clock, changes, log });
    started.push(() => keyRing.stop());
    const ctx: ServiceContext = {
      db: database.db,
      clock,
      keys,
      keyRing,
      issuer: config.issuer,
      tokenTtlSeconds: config.tokenTtlSeconds,
      catalog,
      usage: new UsageRecorder(writer, log),
      issuanceAudit: new AuditBatch(writer, log),
      auditReader,
      auditPacing: new ReadPacing(),
      changes,
      clientStates: new HotStateCache(),
      loginStates: new HotStateCache(),
      metrics,
      failedAttempts: new FailedAttempts(lockoutPolicies(config)),
      unattributedRefusals: new UnattributedRefusals(log),
      defaultAudiences: config.defaultAudiences,
      scopeClaimMaxBytes: config.scopeClaimMaxBytes,
    };
    const revocationRetention = new RevocationRetention(database.db, clock, (error) =>
      log.error({ err: error }, 'forgetting expired revocation events failed'),
    );
    ctx.usage.start();
    started.push(() => ctx.usage.stop());
    ctx.issuanceAudit.start();
    started.push(() => ctx.issuanceAudit.stop());
    ctx.unattributedRefusals.start();
    started.push(async () => ctx.unattributedRefusals.stop());
    revocationRetention.start();
    started.push(() => revocationRetention.stop());
    const auditRetention = new AuditRetention(
      writer,
      database,
      clock,
      { issuanceDays: config.auditIssuanceRetentionDays, changesDays: config.auditRetentionDays },
      log,
    );
    auditRetention.start();
    started.push(() => auditRetention.stop());
    await ctx.changes.listen();
    started.push(() => ctx.changes.stop());
    const rotation = new RotationSchedule(keyRing, config.keyRotationHours);
    rotation.start();
    started.push(async () => rotation.stop());
    if (metricsServed) {
      metrics.collectProcessMetrics();
      registerScrapedGauges(metrics.registry, {
        clock,
        database,
        issuanceAudit: ctx.issuanceAudit,
        lastUsed: ctx.usage,
        clientCache: ctx.clientStates,
        loginCache: ctx.loginStates,
        keyRing,
      });
    }
    if (config.metricsPort !== undefined) {
      started.push(await startMetricsListener(metrics, config.metricsHost, config.metricsPort));
      log.info({ url: `http://${config.metricsHost}:${config.metricsPort}/metrics` }, 'metrics listening');
    }
    const bootstrapped = await bootstrap(ctx, { email: config.adminEmail, password: config.adminPassword });
    if (!bootstrapped.created && bootstrapped.reason === 'already_set_up')
      warnOfIgnoredBootstrap(log, config);
    const app = await buildApp({
      ctx,
      ping: database.ping,
      logger: loggerOptions(config.logLevel, logStream),
      trustedProxies: config.trustedProxies,
      rateLimits: {
        tokenPerAddress: config.tokenRateLimitPerAddress,
        tokenPerClient: config.tokenRateLimitPerClient,
        loginPerAddress: config.loginRateLimitPerAddress,
        loginPerLogin: config.loginRateLimitPerLogin,
      },
      connectionLimits: config,
      version,
      consoleDirectory: config.consoleDir ?? builtConsoleDirectory(),
      sqlMaxScriptBytes: config.sqlMaxScriptBytes,
      tokenRequestLog: { mode: config.tokenRequestLog, sampleRate: config.tokenRequestLogSampleRate },
      metricsToken: config.metricsToken,
    });
    return {
      app,
      database,
      ctx,
      bootstrap: bootstrapped,
      close: async () => {
        await app.close();
        for (const stop of [...started].reverse()) await stop();
      },
    };
  } catch (error) {
    for (const stop of started.reverse()) {
      // The start-up failure is the one to report.
      await stop().catch(() => undefined);
    }
    throw error;
  }
}
