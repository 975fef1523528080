import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import * as openid from 'openid-client';
import { ClientCredentials } from 'simple-oauth2';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { canonicalScope } from '../support/canonical-scope.js';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const run = promisify(execFile);
const firebolt = 'https://api.firebolt.io';

/** Unmodified, widely used clients against a real server: what users' scripts will do. */
describeOnEachEngine('real OAuth clients against Portcullis on $engine', (engine) => {
  let server: TestServer;
  let client: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    server = await startTestServer(engine);
    const admin = await adminToken(server.baseUrl);
    client = await createUsableServiceAccount(server.baseUrl, admin, 'interop');
    const roles = (await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin })).body.items;
    const users = (await api(server.baseUrl, 'GET', '/api/v1/users', { token: admin })).body.items;
    const user = users.find(
      (u: { serviceAccountId: string | null }) => u.serviceAccountId === client.clientId,
    );
    await api(
      server.baseUrl,
      'PUT',
      `/api/v1/users/${user.id}/roles/${roles.find((r: { name: string }) => r.name === 'Read only').id}`,
      {
        token: admin,
      },
    );
  });
  afterAll(async () => server?.close());

  const verifyAsResourceServer = async (token: string, audience: string) => {
    const jwks = createRemoteJWKSet(new URL(`${server.baseUrl}/.well-known/jwks.json`));
    return (await jwtVerify(token, jwks, { issuer: server.baseUrl, audience, typ: 'at+jwt' })).payload;
  };

  it('publishes RFC 8414 metadata with the exact issuer, also as openid-configuration', async () => {
    const metadata = await api(server.baseUrl, 'GET', '/.well-known/oauth-authorization-server');
    expect(metadata.body).toMatchObject({
      issuer: server.baseUrl,
      token_endpoint: `${server.baseUrl}/oauth/token`,
      jwks_uri: `${server.baseUrl}/.well-known/jwks.json`,
      introspection_endpoint: `${server.baseUrl}/oauth/introspect`,
      revocation_endpoint: `${server.baseUrl}/oauth/revoke`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      access_token_signing_alg_values_supported: ['ES256'],
    });
    expect((await api(server.baseUrl, 'GET', '/.well-known/openid-configuration')).body).toEqual(
      metadata.body,
    );
  });

  it.each([
    ['client_secret_basic', () => openid.ClientSecretBasic()],
    ['client_secret_post', () => openid.ClientSecretPost()],
  ])('openid-client: discovery (algorithm oauth2) and client_credentials with %s', async (_method, auth) => {
    const config = await openid.discovery(
      new URL(server.baseUrl),
      client.clientId,
      client.clientSecret,
      auth(),
      {
        algorithm: 'oauth2',
        execute: [openid.allowInsecureRequests],
      },
    );
    const tokens = await openid.clientCredentialsGrant(config, { audience: firebolt });
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.expires_in).toBe(3600);
    expect(canonicalScope(tokens.scope!)).toBe('*:get *:list');
    expect(await verifyAsResourceServer(tokens.access_token, firebolt)).toMatchObject({
      client_id: client.clientId,
    });
  });

  it('oauth4webapi: discovery, client_credentials, and validateJwtAccessToken as a resource server', async () => {
    const issuer = new URL(server.baseUrl);
    const options = { [oauth.allowInsecureRequests]: true };
    const as = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...options }),
    );
    const oauthClient: oauth.Client = { client_id: client.clientId };
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      oauthClient,
      oauth.ClientSecretPost(client.clientSecret),
      new URLSearchParams({ audience: firebolt }),
      options,
    );
    const result = await oauth.processClientCredentialsResponse(as, oauthClient, response);
    const request = new Request('https://rs.example/things', {
      headers: { authorization: `Bearer ${result.access_token}` },
    });
    const claims = await oauth.validateJwtAccessToken(as, request, firebolt, options);
    expect(claims).toMatchObject({
      sub: client.clientId,
      client_id: client.clientId,
      iss: server.baseUrl,
      aud: firebolt,
    });
    await expect(
      oauth.validateJwtAccessToken(as, request, 'https://someone-else.example', options),
    ).rejects.toThrow();
  });

  it('simple-oauth2: its default Basic mode', async () => {
    const simple = new ClientCredentials({
      client: { id: client.clientId, secret: client.clientSecret },
      auth: { tokenHost: server.baseUrl, tokenPath: '/oauth/token' },
    });
    const token = await simple.getToken({ audience: firebolt } as never);
    expect(token.token.token_type).toBe('Bearer');
    await verifyAsResourceServer(String(token.token.access_token), firebolt);
    await expect(
      new ClientCredentials({
        client: { id: client.clientId, secret: 'pcs_wrong' },
        auth: { tokenHost: server.baseUrl, tokenPath: '/oauth/token' },
      }).getToken({}),
    ).rejects.toThrow(/401|Unauthorized|invalid_client/i);
  });

  it("the Firebolt seed's curl, exactly, with host and credentials substituted", async () => {
    const { stdout } = await run('curl', [
      '-s',
      '-X',
      'POST',
      '--location',
      `${server.baseUrl}/oauth/token`,
      '--header',
      'Content-Type: application/x-www-form-urlencoded',
      '--data-urlencode',
      'grant_type=client_credentials',
      '--data-urlencode',
      `audience=${firebolt}`,
      '--data-urlencode',
      `client_id=${client.clientId}`,
      '--data-urlencode',
      `client_secret=${client.clientSecret}`,
    ]);
    const body = JSON.parse(stdout);
    expect(body).toMatchObject({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
    });
    await verifyAsResourceServer(body.access_token, firebolt);
  });
});
