import { generateClientSecret } from '@portcullis/core/secrets';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import {
  adminToken,
  createUsableServiceAccount,
  type JsonResponse,
  tokenRequest,
} from '../support/http-client.js';
import { countAuditEvents, expectRefusalAudited, snapshotState } from '../support/state-snapshot.js';
import { flushBackgroundWrites, startTestServer, type TestServer } from '../support/test-server.js';

interface Case {
  name: string;
  send: (
    s: TestServer,
    client: { clientId: string; clientSecret: string },
  ) => Promise<JsonResponse<unknown> | Response>;
  status: number;
  error: string;
  /**
   * The audit reason recorded for a refused client; undefined when the request never got that far, or when
   * it names no organization's client (unknown id, secret refused unread): those are counted per source.
   */
  auditReason?: string;
}

const form = (c: { clientId: string; clientSecret: string }) => ({
  grant_type: 'client_credentials',
  client_id: c.clientId,
  client_secret: c.clientSecret,
});

function withLastCharacterChanged(secret: string): string {
  return secret.slice(0, -1) + (secret.endsWith('x') ? 'y' : 'x');
}

const cases: Case[] = [
  {
    name: 'a wrong secret',
    send: (s, c) => tokenRequest(s.baseUrl, { ...form(c), client_secret: generateClientSecret() }),
    status: 401,
    error: 'invalid_client',
    auditReason: 'wrong_secret',
  },
  {
    name: 'an unknown client',
    send: (s, c) => tokenRequest(s.baseUrl, { ...form(c), client_id: 'sa_01m82xvp2vsehr91fdaggr88nr' }),
    status: 401,
    error: 'invalid_client',
    // No audit row: counted per source (unattributed-refusals.ts).
  },
  {
    name: 'a malformed secret (bad checksum)',
    send: (s, c) =>
      tokenRequest(s.baseUrl, { ...form(c), client_secret: withLastCharacterChanged(c.clientSecret) }),
    status: 401,
    error: 'invalid_client',
    // No audit row: counted per source (unattributed-refusals.ts).
  },
  {
    name: 'id and secret swapped',
    send: (s, c) =>
      tokenRequest(s.baseUrl, { ...form(c), client_id: c.clientSecret, client_secret: c.clientId }),
    status: 401,
    error: 'invalid_client',
    // No audit row: counted per source (unattributed-refusals.ts).
  },
  {
    name: 'no client authentication',
    send: (s) => tokenRequest(s.baseUrl, { grant_type: 'client_credentials' }),
    status: 401,
    error: 'invalid_client',
  },
  {
    name: 'both Basic and client_secret in the body',
    send: (s, c) => tokenRequest(s.baseUrl, form(c), { basic: { id: c.clientId, secret: c.clientSecret } }),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'a Basic header that is not base64 id:secret',
    send: (s) =>
      tokenRequest(
        s.baseUrl,
        { grant_type: 'client_credentials' },
        { headers: { authorization: 'Basic bm9jb2xvbg==' } },
      ),
    status: 401,
    error: 'invalid_client',
  },
  {
    name: 'a NUL in the client id of a Basic header (refused before any database read)',
    send: (s, c) =>
      tokenRequest(
        s.baseUrl,
        { grant_type: 'client_credentials' },
        { basic: { id: `${c.clientId}\u0000`, secret: c.clientSecret } },
      ),
    status: 401,
    error: 'invalid_client',
  },
  {
    name: 'a Basic header whose credentials are not UTF-8',
    send: (s) =>
      tokenRequest(
        s.baseUrl,
        { grant_type: 'client_credentials' },
        {
          headers: {
            authorization: `Basic ${Buffer.from([0x73, 0x61, 0xed, 0xa0, 0x80, 0x3a, 0x78]).toString('base64')}`,
          },
        },
      ),
    status: 401,
    error: 'invalid_client',
  },
  {
    name: 'a NUL in the account of a real client (a 500 on PostgreSQL once)',
    send: (s, c) => tokenRequest(s.baseUrl, { ...form(c), account: 'default\u0000' }),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'a lone surrogate, percent-encoded, in the scope',
    send: (s, c) =>
      fetch(`${s.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `${new URLSearchParams(form(c))}&scope=%ED%A0%80`,
      }),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'a form body that is not UTF-8',
    send: (s, c) =>
      fetch(`${s.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.concat([Buffer.from(`${new URLSearchParams(form(c))}&scope=`), Buffer.from([0xff])]),
      }),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'a missing grant_type',
    send: (s, c) => tokenRequest(s.baseUrl, { client_id: c.clientId, client_secret: c.clientSecret }),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'an unknown grant_type',
    send: (s, c) => tokenRequest(s.baseUrl, { ...form(c), grant_type: 'password' }),
    status: 400,
    error: 'unsupported_grant_type',
  },
  {
    name: 'a repeated parameter',
    send: (s, c) =>
      fetch(`${s.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `${new URLSearchParams(form(c))}&grant_type=client_credentials`,
      }),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'a JSON body',
    send: (s, c) =>
      fetch(`${s.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(form(c)),
      }),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'a 1 MB body',
    send: (s, c) => tokenRequest(s.baseUrl, { ...form(c), padding: 'x'.repeat(1024 * 1024) }),
    status: 413,
    error: 'invalid_request',
  },
  {
    name: 'the secret in the query string',
    send: (s, c) =>
      tokenRequest(s.baseUrl, form(c), { query: `?client_secret=${encodeURIComponent(c.clientSecret)}` }),
    status: 400,
    error: 'invalid_request',
  },
];

describeOnEachEngine('token endpoint bad input on $engine', (engine) => {
  let server: TestServer;
  let client: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    server = await startTestServer(engine);
    client = await createUsableServiceAccount(server.baseUrl, await adminToken(server.baseUrl), 'victim');
  });
  afterAll(async () => server?.close());

  it.each(cases)('refuses $name with $status $error and changes nothing', async (c) => {
    const db = server.portcullis.database.db;
    await flushBackgroundWrites(server);
    const before = await snapshotState(db);
    const auditBefore = await countAuditEvents(db);

    const raw = await c.send(server, client);
    const response =
      raw instanceof Response ? { status: raw.status, headers: raw.headers, body: await raw.json() } : raw;

    expect(response.status).toBe(c.status);
    expect(response.body).toEqual({ error: c.error, error_description: expect.any(String) });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    if (c.status === 401)
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="portcullis"/);
    expect(await snapshotState(db)).toEqual(before);

    await expectRefusalAudited(db, auditBefore, c.auditReason || undefined);
  });

  it('answers a path under /oauth that has no endpoint in RFC 6749 shape, without repeating the path', async () => {
    const secret = generateClientSecret();
    const response = await fetch(`${server.baseUrl}/oauth/token/${secret}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form(client)).toString(),
    });
    const text = await response.text();
    expect(response.status).toBe(404);
    expect(JSON.parse(text)).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
    expect(text).not.toContain(secret);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('still issues a token to the right credentials after all that', async () => {
    expect((await tokenRequest(server.baseUrl, form(client))).status).toBe(200);
  });
});
