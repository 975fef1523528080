import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceInlineStyleHashes } from '../../src/http/response-headers.js';
import { describeOnEachEngine } from '../support/engines.js';
import {
  adminToken,
  api,
  basicAuthorization,
  type ClientPair,
  createResourceServer,
  tokenRequest,
} from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

type Answer = { status: number; headers: Headers };

/** nosniff and frame denial on every answer, whatever it is. */
function expectBaseline(answer: Answer): void {
  expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  expect(answer.headers.get('x-frame-options')).toBe('DENY');
  expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
}

/** An answer with account data (or about a request for it): nothing may keep it, nor load anything from it. */
function expectPrivateAnswer(answer: Answer): void {
  expectBaseline(answer);
  expect(answer.headers.get('cache-control')).toBe('no-store');
  expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
}

function expectCacheablePublic(answer: Answer): void {
  expectBaseline(answer);
  expect(answer.headers.get('cache-control')).toBe('public, max-age=300');
}

describeOnEachEngine('response headers on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let follower: ClientPair;
  /** Read whole, so no answer is left half-sent when the server closes. */
  const get = async (route: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.baseUrl}${route}`, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
    follower = await createResourceServer(server.baseUrl, admin, 'headers-follower');
  });
  afterAll(async () => server?.close());

  it('marks every /api/v1 answer, errors included, no-store', async () => {
    const answers = [
      await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin }),
      await api(server.baseUrl, 'GET', '/api/v1/logins', { token: admin }),
      await api(server.baseUrl, 'GET', '/api/v1/roles'),
      await api(server.baseUrl, 'GET', '/api/v1/roles/role_00000000000000000000000000', { token: admin }),
      await api(server.baseUrl, 'POST', '/api/v1/roles', { token: admin, body: { name: 1 } }),
      await api(server.baseUrl, 'GET', '/api/v1/no-such-route', { token: admin }),
      await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'admin@acme.example', password: 'wrong password' },
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 404, 400, 404, 401]);
    for (const answer of answers) expectPrivateAnswer(answer);
  });

  it('marks the token endpoint, introspection and the revocation feed no-store', async () => {
    const issued = await tokenRequest(
      server.baseUrl,
      { grant_type: 'client_credentials' },
      {
        basic: {
          id: follower.clientId,
          secret: follower.clientSecret,
        },
      },
    );
    const refused = await tokenRequest(server.baseUrl, { grant_type: 'client_credentials' });
    const introspected = await fetch(`${server.baseUrl}/oauth/introspect`, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization(follower),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: issued.body.access_token }).toString(),
    });
    const feed = await get('/oauth/revocations', { authorization: basicAuthorization(follower) });
    await introspected.text();
    expect([issued.status, refused.status, introspected.status, feed.status]).toEqual([200, 401, 200, 200]);
    for (const answer of [issued, refused, introspected, feed]) expectPrivateAnswer(answer);
    expect(issued.headers.get('pragma')).toBe('no-cache');
  });

  it('lets caches keep the JWKS and the metadata', async () => {
    for (const route of [
      '/.well-known/jwks.json',
      '/.well-known/oauth-authorization-server',
      '/.well-known/openid-configuration',
    ]) {
      const answer = await get(route);
      expect(answer.status).toBe(200);
      expectCacheablePublic(answer);
    }
  });

  it('serves the API reference under a policy that allows its own scripts, styles and API calls only', async () => {
    const page = await get('/docs/');
    expect(page.status).toBe(200);
    const html = page.text;
    expectBaseline(page);
    const policy = page.headers.get('content-security-policy')!;
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain(`connect-src 'self' ${server.baseUrl}`);
    expect(policy).not.toContain('unsafe-inline');
    for (const hash of referenceInlineStyleHashes) expect(policy).toContain(hash);
    // The page itself has no inline script or style to allow.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    for (const asset of [...html.matchAll(/(?:src|href)="\.\/(static\/[^"]+)"/g)].map((m) => m[1])) {
      const answer = await get(`/docs/${asset}`);
      expect(answer.status, asset).toBe(200);
      expectBaseline(answer);
      expect(answer.headers.get('cache-control'), asset).not.toBe('no-store');
    }
    for (const document of ['/docs/json', '/api/v1/openapi.json']) {
      const answer = await get(document);
      expect(answer.status).toBe(200);
      expectBaseline(answer);
    }
  });
});

describe('the API reference policy', () => {
  it('allows by hash exactly the inline styles the shipped swagger-ui renders', () => {
    const require = createRequire(import.meta.url);
    const assets = path.join(path.dirname(require.resolve('@fastify/swagger-ui/package.json')), 'static');
    const styles = ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js'].flatMap((file) =>
      [
        ...readFileSync(path.join(assets, file), 'utf8').matchAll(/createElement\("style",null,"([^"]*)"\)/g),
      ].map((m) => m[1]!),
    );
    expect(styles.length).toBeGreaterThan(0);
    const hashes = styles.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`);
    expect([...referenceInlineStyleHashes].sort()).toEqual([...new Set(hashes)].sort());
  });
});
