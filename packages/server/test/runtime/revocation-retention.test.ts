import { newId } from '@portcullis/core/ids';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RevocationRetention } from '../../src/runtime/revocation/revocation-retention.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import {
  insertRevocationEvents,
  listRevocationEvents,
  type RevocationEvent,
} from '../../src/store/repositories/revocations.js';
import { describeOnEachEngine, type TestDatabase } from '../support/engines.js';

const now = 1_790_000_000_000;

describeOnEachEngine('revocation retention on $engine', (engine) => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await engine.create();
    database = openDatabase(testDb.url);
    await migrateToLatest(database);
  });

  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  const tokenRevoked = (jti: string, forgetAfter: number): RevocationEvent => ({
    id: newId('revocation'),
    organizationId: newId('organization'),
    kind: 'token',
    jti,
    reason: 'revoked_by_client',
    effect: 'void',
    createdAt: now - 3_600_000,
    forgetAfter,
  });

  it('forgets, on its own timer, the events whose tokens have all expired and keeps the rest', async () => {
    await insertRevocationEvents(database.db, [
      tokenRevoked('expired-an-hour-ago', now - 3_600_000),
      tokenRevoked('expired-just-now', now - 1),
      tokenRevoked('still-valid', now + 60_000),
    ]);
    const errors: unknown[] = [];
    const retention = new RevocationRetention(
      database.db,
      () => now,
      (e) => errors.push(e),
      20,
    );
    retention.start();
    const jtis = async () =>
      (await listRevocationEvents(database.db, { afterPosition: 0, limit: 10 })).map(
        (e) => e.kind === 'token' && e.jti,
      );
    const deadline = Date.now() + 5000;
    while ((await jtis()).length > 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await retention.stop();
    expect(await jtis()).toEqual(['still-valid']);
    expect(errors).toEqual([]);
  });
});
