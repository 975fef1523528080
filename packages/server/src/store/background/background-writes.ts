import type { Database, Db } from '../database.js';
import { type AuditEvent, insertAuditEvents } from '../repositories/audit-events.js';
import { type AuditPruneStep, type PrunedPiece, pruneAuditEvents } from '../repositories/audit-retention.js';
import { touchSecrets } from '../repositories/secrets.js';
import { touchServiceAccounts } from '../repositories/service-accounts.js';

/**
 * Writes that no request waits for: the audit events of successful token issuance and last-used times,
 * gathered in memory and written in batches (decision 0008). Plain data, so a batch can cross to a thread.
 */
export type BackgroundWrite =
  | { kind: 'audit'; events: AuditEvent[] }
  | { kind: 'usage'; serviceAccounts: Map<string, number>; secrets: Map<string, number> };

export interface BackgroundWriter {
  /** Resolves once the batch is committed. */
  write(batch: BackgroundWrite): Promise<void>;
  close(): Promise<void>;
}

/**
 * Deletes audit events past their retention, one bounded piece per call (decision 0024). On SQLite a
 * delete holds the file's one write lock, so it runs where the batches are written, between them, and
 * never on the event loop.
 */
export interface AuditPruner {
  /** One piece of at most `limit` events. */
  prune(step: AuditPruneStep, limit: number): Promise<PrunedPiece>;
}

/** One batch, one transaction. */
export async function applyBackgroundWrite(db: Db, batch: BackgroundWrite): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (batch.kind === 'audit') {
      await insertAuditEvents(trx, batch.events);
    } else {
      await touchServiceAccounts(trx, batch.serviceAccounts);
      await touchSecrets(trx, batch.secrets);
    }
  });
}

/** An in-memory SQLite database, which no other thread can open: batches are written from the event loop. */
export function inlineBackgroundWriter(database: Database): BackgroundWriter & AuditPruner {
  return {
    write: (batch) => applyBackgroundWrite(database.db, batch),
    prune: (step, limit) => pruneAuditEvents(database, step, limit),
    close: async () => undefined,
  };
}
