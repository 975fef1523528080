import { newId, newIdAt } from '@portcullis/core/ids';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AuditRetention } from '../../src/runtime/audit-retention/audit-retention.js';
import type { AuditPruner } from '../../src/store/background/background-writes.js';
import { ThreadedBackgroundWriter } from '../../src/store/background/threaded-writer.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { type AuditEvent, insertAuditEvents } from '../../src/store/repositories/audit-events.js';
import { describeOnEachEngine, type TestDatabase } from '../support/engines.js';

const now = Date.now();
const day = 86_400_000;
const policy = { issuanceDays: 30, changesDays: 400 };
const batchSize = 250;

type Kind = 'issued' | 'changed' | 'refused' | 'unattributed refusal' | 'system change';

/** `count` events of a kind, `ageDays` old and a second apart, in `organizationId` unless they have none. */
function events(kind: Kind, count: number, ageDays: number, organizationId: string | null): AuditEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const occurredAt = now - ageDays * day - i * 1000;
    const failure = kind === 'refused' || kind === 'unattributed refusal';
    return {
      id: newIdAt('auditEvent', occurredAt),
      organizationId: kind === 'unattributed refusal' || kind === 'system change' ? null : organizationId,
      occurredAt,
      actorType: kind === 'system change' ? 'system' : 'service_account',
      actorId: null,
      action: {
        issued: 'token.issued',
        changed: 'service_account.updated',
        refused: 'token.refused',
        'unattributed refusal': 'token.refused',
        'system change': 'signing_key.rotated',
      }[kind],
      targetType: 'service_account',
      targetId: null,
      result: failure ? 'failure' : 'success',
      reason: failure ? 'wrong_secret' : null,
      clientIp: '192.0.2.7',
      requestId: null,
      details: { kind, ageDays },
    };
  });
}

describeOnEachEngine('audit retention on $engine', (engine) => {
  let testDb: TestDatabase;
  let database: Database;
  let writer: ThreadedBackgroundWriter;

  beforeAll(async () => {
    testDb = await engine.create();
    database = openDatabase(testDb.url);
    await migrateToLatest(database);
    writer = new ThreadedBackgroundWriter(testDb.url);
  });

  afterAll(async () => {
    await writer.close();
    await database.close();
    await testDb.drop();
  });

  const storedIds = async () =>
    new Set((await database.db.selectFrom('audit_events').select('id').execute()).map((row) => row.id));

  it('deletes issuance past 30 days and everything past 400 in bounded pieces, keeping newer issuance and changes within their 400 days', async () => {
    const acme = newId('organization');
    const globex = newId('organization');
    const expired = [
      ...events('issued', 2000, 31, acme),
      ...events('issued', 1200, 45, globex),
      ...events('unattributed refusal', 600, 31, null),
      ...events('changed', 150, 401, acme),
      ...events('refused', 150, 500, globex),
      ...events('system change', 5, 401, null),
    ];
    const kept = [
      ...events('issued', 20, 29.6, acme),
      ...events('issued', 20, 1, globex),
      ...events('changed', 300, 100, acme),
      ...events('refused', 300, 399, globex),
      ...events('unattributed refusal', 5, 10, null),
      ...events('system change', 5, 100, null),
    ];
    await insertAuditEvents(database.db, [...expired, ...kept]);

    const pieces: number[] = [];
    let deleted = 0;
    const measured: AuditPruner = {
      prune: async (step, limit) => {
        const piece = await writer.prune(step, limit);
        pieces.push(piece.read);
        deleted += piece.deleted;
        return piece;
      },
    };
    const quiet = { info: () => undefined, error: () => undefined };
    let clock = now;
    const retention = new AuditRetention(measured, database, () => clock, policy, quiet, {
      batchSize,
      minPauseMs: 0,
    });

    expect(await retention.pruneExpired()).toEqual({ expired: 305, shortLived: 3800 });
    expect(await storedIds()).toEqual(new Set(kept.map((event) => event.id)));
    expect(deleted).toBe(expired.length);
    // No piece went through more than its bound of events.
    expect(Math.max(...pieces)).toBe(batchSize);

    // The next pass starts where this one ended: half a day later, it reads only what aged past 30 days since,
    // not the changes and refusals it kept.
    clock = now + day / 2;
    pieces.length = 0;
    const agedSince = kept.filter(
      (event) => event.details?.kind === 'issued' && event.details.ageDays === 29.6,
    );
    expect(await retention.pruneExpired()).toEqual({ expired: 0, shortLived: agedSince.length });
    expect(pieces).toEqual([agedSince.length]);
    await retention.stop();
  });
});
