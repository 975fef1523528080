import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import * as openid from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Every URL a client fetched, so a test can say which discovery form it used. */
function recordingFetch(seen: string[]): typeof fetch {
  return (input, init) => {
    seen.push(String(input instanceof Request ? input.url : input));
    return fetch(input, init);
  };
}

const verify = async (token: string, jwksUri: string, issuer: string) =>
  (await jwtVerify(token, createRemoteJWKSet(new URL(jwksUri)), { issuer, audience: issuer, typ: 'at+jwt' }))
    .payload;

/** Issuers as operators write them: with a trailing slash, with a path, with a path naming our own routes. */
describeOnEachEngine('issuer forms on $engine', (engine) => {
  describe('an issuer with a trailing slash', () => {
    let server: TestServer;
    let issuer: string;
    let client: { clientId: string; clientSecret: string };

    beforeAll(async () => {
      server = await startTestServer(engine, (baseUrl) => ({ PORTCULLIS_ISSUER: `${baseUrl}/` }));
      issuer = `${server.baseUrl}/`;
      client = await createUsableServiceAccount(server.baseUrl, await adminToken(server.baseUrl), 'slash');
    });
    afterAll(async () => server?.close());

    it('is published and signed exactly as configured, with endpoint URLs joined by one slash', async () => {
      const metadata = (await api(server.baseUrl, 'GET', '/.well-known/oauth-authorization-server')).body;
      expect(metadata).toMatchObject({
        issuer,
        token_endpoint: `${server.baseUrl}/oauth/token`,
        jwks_uri: `${server.baseUrl}/.well-known/jwks.json`,
        introspection_endpoint: `${server.baseUrl}/oauth/introspect`,
        revocation_endpoint: `${server.baseUrl}/oauth/revoke`,
      });
      expect((await api(server.baseUrl, 'GET', '/.well-known/openid-configuration')).body).toEqual(metadata);

      const issued = await tokenRequest(server.baseUrl, {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      });
      expect(issued.status).toBe(200);
      expect(await verify(issued.body.access_token, metadata.jwks_uri, issuer)).toMatchObject({
        iss: issuer,
        aud: issuer,
      });
    });

    it('still accepts its own tokens on the API, whose audience is the issuer', async () => {
      const token = await adminToken(server.baseUrl);
      const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
      expect(payload).toMatchObject({ iss: issuer, aud: issuer });
      expect((await api(server.baseUrl, 'GET', '/api/v1/roles', { token })).status).toBe(200);
    });
  });

  describe.each(['/tenant-a', '/realms/tenant-b/'])('an issuer with the path %s', (path) => {
    let server: TestServer;
    let issuer: string;
    let client: { clientId: string; clientSecret: string };
    // Where clients put the well-known segment: RFC 8414 §3.1 drops a terminating slash first.
    const trimmed = path.replace(/\/$/, '');

    beforeAll(async () => {
      server = await startTestServer(engine, (baseUrl) => ({ PORTCULLIS_ISSUER: `${baseUrl}${path}` }));
      issuer = `${server.baseUrl}${path}`;
      client = await createUsableServiceAccount(server.baseUrl, await adminToken(server.baseUrl), 'tenant');
    });
    afterAll(async () => server?.close());

    it('serves its metadata path-inserted (RFC 8414), path-appended (OpenID) and at the root', async () => {
      const forms = [
        `/.well-known/oauth-authorization-server${trimmed}`,
        `/.well-known/openid-configuration${trimmed}`,
        `${trimmed}/.well-known/openid-configuration`,
        `${trimmed}/.well-known/oauth-authorization-server`,
        '/.well-known/oauth-authorization-server',
        '/.well-known/openid-configuration',
      ];
      const bodies = [];
      for (const form of forms) {
        const response = await api(server.baseUrl, 'GET', form);
        expect(response.status, form).toBe(200);
        bodies.push(response.body);
      }
      expect(bodies[0]).toMatchObject({
        issuer,
        token_endpoint: `${server.baseUrl}${trimmed}/oauth/token`,
        jwks_uri: `${server.baseUrl}${trimmed}/.well-known/jwks.json`,
        service_documentation: `${server.baseUrl}${trimmed}/docs`,
      });
      for (const body of bodies) expect(body).toEqual(bodies[0]);
      expect((await api(server.baseUrl, 'GET', `${trimmed}/no-such-route`)).status).toBe(404);
    });

    it('openid-client (algorithm oauth2) discovers it, obtains a token, and the token verifies against it', async () => {
      const seen: string[] = [];
      const config = await openid.discovery(
        new URL(issuer),
        client.clientId,
        client.clientSecret,
        openid.ClientSecretBasic(),
        {
          algorithm: 'oauth2',
          execute: [openid.allowInsecureRequests],
          [openid.customFetch]: recordingFetch(seen),
        },
      );
      expect(seen[0]).toBe(`${server.baseUrl}/.well-known/oauth-authorization-server${trimmed}`);
      const tokens = await openid.clientCredentialsGrant(config);
      expect(seen.at(-1)).toBe(`${server.baseUrl}${trimmed}/oauth/token`);
      expect(
        await verify(tokens.access_token, String(config.serverMetadata().jwks_uri), issuer),
      ).toMatchObject({ iss: issuer, client_id: client.clientId });
    });

    it('oauth4webapi discovers it, obtains a token, and validates it as a resource server', async () => {
      const seen: string[] = [];
      const options = { [oauth.allowInsecureRequests]: true, [oauth.customFetch]: recordingFetch(seen) };
      const as = await oauth.processDiscoveryResponse(
        new URL(issuer),
        await oauth.discoveryRequest(new URL(issuer), { algorithm: 'oauth2', ...options }),
      );
      expect(seen[0]).toBe(`${server.baseUrl}/.well-known/oauth-authorization-server${trimmed}`);
      const oauthClient: oauth.Client = { client_id: client.clientId };
      const result = await oauth.processClientCredentialsResponse(
        as,
        oauthClient,
        await oauth.clientCredentialsGrantRequest(
          as,
          oauthClient,
          oauth.ClientSecretPost(client.clientSecret),
          new URLSearchParams(),
          options,
        ),
      );
      const request = new Request('https://rs.example/things', {
        headers: { authorization: `Bearer ${result.access_token}` },
      });
      expect(await oauth.validateJwtAccessToken(as, request, issuer, options)).toMatchObject({
        iss: issuer,
        aud: issuer,
        client_id: client.clientId,
      });
      expect(seen).toContain(`${server.baseUrl}${trimmed}/.well-known/jwks.json`);
    });
  });

  describe('an issuer whose path is also one of our own', () => {
    let server: TestServer;
    let client: { clientId: string; clientSecret: string };

    beforeAll(async () => {
      server = await startTestServer(engine, (baseUrl) => ({ PORTCULLIS_ISSUER: `${baseUrl}/oauth` }));
      client = await createUsableServiceAccount(server.baseUrl, await adminToken(server.baseUrl), 'shadow');
    });
    afterAll(async () => server?.close());

    it('keeps the root routes, as a proxy that strips the path sends them, next to the issuer-path ones', async () => {
      const metadata = (await api(server.baseUrl, 'GET', '/.well-known/oauth-authorization-server/oauth'))
        .body;
      expect(metadata.token_endpoint).toBe(`${server.baseUrl}/oauth/oauth/token`);
      const form = {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      };
      expect((await tokenRequest(server.baseUrl, form)).status).toBe(200);
      expect((await tokenRequest(`${server.baseUrl}/oauth`, form)).status).toBe(200);
    });
  });
});
