import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Administrator,
  audience,
  type Credential,
  sqlite,
  startPortcullis,
} from '../../sdk/test/support/portcullis.js';
import type { TestDatabase } from '../../server/test/support/engines.js';
import { eventually } from '../../server/test/support/eventually.js';
import { api } from '../../server/test/support/http-client.js';
import type { TestServer } from '../../server/test/support/test-server.js';
import { type DemoApiProcess, startDemoApi } from './support/demo-api-process.js';

/** What the demo API answered: status, the `WWW-Authenticate` challenge and the JSON body. */
interface Answer {
  status: number;
  challenge: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: bodies are inspected field by field.
  body: any;
}

/** The paths a resource server following Portcullis may reach it on: the feed, its catch-up and the keys. */
const backgroundPaths = new Set(['/oauth/revocations', '/.well-known/jwks.json']);

/**
 * Requests that reached Portcullis, by path, from its own request log: one line carrying the request per
 * request (`incoming request`, or on the token endpoint, logged in full here, `request completed`).
 */
function requestsSeenBy(server: TestServer): string[] {
  return server.logs
    .flatMap((line) => line.split('\n'))
    .filter((line) => line.includes('"incoming request"') || line.includes('"request completed"'))
    .map((line) => (JSON.parse(line) as { req?: { method: string; path: string } }).req)
    .flatMap((req) => (req ? [`${req.method} ${req.path}`] : []));
}

/**
 * The demo platform API, started by its own command beside a real Portcullis (SQLite: the feed's behaviour
 * on each engine is the server's suites' to prove), called over HTTP with real tokens as a customer's
 * script would.
 */
describe('the demo platform API, protected by the SDK beside a real Portcullis', () => {
  const masterKey = randomBytes(32).toString('hex');
  let database: TestDatabase;
  let server: TestServer;
  let issuer: string;
  let admin: Administrator;
  let demo: DemoApiProcess;
  let reader: Credential;
  let searcher: Credential;

  /** Same data file, master key, port and issuer each time, so keys, secrets and tokens outlive a restart. */
  const start = () =>
    startPortcullis(
      issuer
        ? {
            PORTCULLIS_MASTER_KEY: masterKey,
            PORTCULLIS_PORT: new URL(issuer).port,
            PORTCULLIS_ISSUER: issuer,
            PORTCULLIS_TOKEN_REQUEST_LOG: 'all',
          }
        : { PORTCULLIS_MASTER_KEY: masterKey, PORTCULLIS_TOKEN_REQUEST_LOG: 'all' },
      database,
    );

  async function call(method: string, path: string, token?: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${demo.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      challenge: response.headers.get('www-authenticate'),
      body: text ? JSON.parse(text) : null,
    };
  }

  async function roleId(name: string): Promise<string> {
    const roles = await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin.token });
    return roles.body.items.find((r: { name: string }) => r.name === name).id;
  }

  beforeAll(async () => {
    database = await sqlite.create();
    server = await start();
    issuer = server.baseUrl;
    admin = await Administrator.of(server);
    const feedReader = await admin.resourceServer('demo-api-feed');
    reader = await admin.credential('demo-reader', 'Read only');
    searcher = await admin.credential('demo-searcher', { permissions: ['search:create', 'incidents:list'] });
    demo = await startDemoApi({
      PORTCULLIS_URL: issuer,
      DEMO_API_AUDIENCE: audience,
      DEMO_API_FEED_CLIENT_ID: feedReader.clientId,
      DEMO_API_FEED_CLIENT_SECRET: feedReader.clientSecret,
    });
    await eventually(
      async () => {
        const health = (await call('GET', '/health')).body;
        return health.keys.loaded && health.revocations.state === 'live';
      },
      { what: 'the demo API has the keys and follows the feed', timeoutMs: 10_000 },
    );
  }, 60_000);
  afterAll(async () => {
    await demo?.stop();
    server?.portcullis.app.server.closeAllConnections();
    await server?.close();
    await database?.drop();
  });

  it('lets a Read-only credential list incidents, and refuses it creating one with 403 naming incidents:create', async () => {
    const token = await admin.tokenOf(reader);
    const listed = await call('GET', '/incidents', token);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual(['inc_1', 'inc_2']);

    const refused = await call('POST', '/incidents', token, { title: 'Leaked key', severity: 'high' });
    expect(refused.status).toBe(403);
    expect(refused.challenge).toContain('error="insufficient_scope"');
    expect(refused.challenge).toContain('scope="incidents:create"');
    expect(refused.body).toEqual({
      error: 'insufficient_scope',
      error_description: 'The token lacks this permission: incidents:create.',
      missing: ['incidents:create'],
    });
    expect((await call('GET', '/incidents', token)).body.items).toHaveLength(2);
  });

  it('answers a request without a token 401 with a Bearer challenge, and bad input 400 after the check', async () => {
    const anonymous = await call('GET', '/findings');
    expect(anonymous.status).toBe(401);
    expect(anonymous.challenge).toBe(`Bearer realm="${audience}"`);

    const writer = await admin.tokenOf(await admin.credential('demo-writer', 'Admin'));
    const invalid = await call('POST', '/incidents', writer, { title: '', severity: 'urgent' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('invalid_request');
    expect((await call('GET', '/incidents', writer)).body.items).toHaveLength(2);
    const created = await call('POST', '/incidents', writer, { title: 'Leaked key', severity: 'high' });
    expect(created).toMatchObject({
      status: 201,
      body: { id: 'inc_3', createdBy: expect.stringMatching(/^sa_/) },
    });
  });

  it("holds FireTail's search rule: search:create plus list on every type searched", async () => {
    const searching = await admin.tokenOf(searcher);
    const allowed = await call('POST', '/search', searching, { query: 'a', types: ['incidents'] });
    expect(allowed.status).toBe(200);
    expect(allowed.body.items.every((hit: { type: string }) => hit.type === 'incidents')).toBe(true);
    expect(allowed.body.items.length).toBeGreaterThan(0);

    for (const types of [['incidents', 'findings'], undefined]) {
      const refused = await call('POST', '/search', searching, { query: 'a', ...(types ? { types } : {}) });
      expect(refused.status).toBe(403);
      expect(refused.body.missing).toEqual(['findings:list']);
    }
    const readOnly = await call('POST', '/search', await admin.tokenOf(reader), { query: 'a' });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.missing).toEqual(['search:create']);
    expect(readOnly.challenge).toContain('scope="search:create"');
  });

  it('answers 200 API calls without a request to Portcullis beyond the feed and the keys', async () => {
    const tokens = [
      await admin.tokenOf(reader),
      await admin.tokenOf(searcher),
      await admin.tokenOf(await admin.credential('demo-busy', 'Admin')),
    ];
    // The log counts every request: the tokens just issued are in it.
    expect(requestsSeenBy(server)).toContain('POST /oauth/token');
    const before = requestsSeenBy(server).length;
    const calls = Array.from({ length: 200 }, (_, n) => {
      const token = tokens[n % tokens.length]!;
      return n % 2 === 0 ? call('GET', '/incidents', token) : call('POST', '/search', token, { query: 'x' });
    });
    const statuses = new Set((await Promise.all(calls)).map((answer) => answer.status));
    expect([...statuses].sort()).toEqual([200, 403]);
    const during = requestsSeenBy(server).slice(before);
    expect(during.filter((request) => !backgroundPaths.has(request.split(' ')[1]!))).toEqual([]);
  });

  it("refuses a write credential's existing token within 5 s of its owner's downgrade to Read only", async () => {
    const writer = await admin.credential('demo-downgraded', 'Admin');
    const token = await admin.tokenOf(writer);
    expect((await call('POST', '/incidents', token, { title: 'Before', severity: 'low' })).status).toBe(201);

    const readOnly = await roleId('Read only');
    const granted = await api(server.baseUrl, 'PUT', `/api/v1/users/${writer.userId}/roles/${readOnly}`, {
      token: admin.token,
    });
    const removed = await api(
      server.baseUrl,
      'DELETE',
      `/api/v1/users/${writer.userId}/roles/${writer.roleId}`,
      {
        token: admin.token,
      },
    );
    expect([granted.status, removed.status]).toEqual([200, 200]);
    await eventually(
      async () =>
        (await call('POST', '/incidents', token, { title: 'After', severity: 'low' })).status === 401,
      { what: 'the existing token is refused', timeoutMs: 5_000 },
    );

    const next = await admin.tokenOf(writer);
    expect((await call('GET', '/incidents', next)).status).toBe(200);
    const refused = await call('POST', '/incidents', next, { title: 'After', severity: 'low' });
    expect(refused).toMatchObject({ status: 403, body: { missing: ['incidents:create'] } });
  });

  it("answers 401 within 5 s of the owner's user being deleted", async () => {
    const writer = await admin.credential('demo-deleted', 'Admin');
    const token = await admin.tokenOf(writer);
    expect((await call('GET', '/incidents', token)).status).toBe(200);

    const deleted = await api(server.baseUrl, 'DELETE', `/api/v1/users/${writer.userId}`, {
      token: admin.token,
    });
    expect(deleted.status).toBe(204);
    await eventually(async () => (await call('GET', '/incidents', token)).status === 401, {
      what: 'the token of a deleted user is refused',
      timeoutMs: 5_000,
    });
    expect((await call('GET', '/incidents', token)).challenge).toContain('error="invalid_token"');
  });

  it('keeps serving valid tokens while Portcullis is stopped, and enforces a revocation made once it is back', async () => {
    const writer = await admin.credential('demo-outage', 'Admin');
    const used = await admin.tokenOf(writer);
    const unused = await admin.tokenOf(writer);
    expect((await call('GET', '/incidents', used)).status).toBe(200);

    server.portcullis.app.server.closeAllConnections();
    await server.close();
    expect((await fetch(`${issuer}/health`).catch(() => undefined))?.status).toBeUndefined();
    // A token verified before, and one the demo API first sees now: neither needs Portcullis.
    expect((await call('GET', '/incidents', used)).status).toBe(200);
    expect((await call('POST', '/incidents', unused, { title: 'Outage', severity: 'low' })).status).toBe(201);

    server = await start();
    await admin.revoke(writer, used);
    await eventually(async () => (await call('GET', '/incidents', used)).status === 401, {
      // The follower's backoff (250 ms doubling) grew while Portcullis was down: its next attempt may be seconds away.
      what: 'a revocation made after the restart reaches the demo API',
      timeoutMs: 25_000,
    });
    expect((await call('GET', '/incidents', unused)).status).toBe(200);
    // The catch-up pages may have brought the revocation before the stream is open again.
    await eventually(async () => (await call('GET', '/health')).body.revocations.state === 'live', {
      what: 'the demo API follows the stream again',
      timeoutMs: 10_000,
    });
  }, 45_000);
});
