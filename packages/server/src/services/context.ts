import type { Catalog, PermissionSet } from '@portcullis/core/permissions';
import type { DerivedKeys } from '../config/master-key.js';
import type { AuditReader } from '../runtime/audit-reads/audit-reader.js';
import type { ReadPacing } from '../runtime/audit-reads/read-pacing.js';
import type { AuditBatch } from '../runtime/batching/audit-batch.js';
import type { UnattributedRefusals } from '../runtime/batching/unattributed-refusals.js';
import type { UsageRecorder } from '../runtime/batching/usage-recorder.js';
import type { ChangeGeneration } from '../runtime/cache/change-generation.js';
import type { HotStateCache } from '../runtime/cache/hot-state-cache.js';
import type { PortcullisMetrics } from '../runtime/metrics/portcullis-metrics.js';
import type { KeyRing } from '../runtime/signing/key-ring.js';
import type { Db } from '../store/database.js';
import type { ActorType } from '../store/repositories/audit-events.js';
import { insertRevocationEvents, type RevocationEvent } from '../store/repositories/revocations.js';
import type { ClientState } from './authentication/client-state.js';
import type { LoginState } from './authentication/login-state.js';
import type { FailedAttempts } from './lockouts/failed-attempts.js';

/** What every use case needs, built once at start (see server.ts) and passed explicitly. */
export interface ServiceContext {
  db: Db;
  /** Epoch milliseconds; injected so tests can move time. */
  clock: () => number;
  keys: DerivedKeys;
  keyRing: KeyRing;
  issuer: string;
  tokenTtlSeconds: number;
  catalog: Catalog;
  usage: UsageRecorder;
  /** Issuance events, written in batches (see runtime/batching/audit-batch.ts). */
  issuanceAudit: AuditBatch;
  /** Reads of the audit log, off the event loop (see runtime/audit-reads/audit-reader.ts). */
  auditReader: AuditReader;
  /** Spaces each caller's audit reads (see runtime/audit-reads/read-pacing.ts). */
  auditPacing: ReadPacing;
  /** Moves on every committed change, on any node; see runtime/cache/change-generation.ts. */
  changes: ChangeGeneration;
  /** What the database says about clients and about people, kept until `changes` moves; see runtime/cache/. */
  clientStates: HotStateCache<ClientState>;
  loginStates: HotStateCache<LoginState>;
  /** Counters and histograms of this node (runtime/metrics/); cheap enough for every request. */
  metrics: PortcullisMetrics;
  /** Lockout policies and this node's hints about stored failures; see lockouts/failed-attempts.ts. */
  failedAttempts: FailedAttempts;
  /** Refusals no organization can see, counted and logged per source; see runtime/batching/. */
  unattributedRefusals: UnattributedRefusals;
  /** Audiences an organization accepts when it names none of its own (the issuer is always accepted). */
  defaultAudiences: readonly string[];
  /** How long a token's `scope` may grow by spelling out wildcards (decision 0026). */
  scopeClaimMaxBytes: number;
  /** Inside `inTransaction` only: revocation events it appends to the feed as it commits. */
  revocations?: RevocationEvent[];
}

/** Who is acting. Resolved from live state on every request, never from token claims alone. */
export interface Actor {
  type: ActorType;
  id: string | null;
  organizationId: string | null;
  /** The account the request acts in (the token's), and the user acting there, if any. */
  accountId: string | null;
  userId: string | null;
  isOrganizationAdmin: boolean;
  isPlatformOperator: boolean;
  /** May introspect tokens and read the revocation feed of every organization (a platform resource server). */
  platformIntrospection: boolean;
  /** Effective permissions right now; undefined for the system actor, which may do anything. */
  permissions: PermissionSet | undefined;
  /** A person's session: the access token they called with, which logout ends. */
  session?: { jti: string; expiresAt: number };
}

/** The actor plus where the request came from, for the audit trail. */
export interface Caller {
  actor: Actor;
  clientIp: string | null;
  requestId: string | null;
}

export const systemActor: Actor = {
  type: 'system',
  id: null,
  organizationId: null,
  accountId: null,
  userId: null,
  isOrganizationAdmin: false,
  isPlatformOperator: true,
  platformIntrospection: true,
  permissions: undefined,
};

export function systemCaller(requestId: string | null = null): Caller {
  return { actor: systemActor, clientIp: null, requestId };
}

export function anonymousCaller(clientIp: string | null, requestId: string | null): Caller {
  return {
    actor: {
      type: 'anonymous',
      id: null,
      organizationId: null,
      accountId: null,
      userId: null,
      isOrganizationAdmin: false,
      isPlatformOperator: false,
      platformIntrospection: false,
      permissions: undefined,
    },
    clientIp,
    requestId,
  };
}

/**
 * Runs a use case's steps in one transaction; the steps see the transaction as `ctx.db`. Committing moves
 * the change generation here and, through the database, on every other node, so cached hot data is
 * re-read. Revocation events the steps recorded are appended last: the feed's counter row is then the last
 * lock a transaction takes, so it is never held while waiting for another row (on PostgreSQL, two use
 * cases taking the same rows in opposite orders would deadlock).
 */
export async function inTransaction<T>(
  ctx: ServiceContext,
  steps: (tx: ServiceContext) => Promise<T>,
): Promise<T> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const revocations: RevocationEvent[] = [];
    const value = await steps({ ...ctx, db: trx, revocations });
    await insertRevocationEvents(trx, revocations);
    await ctx.changes.announce(trx);
    return value;
  });
  ctx.changes.bump();
  return result;
}
