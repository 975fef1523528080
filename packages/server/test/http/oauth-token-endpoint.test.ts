import { decodeJwt } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { latestAuditEvents } from '../support/state-snapshot.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

describeOnEachEngine('token endpoint: audiences and lifetimes on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let client: { clientId: string; clientSecret: string };
  const request = (extra: Record<string, string> = {}) =>
    tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      ...extra,
    });

  beforeAll(async () => {
    server = await startTestServer(engine, { PORTCULLIS_DEFAULT_AUDIENCES: 'https://default.example' });
    admin = await adminToken(server.baseUrl);
    client = await createUsableServiceAccount(server.baseUrl, admin, 'aud');
  });
  afterAll(async () => server?.close());

  it("issues for the issuer and the organization's audiences, refusing others with invalid_target", async () => {
    expect(decodeJwt((await request()).body.access_token).aud).toBe(server.baseUrl);
    expect(decodeJwt((await request({ audience: 'https://api.firebolt.io' })).body.access_token).aud).toBe(
      'https://api.firebolt.io',
    );
    const refused = await expectUnchanged(server.portcullis.database.db, () =>
      request({ audience: 'https://evil.example' }),
    );
    expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_target' } });
    expect(await latestAuditEvents(server.portcullis.database.db, 1)).toEqual([
      { action: 'token.refused', reason: 'audience_not_allowed' },
    ]);
  });

  it('accepts the RFC 8707 resource parameter as the audience', async () => {
    const issued = await request({ resource: 'https://api.firebolt.io' });
    expect(decodeJwt(issued.body.access_token).aud).toBe('https://api.firebolt.io');
  });

  it('falls back to the server default audiences when the organization names none', async () => {
    expect((await request({ audience: 'https://default.example' })).status).toBe(400);
    await api(server.baseUrl, 'PATCH', '/api/v1/organization', {
      token: admin,
      body: { allowedAudiences: null },
    });
    expect((await request({ audience: 'https://default.example' })).status).toBe(200);
    expect((await request({ audience: 'https://api.firebolt.io' })).status).toBe(400);
    const org = await api(server.baseUrl, 'PATCH', '/api/v1/organization', {
      token: admin,
      body: { allowedAudiences: ['https://api.firebolt.io'] },
    });
    expect(org.body.allowedAudiences).toEqual(['https://api.firebolt.io']);
  });

  it("uses the organization's token lifetime (Firebolt's example: 86400 s)", async () => {
    const org = await api(server.baseUrl, 'PATCH', '/api/v1/organization', {
      token: admin,
      body: { tokenTtlSeconds: 86_400 },
    });
    expect(org.body.tokenTtlSeconds).toBe(86_400);
    const issued = await request();
    expect(issued.body.expires_in).toBe(86_400);
    const claims = decodeJwt(issued.body.access_token);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(86_400);
    for (const tokenTtlSeconds of [59, 86_401]) {
      const refused = await expectUnchanged(server.portcullis.database.db, () =>
        api(server.baseUrl, 'PATCH', '/api/v1/organization', { token: admin, body: { tokenTtlSeconds } }),
      );
      expect(refused.body.error.code).toBe('validation_failed');
    }
    await api(server.baseUrl, 'PATCH', '/api/v1/organization', {
      token: admin,
      body: { tokenTtlSeconds: null },
    });
    expect((await request()).body.expires_in).toBe(3600);
  });

  it("caps a token's lifetime at its service account's valid-to, on /oauth/token and /v2/login", async () => {
    const expiring = await createUsableServiceAccount(server.baseUrl, admin, 'expiring');
    const inTenMinutes = `${new Date(Date.now() + 600_000).toISOString().slice(0, 19)}Z`;
    const edited = await api(server.baseUrl, 'PATCH', `/api/v1/service-accounts/${expiring.clientId}`, {
      token: admin,
      body: { validTo: inTenMinutes },
    });
    const validToSeconds = Date.parse(edited.body.validTo) / 1000;

    const issued = await tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: expiring.clientId,
      client_secret: expiring.clientSecret,
    });
    expect(issued.status).toBe(200);
    const claims = decodeJwt(issued.body.access_token);
    expect(claims.exp).toBe(validToSeconds);
    expect(issued.body.expires_in).toBeLessThanOrEqual(600);
    expect(issued.body.expires_in).toBe((claims.exp ?? 0) - (claims.iat ?? 0));

    const keyPairLogin = await api(server.baseUrl, 'POST', '/v2/login', {
      body: { accessKey: expiring.clientId, secretKey: expiring.clientSecret },
    });
    expect(keyPairLogin.body.expiresAt).toBe(validToSeconds);
    expect(decodeJwt(keyPairLogin.body.accessToken).exp).toBe(validToSeconds);
  });
});
