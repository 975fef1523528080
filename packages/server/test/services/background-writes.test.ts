import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { enginesUnderTest, type TestDatabase } from '../support/engines.js';
import { adminToken, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { startTestServer } from '../support/test-server.js';

describe.each(enginesUnderTest())('background writes on $engine', (engine) => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it.skipIf(!engine.available)(
    'writes issuance audit events and last-used times from the writer thread, and flushes them at shutdown',
    async () => {
      const database = await engine.create();
      databases.push(database);
      const server = await startTestServer(engine, {}, database);
      const client = await createUsableServiceAccount(
        server.baseUrl,
        await adminToken(server.baseUrl),
        'batched',
      );
      const issued = [];
      for (let i = 0; i < 5; i++) {
        const response = await tokenRequest(server.baseUrl, {
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        });
        expect(response.status).toBe(200);
        issued.push(response);
      }
      // Closed at once: these events are still waiting for the next 100 ms flush.
      await server.close();

      const reopened = openDatabase(database.url);
      try {
        const events = await reopened.db
          .selectFrom('audit_events')
          .select(['details', 'result', 'actor_id'])
          .where('action', '=', 'token.issued')
          .where('target_id', '=', client.clientId)
          .execute();
        expect(events).toHaveLength(5);
        for (const event of events) {
          expect(event).toMatchObject({ result: 'success', actor_id: client.clientId });
          expect(JSON.parse(event.details!)).toMatchObject({ jti: expect.any(String), scope: '' });
        }
        const sa = await reopened.db
          .selectFrom('service_accounts')
          .select('last_used_at')
          .where('id', '=', client.clientId)
          .executeTakeFirstOrThrow();
        expect(sa.last_used_at).toBeGreaterThan(Date.now() - 60_000);
      } finally {
        await reopened.close();
      }
    },
  );
});
