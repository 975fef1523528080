import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUsableSecrets } from '../../src/store/repositories/secrets.js';
import { enginesUnderTest } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe.each(enginesUnderTest())('concurrent secret generation on $engine', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    if (engine.available) server = await startTestServer(engine);
  });
  afterAll(async () => server?.close());

  it.skipIf(!engine.available)('leaves exactly one usable secret, the one generated last', async () => {
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
