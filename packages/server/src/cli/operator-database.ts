import { existsSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { loadCatalog } from '../config/load-catalog.js';
import type { Config } from '../config/load-config.js';
import { deriveKeys, resolveMasterKey } from '../config/master-key.js';
import { inlineAuditReader } from '../runtime/audit-reads/audit-reader.js';
import { ReadPacing } from '../runtime/audit-reads/read-pacing.js';
import { AuditBatch } from '../runtime/batching/audit-batch.js';
import { UnattributedRefusals } from '../runtime/batching/unattributed-refusals.js';
import { UsageRecorder } from '../runtime/batching/usage-recorder.js';
import { ChangeGeneration } from '../runtime/cache/change-generation.js';
import { openKeyRing } from '../runtime/signing/open-key-ring.js';
import { lockoutPolicies } from '../server.js';
import { type Caller, type ServiceContext, systemCaller } from '../services/context.js';
import { FailedAttempts } from '../services/lockouts/failed-attempts.js';
import { inlineBackgroundWriter } from '../store/background/background-writes.js';
import { type Database, openDatabase } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
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

/** An operator's command in the audit trail: the system acting, its request id naming the command. */
export const operatorCaller = (command: string): Caller => systemCaller(`cli:${command}`);

/**
 * Runs `work` with what use cases need, on the configured database brought up to date, as `start` has
 * it: the same master key and signing keys, the same rules. Writes that a server batches are made at
 * once here, on this connection.
 */
export async function withServiceContext<T>(
  config: Config,
  work: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  const database = openConfiguredDatabase(config);
  try {
    await migrateToLatest(database);
    const log = pino({ level: 'silent' });
    const writer = inlineBackgroundWriter(database.db);
    const keys = deriveKeys(resolveMasterKey(config.masterKey, config.dataDir).key);
    const changes = new ChangeGeneration(database);
    const keyRing = await openKeyRing({ db: database.db, config, keys, clock: Date.now, changes });
    try {
      return await work({
        db: database.db,
        clock: Date.now,
        keys,
        keyRing,
        issuer: config.issuer,
        tokenTtlSeconds: config.tokenTtlSeconds,
        catalog: loadCatalog(config.catalogFile),
        usage: new UsageRecorder(writer, log),
        issuanceAudit: new AuditBatch(writer, log),
        auditReader: inlineAuditReader(database),
        auditPacing: new ReadPacing(),
        changes,
        failedAttempts: new FailedAttempts(lockoutPolicies(config)),
        unattributedRefusals: new UnattributedRefusals(log),
        defaultAudiences: config.defaultAudiences,
      });
    } finally {
      await keyRing.stop();
    }
  } finally {
    await database.close();
  }
}
