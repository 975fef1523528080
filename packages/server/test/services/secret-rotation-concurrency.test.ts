import { afterAll, beforeAll, expect, it } from 'vitest';
import { findUsableSecrets } from '../../src/store/repositories/secrets.js';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describeOnEachEngine('concurrent secret generation on $engine', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => server?.close());

  it('leaves exactly one usable secret, the one generated last', async () => {
    const token = await adminToken(server.baseUrl);
    const { clientId } = await createUsableServiceAccount(server.baseUrl, token, 'contended');
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        api(server.baseUrl, 'POST', `/api/v1/service-accounts/${clientId}/secrets`, { token }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(201));

    const usable = await findUsableSecrets(server.portcullis.database.db, clientId, Date.now());
    expect(usable).toHaveLength(1);

    const accepted = [];
    for (const r of responses) {
      const issued = await tokenRequest(server.baseUrl, {
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: r.body.clientSecret,
      });
      if (issued.status === 200) accepted.push(r.body.secretId);
    }
    expect(accepted).toEqual([usable[0]?.id]);
  });
});

describeOnEachEngine('batched issuance audit on $engine', (engine) => {
  it('writes issuance events within the flush window, and all of them on shutdown', async () => {
    const server = await startTestServer(engine);
    const db = server.portcullis.database.db;
    const issued = async () =>
      Number(
        (
          await db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', 'token.issued')
            .executeTakeFirstOrThrow()
        ).n,
      );
    try {
      const client = await createUsableServiceAccount(
        server.baseUrl,
        await adminToken(server.baseUrl),
        'batched',
      );
      const form = {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      };
      await Promise.all(Array.from({ length: 20 }, () => tokenRequest(server.baseUrl, form)));
      expect(await issued()).toBeLessThanOrEqual(20);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await issued()).toBe(20);
      await Promise.all(Array.from({ length: 5 }, () => tokenRequest(server.baseUrl, form)));
      await server.portcullis.app.close();
      await server.portcullis.ctx.issuanceAudit.stop();
      expect(await issued()).toBe(25);
    } finally {
      await server.close();
    }
  });
});
