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
import { HotStateCache } from '../runtime/cache/hot-state-cache.js';
import { PortcullisMetrics } from '../runtime/metrics/portcullis-metrics.js';
import { openKeyRing } from '../runtime/signing/open-key-ring.js';
import { type Caller, type ServiceContext, systemCaller } from '../services/context.js';
import { FailedAttempts, lockoutPolicies } from '../services/lockouts/failed-attempts.js';
import { inlineBackgroundWriter } from '../store/background/background-writes.js';
import { migrateToLatest } from '../store/migrate.js';
import { openConfiguredDatabase } from './configured-database.js';

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
    const writer = inlineBackgroundWriter(database);
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
        clientStates: new HotStateCache(),
        loginStates: new HotStateCache(),
        metrics: new PortcullisMetrics(),
        scopeClaimMaxBytes: config.scopeClaimMaxBytes,
      });
    } finally {
      await keyRing.stop();
    }
  } finally {
    await database.close();
  }
}
