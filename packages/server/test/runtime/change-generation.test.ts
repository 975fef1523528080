import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeGeneration } from '../../src/runtime/cache/change-generation.js';
import { applyBackgroundWrite } from '../../src/store/background/background-writes.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { enginesUnderTest, type TestDatabase } from '../support/engines.js';

// SQLite has no notifications: the counter row is what another connection's change looks like. (PostgreSQL's
// LISTEN/NOTIFY is proven across two servers in hot-data-invalidation.test.ts.)
describe('change generation on two SQLite connections to one file', () => {
  const [sqlite] = enginesUnderTest();
  let database: TestDatabase;
  let server: Database;
  let other: Database;

  beforeAll(async () => {
    database = await sqlite!.create();
    server = openDatabase(database.url);
    await migrateToLatest(server);
    other = openDatabase(database.url);
  });

  afterAll(async () => {
    await other.close();
    await server.close();
    await database.drop();
  });

  it('stays put while the background writer commits audit events, and moves when a use case commits', async () => {
    const changes = new ChangeGeneration(server);
    const before = changes.current;

    await applyBackgroundWrite(other.db, {
      kind: 'audit',
      events: [
        {
          id: 'evt_background',
          organizationId: null,
          occurredAt: Date.now(),
          actorType: 'system',
          actorId: null,
          action: 'token.issued',
          targetType: null,
          targetId: null,
          result: 'success',
          reason: null,
          clientIp: null,
          requestId: null,
          details: null,
        },
      ],
    });
    expect(changes.current).toBe(before);

    const otherChanges = new ChangeGeneration(other);
    await other.db.transaction().execute((trx) => otherChanges.announce(trx));
    const after = changes.current;
    expect(after).toBeGreaterThan(before);
    expect(changes.current).toBe(after);
  });

  it('does not move when a use-case transaction on the other connection rolls back', async () => {
    const changes = new ChangeGeneration(server);
    const before = changes.current;
    const otherChanges = new ChangeGeneration(other);
    await expect(
      other.db.transaction().execute(async (trx) => {
        await otherChanges.announce(trx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(changes.current).toBe(before);
  });
});
