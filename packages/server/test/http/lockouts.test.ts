import { randomBytes } from 'node:crypto';
import { newId } from '@portcullis/core/ids';
import { generateClientSecret } from '@portcullis/core/secrets';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EngineUnderTest, TestDatabase } from '../support/engines.js';
import { describeOnEachEngine } from '../support/engines.js';
import { eventually } from '../support/eventually.js';
import { adminToken, api, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { countAuditEvents } from '../support/state-snapshot.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const form = (clientId: string, clientSecret: string) => ({
  grant_type: 'client_credentials',
  client_id: clientId,
  client_secret: clientSecret,
});

/** Two nodes on one database, as behind a load balancer. */
async function twoNodes(
  engine: EngineUnderTest,
  env: Record<string, string>,
): Promise<{ database: TestDatabase; first: TestServer; second: TestServer }> {
  const database = await engine.create();
  const shared = { PORTCULLIS_MASTER_KEY: randomBytes(32).toString('hex'), ...env };
  const first = await startTestServer(engine, shared, database);
  const second = await startTestServer(engine, { ...shared, PORTCULLIS_ISSUER: first.baseUrl }, database);
  return { database, first, second };
}

async function auditActions(server: TestServer, token: string, targetId: string): Promise<string[]> {
  const page = await api(server.baseUrl, 'GET', `/api/v1/audit-events?target=${targetId}&action=lockout.*`, {
    token,
  });
  return page.body.items.map((e: { action: string }) => e.action);
}

describeOnEachEngine('lockouts on $engine', (engine) => {
  let database: TestDatabase;
  let first: TestServer;
  let second: TestServer;
  let admin: string;

  beforeAll(async () => {
    ({ database, first, second } = await twoNodes(engine, {
      PORTCULLIS_LOCKOUT_CLIENT_FAILURES: '3',
      PORTCULLIS_LOCKOUT_LOGIN_FAILURES: '3',
      PORTCULLIS_LOCKOUT_SECONDS: '300',
    }));
    admin = await adminToken(first.baseUrl);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await database?.drop();
  });

  it('locks a client after repeated wrong secrets on every node, the right secret included, until the admin clears it', async () => {
    const client = await createUsableServiceAccount(first.baseUrl, admin, 'integration');
    // Warm both nodes' cached state of the client: the lock must reach a node that already holds it.
    expect((await tokenRequest(second.baseUrl, form(client.clientId, client.clientSecret))).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const wrong = await tokenRequest(first.baseUrl, form(client.clientId, generateClientSecret()));
      expect(wrong.status).toBe(401);
    }

    const locked = await tokenRequest(first.baseUrl, form(client.clientId, client.clientSecret));
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ error: 'too_many_attempts', error_description: expect.any(String) });
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(290);
    expect(retryAfter).toBeLessThanOrEqual(300);

    // The other node refuses too, in each endpoint's shape.
    const elsewhere = await eventually(
      async () => {
        const answer = await tokenRequest(second.baseUrl, form(client.clientId, client.clientSecret));
        return answer.status === 429 && answer;
      },
      { what: 'the second node honours the lock', timeoutMs: 5000 },
    );
    expect(elsewhere.body.error).toBe('too_many_attempts');
    const keyPairLogin = await api(second.baseUrl, 'POST', '/v2/login', {
      body: { accessKey: client.clientId, secretKey: client.clientSecret },
    });
    expect(keyPairLogin.status).toBe(429);
    expect(keyPairLogin.body.error.code).toBe('too_many_attempts');
    expect(Number(keyPairLogin.headers.get('retry-after'))).toBeGreaterThan(290);

    const listed = await api(first.baseUrl, 'GET', '/api/v1/lockouts?lockedOnly=true', { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      {
        subjectId: client.clientId,
        kind: 'service_account',
        subjectName: 'integration',
        failures: 3,
        lockedUntil: expect.any(String),
        lastFailureAt: expect.any(String),
        lastClientIp: '127.0.0.1',
      },
    ]);
    expect(Date.parse(listed.body.items[0].lockedUntil) - Date.now()).toBeGreaterThan(290_000);
    expect(await auditActions(first, admin, client.clientId)).toEqual(['lockout.started']);

    const cleared = await api(first.baseUrl, 'DELETE', `/api/v1/lockouts/${client.clientId}`, {
      token: admin,
    });
    expect(cleared.status).toBe(204);
    expect(await auditActions(first, admin, client.clientId)).toEqual(['lockout.cleared', 'lockout.started']);
    await eventually(
      async () =>
        (await tokenRequest(second.baseUrl, form(client.clientId, client.clientSecret))).status === 200,
      { what: 'the second node issues again once cleared', timeoutMs: 5000 },
    );
    expect((await tokenRequest(first.baseUrl, form(client.clientId, client.clientSecret))).status).toBe(200);
    expect((await api(first.baseUrl, 'GET', '/api/v1/lockouts', { token: admin })).body.items).toEqual([]);
  });

  it('locks a login after repeated wrong passwords, the right password included, until the admin clears it', async () => {
    const password = 'member password 12';
    const login = await api(first.baseUrl, 'POST', '/api/v1/logins', {
      token: admin,
      body: { email: 'member@acme.example', name: 'Member', password },
    });
    const signIn = (server: TestServer, attempt: string) =>
      api(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'member@acme.example', password: attempt },
      });
    for (let i = 0; i < 3; i++)
      expect((await signIn(i % 2 ? first : second, 'wrong password')).status).toBe(401);

    for (const server of [first, second]) {
      const locked = await signIn(server, password);
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('too_many_attempts');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(290);
    }
    const listed = await api(first.baseUrl, 'GET', '/api/v1/lockouts', { token: admin });
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        subjectId: login.body.id,
        kind: 'login',
        subjectName: 'member@acme.example',
        failures: 3,
        lockedUntil: expect.any(String),
      }),
    ]);
    expect(await auditActions(first, admin, login.body.id)).toEqual(['lockout.started']);

    expect(
      (await api(second.baseUrl, 'DELETE', `/api/v1/lockouts/${login.body.id}`, { token: admin })).status,
    ).toBe(204);
    expect((await signIn(first, password)).status).toBe(200);
    expect(await auditActions(first, admin, login.body.id)).toEqual(['lockout.cleared', 'lockout.started']);
  });

  it('locks an unknown email the same way, so that a lock does not reveal which emails have logins', async () => {
    const signIn = () =>
      api(first.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'nobody@acme.example', password: 'any password' },
      });
    for (let i = 0; i < 3; i++) expect((await signIn()).status).toBe(401);
    const locked = await signIn();
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('too_many_attempts');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(290);
  });

  it('refuses to clear what the caller may not update, and answers 404 for an unknown subject', async () => {
    const unknown = await api(first.baseUrl, 'DELETE', `/api/v1/lockouts/${newId('serviceAccount')}`, {
      token: admin,
    });
    expect(unknown.status).toBe(404);
    const reader = await createUsableServiceAccount(first.baseUrl, admin, 'reader');
    const users = await api(first.baseUrl, 'GET', '/api/v1/users', { token: admin });
    const readerUser = users.body.items.find(
      (u: { serviceAccountId: string | null }) => u.serviceAccountId === reader.clientId,
    );
    const roles = await api(first.baseUrl, 'GET', '/api/v1/roles', { token: admin });
    const readOnly = roles.body.items.find((r: { name: string }) => r.name === 'Read only');
    await api(first.baseUrl, 'PUT', `/api/v1/users/${readerUser.id}/roles/${readOnly.id}`, {
      token: admin,
    });
    const token = (await tokenRequest(first.baseUrl, form(reader.clientId, reader.clientSecret))).body
      .access_token;
    expect((await api(first.baseUrl, 'GET', '/api/v1/lockouts', { token })).status).toBe(200);
    const refused = await api(first.baseUrl, 'DELETE', `/api/v1/lockouts/${reader.clientId}`, { token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('permission_denied');
  });

  it("does not count wrong secrets from an address the client's network policy refuses", async () => {
    const client = await createUsableServiceAccount(first.baseUrl, admin, 'fenced');
    const policy = await api(first.baseUrl, 'POST', '/api/v1/network-policies', {
      token: admin,
      body: { name: 'elsewhere', allowed: ['192.0.2.0/24'] },
    });
    await api(first.baseUrl, 'PATCH', `/api/v1/service-accounts/${client.clientId}`, {
      token: admin,
      body: { networkPolicyId: policy.body.id },
    });
    for (let i = 0; i < 6; i++) {
      expect((await tokenRequest(first.baseUrl, form(client.clientId, generateClientSecret()))).status).toBe(
        401,
      );
    }
    const listed = await api(first.baseUrl, 'GET', '/api/v1/lockouts', { token: admin });
    expect(listed.body.items.map((l: { subjectId: string }) => l.subjectId)).not.toContain(client.clientId);
    // The refusals are still audited, with their reason.
    const refusals = await api(
      first.baseUrl,
      'GET',
      `/api/v1/audit-events?target=${client.clientId}&action=token.refused`,
      { token: admin },
    );
    expect(refusals.body.items).toHaveLength(6);
  });
});

describeOnEachEngine('lock expiry on $engine', (engine) => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer(engine, {
      PORTCULLIS_LOCKOUT_CLIENT_FAILURES: '2',
      PORTCULLIS_LOCKOUT_SECONDS: '1',
    });
    admin = await adminToken(server.baseUrl);
  });
  afterAll(async () => server?.close());

  it('issues to the right secret once the lock has passed, and a success forgets the failures', async () => {
    const client = await createUsableServiceAccount(server.baseUrl, admin, 'patient');
    const right = () => tokenRequest(server.baseUrl, form(client.clientId, client.clientSecret));
    const wrong = () => tokenRequest(server.baseUrl, form(client.clientId, generateClientSecret()));
    for (let i = 0; i < 2; i++) expect((await wrong()).status).toBe(401);
    const locked = await right();
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await right()).status).toBe(200);
    // Counted from zero again: one failure now is one, not three.
    expect((await wrong()).status).toBe(401);
    const listed = await api(server.baseUrl, 'GET', '/api/v1/lockouts', { token: admin });
    expect(listed.body.items).toEqual([
      expect.objectContaining({ subjectId: client.clientId, failures: 1, lockedUntil: null }),
    ]);
    expect((await right()).status).toBe(200);
  });
});

describeOnEachEngine('refusals of unknown clients on $engine', (engine) => {
  it('adds no audit row for unknown clients, malformed secrets or unknown emails, and logs them per source', async () => {
    const server = await startTestServer(engine);
    let closed = false;
    try {
      const db = server.portcullis.database.db;
      const before = await countAuditEvents(db);
      for (let i = 0; i < 20; i++) {
        const unknown = await tokenRequest(
          server.baseUrl,
          form(newId('serviceAccount'), generateClientSecret()),
        );
        expect(unknown.status).toBe(401);
      }
      const client = await createUsableServiceAccount(
        server.baseUrl,
        await adminToken(server.baseUrl),
        'known',
      );
      const afterSetup = await countAuditEvents(db);
      expect(
        (await tokenRequest(server.baseUrl, form(client.clientId, 'not-a-well-formed-secret'))).status,
      ).toBe(401);
      expect(
        (
          await api(server.baseUrl, 'POST', '/v2/login', {
            body: { accessKey: newId('serviceAccount'), secretKey: generateClientSecret() },
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
            body: { email: 'nobody@acme.example', password: 'any password' },
          })
        ).status,
      ).toBe(401);
      expect(await countAuditEvents(db)).toBe(afterSetup);
      // Setting up the known client (sign-in, creations) is all the audit log gained.
      expect(afterSetup - before).toBeLessThan(10);

      await server.close();
      closed = true;
      const lines = server.logs
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.event === 'unattributed_refusals');
      expect(lines).toEqual([
        expect.objectContaining({
          total: 23,
          sources: [
            {
              clientIp: '127.0.0.1',
              count: 23,
              reasons: {
                'token.refused unknown_client': 21,
                'token.refused malformed_secret': 1,
                'login.refused unknown_login': 1,
              },
            },
          ],
          fromOtherSources: 0,
        }),
      ]);
    } finally {
      if (!closed) await server.close();
    }
  });
});
