import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enginesUnderTest } from '../support/engines.js';
import { api, tokenRequest } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** The README's curl walkthrough, step by step, over real HTTP. */
describe.each(enginesUnderTest())('README walkthrough on $engine', (engine) => {
  let server: TestServer;
  let token: string;
  let serviceAccountId: string;
  let clientSecret: string;

  beforeAll(async () => {
    if (engine.available) server = await startTestServer(engine);
  });
  afterAll(async () => server?.close());

  it.skipIf(!engine.available)('answers the health check when the database answers', async () => {
    const health = await api(server.baseUrl, 'GET', '/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it.skipIf(!engine.available)('signs the bootstrap admin in with email and password', async () => {
    const login = await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: 'ADMIN@acme.example', password: 'correct horse battery staple' },
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String) });
    expect(login.body.expiresAt).toBeGreaterThan(Date.now() / 1000);
    token = login.body.accessToken;
  });

  it.skipIf(!engine.available)('creates a service account', async () => {
    const created = await api(server.baseUrl, 'POST', '/api/v1/service-accounts', {
      token,
      body: { name: 'nightly-etl', description: 'loads the warehouse' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'nightly-etl',
      description: 'loads the warehouse',
      createdAt: expect.any(String),
    });
    expect(created.body.id).toMatch(/^sa_/);
    serviceAccountId = created.body.id;
    const listed = await api(server.baseUrl, 'GET', '/api/v1/service-accounts', { token });
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(serviceAccountId);
    const fetched = await api(server.baseUrl, 'GET', `/api/v1/service-accounts/${serviceAccountId}`, {
      token,
    });
    expect(fetched.body).toEqual(created.body);
  });

  it.skipIf(!engine.available)('generates a secret, shown in that response only', async () => {
    const secret = await api(server.baseUrl, 'POST', `/api/v1/service-accounts/${serviceAccountId}/secrets`, {
      token,
    });
    expect(secret.status).toBe(201);
    expect(secret.body.clientId).toBe(serviceAccountId);
    expect(secret.body.clientSecret).toMatch(/^pcs_[0-9A-Za-z]{49}$/);
    expect(secret.headers.get('cache-control')).toBe('no-store');
    clientSecret = secret.body.clientSecret;
    const again = await api(server.baseUrl, 'GET', `/api/v1/service-accounts/${serviceAccountId}`, { token });
    expect(JSON.stringify(again.body)).not.toContain(clientSecret);
  });

  it.skipIf(!engine.available)(
    'refuses a token until a user ties the service account to an account',
    async () => {
      const refused = await tokenRequest(server.baseUrl, {
        grant_type: 'client_credentials',
        client_id: serviceAccountId,
        client_secret: clientSecret,
      });
      expect(refused).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
      const roles = await api(server.baseUrl, 'GET', '/api/v1/roles', { token });
      const readOnly = roles.body.items.find((r: { name: string }) => r.name === 'Read only');
      expect(readOnly).toMatchObject({ builtin: true, permissions: ['*:get', '*:list'] });
      const user = await api(server.baseUrl, 'POST', '/api/v1/users', {
        token,
        body: { name: 'etl', serviceAccountId, roleIds: [readOnly.id], defaultDatabase: 'warehouse' },
      });
      expect(user.status).toBe(201);
      expect(user.body).toMatchObject({
        serviceAccountId,
        defaultDatabase: 'warehouse',
        roleIds: [readOnly.id],
      });
    },
  );

  it.skipIf(!engine.available)(
    'exchanges the secret for a JWT that verifies against the published JWKS',
    async () => {
      const issued = await tokenRequest(server.baseUrl, {
        grant_type: 'client_credentials',
        client_id: serviceAccountId,
        client_secret: clientSecret,
        audience: 'https://api.firebolt.io',
      });
      expect(issued.status).toBe(200);
      expect(issued.body).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 3600,
        scope: '*:get *:list',
      });
      expect(issued.headers.get('cache-control')).toBe('no-store');
      expect(issued.headers.get('pragma')).toBe('no-cache');
      expect(issued.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);

      const jwks = createRemoteJWKSet(new URL(`${server.baseUrl}/.well-known/jwks.json`));
      const { payload, protectedHeader } = await jwtVerify(issued.body.access_token, jwks, {
        issuer: server.baseUrl,
        audience: 'https://api.firebolt.io',
        typ: 'at+jwt',
      });
      expect(protectedHeader.alg).toBe('ES256');
      expect(payload).toMatchObject({
        sub: serviceAccountId,
        client_id: serviceAccountId,
        jti: expect.any(String),
        scope: '*:get *:list',
        account_id: expect.stringMatching(/^acct_/),
      });
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    },
  );

  it.skipIf(!engine.available)('accepts client_secret_basic as well as client_secret_post', async () => {
    const issued = await tokenRequest(
      server.baseUrl,
      { grant_type: 'client_credentials' },
      { basic: { id: serviceAccountId, secret: clientSecret } },
    );
    expect(issued.status).toBe(200);
    // Without an audience the token is for Portcullis's own API, and the API accepts it.
    const jwks = createRemoteJWKSet(new URL(`${server.baseUrl}/.well-known/jwks.json`));
    await jwtVerify(issued.body.access_token, jwks, { issuer: server.baseUrl, audience: server.baseUrl });
  });

  it.skipIf(!engine.available)('stops the previous secret the moment a new one is generated', async () => {
    const rotated = await api(
      server.baseUrl,
      'POST',
      `/api/v1/service-accounts/${serviceAccountId}/secrets`,
      { token },
    );
    const form = { grant_type: 'client_credentials', client_id: serviceAccountId };
    expect((await tokenRequest(server.baseUrl, { ...form, client_secret: clientSecret })).status).toBe(401);
    expect(
      (await tokenRequest(server.baseUrl, { ...form, client_secret: rotated.body.clientSecret })).status,
    ).toBe(200);
  });

  it.skipIf(!engine.available)('refuses to drop a service account while a user is tied to it', async () => {
    const refused = await api(server.baseUrl, 'DELETE', `/api/v1/service-accounts/${serviceAccountId}`, {
      token,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'service_account_linked',
      details: { users: [{ name: 'etl' }] },
    });
  });

  it.skipIf(!engine.available)('deletes an unlinked service account, after which it is gone', async () => {
    const spare = await api(server.baseUrl, 'POST', '/api/v1/service-accounts', {
      token,
      body: { name: 'spare' },
    });
    expect(
      (await api(server.baseUrl, 'DELETE', `/api/v1/service-accounts/${spare.body.id}`, { token })).status,
    ).toBe(204);
    const gone = await api(server.baseUrl, 'GET', `/api/v1/service-accounts/${spare.body.id}`, { token });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
  });

  it.skipIf(!engine.available)(
    'publishes the current and next signing keys, the current one matching the kid of a token',
    async () => {
      const jwks = await api(server.baseUrl, 'GET', '/.well-known/jwks.json');
      const { accessToken } = (
        await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
          body: { email: 'admin@acme.example', password: 'correct horse battery staple' },
        })
      ).body;
      // The current key and the next one, published before it signs anything; never a private part.
      expect(jwks.body.keys).toHaveLength(2);
      for (const key of jwks.body.keys) {
        expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
        expect(key).not.toHaveProperty('d');
      }
      expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).toContain(
        decodeProtectedHeader(accessToken).kid,
      );
    },
  );

  it.skipIf(!engine.available)(
    'serves an OpenAPI 3.1 document generated from the route schemas',
    async () => {
      const doc = await api(server.baseUrl, 'GET', '/api/v1/openapi.json');
      expect(doc.body.openapi).toBe('3.1.0');
      const rendered = await fetch(`${server.baseUrl}/docs`);
      expect(rendered.status).toBe(200);
      expect(rendered.headers.get('content-type')).toContain('text/html');
      expect(await rendered.text()).toContain('swagger');
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining([
          '/oauth/token',
          '/api/v1/service-accounts',
          '/api/v1/service-accounts/{id}/secrets',
        ]),
      );
    },
  );
});
