import { generateClientSecret } from '@portcullis/core/secrets';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount } from '../support/http-client.js';
import { countAuditEvents, expectRefusalAudited, snapshotState } from '../support/state-snapshot.js';
import { flushBackgroundWrites, startTestServer, type TestServer } from '../support/test-server.js';

type KeyPair = { clientId: string; clientSecret: string };

interface Case {
  name: string;
  /** A JSON body is serialized; a string is sent as it is, with Content-Type application/json. */
  body: (pair: KeyPair) => unknown;
  /** The audit reason when the request reached the credential check; none when the body was refused first. */
  auditReason?: string;
}

const cases: Case[] = [
  {
    name: 'a wrong secret key',
    body: (p) => ({ accessKey: p.clientId, secretKey: generateClientSecret() }),
    auditReason: 'wrong_secret',
  },
  { name: 'a missing accessKey', body: (p) => ({ secretKey: p.clientSecret }) },
  { name: 'a missing secretKey', body: (p) => ({ accessKey: p.clientId }) },
  { name: 'an empty accessKey', body: (p) => ({ accessKey: '', secretKey: p.clientSecret }) },
  { name: 'an empty secretKey', body: (p) => ({ accessKey: p.clientId, secretKey: '' }) },
  {
    name: 'an oversized accessKey',
    body: (p) => ({ accessKey: 'a'.repeat(129), secretKey: p.clientSecret }),
  },
  {
    name: 'an oversized secretKey',
    body: (p) => ({ accessKey: p.clientId, secretKey: `${p.clientSecret}${'x'.repeat(256)}` }),
  },
  { name: 'a number for a key', body: (p) => ({ accessKey: 42, secretKey: p.clientSecret }) },
  {
    name: 'an extra field',
    body: (p) => ({ accessKey: p.clientId, secretKey: p.clientSecret, accountId: 'x' }),
  },
  { name: 'a JSON array', body: (p) => [p.clientId, p.clientSecret] },
  { name: 'JSON null', body: () => 'null' },
  { name: 'malformed JSON', body: (p) => `{"accessKey": "${p.clientId}", "secretKey": ` },
  {
    name: 'a form-encoded body labelled as JSON',
    body: (p) => `accessKey=${p.clientId}&secretKey=${p.clientSecret}`,
  },
  { name: 'an empty JSON body', body: () => '' },
  {
    name: 'a body over the size limit',
    body: (p) => ({ accessKey: p.clientId, secretKey: p.clientSecret, padding: 'x'.repeat(128 * 1024) }),
  },
];

/** Clients of POST /v2/login (Firefly's API) know one failure, 401; these prove every refusal is one. */
describeOnEachEngine('access-key login bad input on $engine', (engine) => {
  let server: TestServer;
  let pair: KeyPair;

  const login = (body: unknown, headers: Record<string, string> = {}) =>
    api(server.baseUrl, 'POST', '/v2/login', { body, headers });

  beforeAll(async () => {
    server = await startTestServer(engine);
    pair = await createUsableServiceAccount(server.baseUrl, await adminToken(server.baseUrl), 'key-pair');
  });
  afterAll(async () => server?.close());

  it.each(cases)('answers $name with 401 unauthenticated and changes nothing', async (c) => {
    const db = server.portcullis.database.db;
    await flushBackgroundWrites(server);
    const before = await snapshotState(db);
    const auditBefore = await countAuditEvents(db);

    const response = await login(c.body(pair));

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/json');
    // No token was presented, so none is called invalid (RFC 6750 §3.1), and Basic is not offered here.
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="portcullis"');
    // The shape a wrong key pair has always had; details appear only when the schema refused the body.
    expect(Object.keys(response.body)).toEqual(['error']);
    expect(response.body.error).toMatchObject({
      code: 'unauthenticated',
      message: expect.any(String),
      requestId: response.headers.get('x-request-id'),
    });
    expect(['code', 'message', 'details', 'requestId']).toEqual(
      expect.arrayContaining(Object.keys(response.body.error)),
    );
    expect(JSON.stringify(response.body)).not.toContain(pair.clientSecret);
    expect(await snapshotState(db)).toEqual(before);

    await expectRefusalAudited(db, auditBefore, c.auditReason || undefined);
  });

  it('says which field was wrong, still as a 401', async () => {
    const response = await login({ accessKey: pair.clientId });
    expect(response.status).toBe(401);
    expect(response.body.error.details).toEqual([expect.objectContaining({ field: 'body.secretKey' })]);
  });

  it('keeps 415 for a Content-Type other than JSON', async () => {
    const db = server.portcullis.database.db;
    const before = await snapshotState(db);
    const response = await login(`accessKey=${pair.clientId}`, { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('unsupported_media_type');
    expect(await snapshotState(db)).toEqual(before);
  });

  it('still logs in with the right key pair after all that', async () => {
    const response = await login({ accessKey: pair.clientId, secretKey: pair.clientSecret });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(['accessToken', 'expiresAt', 'tokenType']);
  });
});
