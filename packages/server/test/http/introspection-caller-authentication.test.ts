import { afterAll, beforeAll, expect, it } from 'vitest';
import { accessTokenClaims } from '../../src/services/tokens/access-token-claims.js';
import { describeOnEachEngine } from '../support/engines.js';
import {
  adminToken,
  api,
  basicAuthorization,
  type ClientPair,
  clientCredentialsToken,
  createResourceServer,
  createUsableServiceAccount,
} from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

const bearerChallenge = 'Bearer realm="portcullis", error="invalid_token"';

/**
 * RFC 7662 §2.3 and RFC 6750 §3: how /oauth/introspect refuses its caller depends on how the caller
 * authenticated — client credentials get invalid_client and a Basic challenge, a bearer token gets
 * invalid_token or insufficient_scope and a Bearer challenge.
 */
describeOnEachEngine('introspection caller authentication on $engine', (engine) => {
  let server: TestServer;
  let resourceServer: ClientPair;
  let app: ClientPair;
  let subjectToken: string;

  const tokenOf = (c: ClientPair) => clientCredentialsToken(server.baseUrl, c);
  const introspect = async (authorization: string, fields: Record<string, string> = {}) => {
    const response = await fetch(`${server.baseUrl}/oauth/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
      body: new URLSearchParams({ token: subjectToken, ...fields }).toString(),
    });
    const body = (await response.json()) as Record<string, unknown>;
    return { status: response.status, headers: response.headers, body };
  };
  const refused = <T>(request: () => Promise<T>) => expectUnchanged(server.portcullis.database.db, request);

  beforeAll(async () => {
    server = await startTestServer(engine);
    const admin = await adminToken(server.baseUrl);
    resourceServer = await createResourceServer(server.baseUrl, admin, 'gateway');
    app = await createUsableServiceAccount(server.baseUrl, admin, 'app');
    subjectToken = await tokenOf(app);
  });
  afterAll(async () => server?.close());

  it('answers a garbage bearer token with 401 invalid_token', async () => {
    const response = await refused(() => introspect('Bearer not.a.token'));
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: 'invalid_token', error_description: expect.any(String) });
    expect(response.headers.get('www-authenticate')).toBe(bearerChallenge);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers an expired bearer token with 401 invalid_token', async () => {
    const { keyRing, issuer } = server.portcullis.ctx;
    const [, payload] = (await tokenOf(resourceServer)).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const expired = await keyRing.sign(
      accessTokenClaims(issuer, Date.now() - 7200_000, 60, {
        subject: claims.sub,
        clientId: claims.client_id,
        audience: issuer,
        organizationId: claims.org_id,
      }),
    );
    const response = await refused(() => introspect(`Bearer ${expired}`));
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('invalid_token');
    expect(response.headers.get('www-authenticate')).toBe(bearerChallenge);
  });

  it('answers a revoked bearer token with 401 invalid_token', async () => {
    const token = await tokenOf(resourceServer);
    const revoke = await fetch(`${server.baseUrl}/oauth/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basicAuthorization(resourceServer),
      },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(revoke.status).toBe(200);
    const response = await refused(() => introspect(`Bearer ${token}`));
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('invalid_token');
    expect(response.headers.get('www-authenticate')).toBe(bearerChallenge);
  });

  it('answers a Bearer header without a token with invalid_token, ignoring body credentials', async () => {
    const response = await refused(() =>
      introspect('Bearer', {
        client_id: resourceServer.clientId,
        client_secret: resourceServer.clientSecret,
      }),
    );
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('invalid_token');
    expect(response.headers.get('www-authenticate')).toBe(bearerChallenge);
  });

  it('answers a bearer caller without the permission with 403 insufficient_scope and a Bearer challenge', async () => {
    const response = await refused(async () => introspect(`Bearer ${await tokenOf(app)}`));
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ error: 'insufficient_scope', error_description: expect.any(String) });
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="portcullis", error="insufficient_scope", scope="portcullis.introspection:run"',
    );
  });

  it('keeps invalid_client and the Basic challenge for a client with a wrong secret', async () => {
    const response = await refused(() =>
      introspect(basicAuthorization({ ...resourceServer, clientSecret: 'nope' })),
    );
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('invalid_client');
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="portcullis"/);
  });

  it('keeps 403 insufficient_scope without a challenge for a Basic caller without the permission', async () => {
    const response = await refused(() => introspect(basicAuthorization(app)));
    expect(response.status).toBe(403);
    expect(response.body.error).toBe('insufficient_scope');
    expect(response.headers.get('www-authenticate')).toBeNull();
  });

  it('still introspects for a bearer caller that holds the permission', async () => {
    const response = await introspect(`Bearer ${await tokenOf(resourceServer)}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ active: true, sub: app.clientId });
  });

  it('the revocation feed, on the API authentication, already challenges a bad bearer token with invalid_token', async () => {
    const response = await refused(() =>
      api(server.baseUrl, 'GET', '/oauth/revocations', { token: 'not.a.token' }),
    );
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthenticated');
    expect(response.headers.get('www-authenticate')).toContain(bearerChallenge);
  });
});
