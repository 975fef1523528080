import { generateClientSecret } from '@portcullis/core/secrets';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount } from '../support/http-client.js';
import { countAuditEvents, latestAuditEvents } from '../support/state-snapshot.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describeOnEachEngine('HTTP Basic on the API on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let client: { clientId: string; clientSecret: string };
  let userId: string;
  let readOnlyRoleId: string;
  let adminRoleId: string;
  const call = (method: string, path: string, authorization: string, body?: unknown) =>
    api(server.baseUrl, method, path, {
      headers: { authorization },
      ...(body === undefined ? {} : { body }),
    });

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
    client = await createUsableServiceAccount(server.baseUrl, admin, 'basic');
    const roles = (await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin })).body.items;
    readOnlyRoleId = roles.find((r: { name: string }) => r.name === 'Read only').id;
    adminRoleId = roles.find((r: { name: string }) => r.name === 'Admin').id;
    userId = (await api(server.baseUrl, 'GET', '/api/v1/users', { token: admin })).body.items.find(
      (u: { serviceAccountId: string | null }) => u.serviceAccountId === client.clientId,
    ).id;
    await api(server.baseUrl, 'PUT', `/api/v1/users/${userId}/roles/${readOnlyRoleId}`, { token: admin });
  });
  afterAll(async () => server?.close());

  it('acts with exactly the credential’s effective permissions', async () => {
    const auth = basic(client.clientId, client.clientSecret);
    expect((await call('GET', '/api/v1/roles', auth)).status).toBe(200);
    const write = await expectUnchanged(server.portcullis.database.db, () =>
      call('POST', '/api/v1/roles', auth, { name: 'nope', permissions: ['incidents:get'] }),
    );
    expect(write).toMatchObject({ status: 403, body: { error: { code: 'permission_denied' } } });
    const asked = await call('POST', '/api/v1/authorize', auth, {
      permissions: ['incidents:list', 'incidents:update'],
    });
    expect(asked.body).toEqual({ allowed: false, missing: ['incidents:update'] });

    // Upgrade the user: the same Basic credentials can do more at once; downgrade: less.
    await api(server.baseUrl, 'PUT', `/api/v1/users/${userId}/roles/${adminRoleId}`, { token: admin });
    expect(
      (await call('POST', '/api/v1/authorize', auth, { permissions: ['incidents:update'] })).body.allowed,
    ).toBe(true);
    await api(server.baseUrl, 'DELETE', `/api/v1/users/${userId}/roles/${adminRoleId}`, { token: admin });
    expect(
      (await call('POST', '/api/v1/authorize', auth, { permissions: ['incidents:update'] })).body.allowed,
    ).toBe(false);
  });

  it('refuses wrong, malformed and disabled credentials with a 401, auditing why', async () => {
    const db = server.portcullis.database.db;
    // Refusals that name no organization's client are counted per source, not audited.
    for (const [auth, reason] of [
      [basic(client.clientId, generateClientSecret()), 'wrong_secret'],
      [basic(client.clientId, 'not-a-secret'), undefined],
      [basic('sa_01m82xvp2vsehr91fdaggr88nr', client.clientSecret), undefined],
    ] as const) {
      const auditBefore = await countAuditEvents(db);
      const response = await expectUnchanged(db, () => call('GET', '/api/v1/roles', auth));
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthenticated');
      expect(response.headers.get('www-authenticate')).toContain('Basic realm="portcullis"');
      if (reason) expect(await latestAuditEvents(db, 1)).toEqual([{ action: 'basic_auth.refused', reason }]);
      else expect(await countAuditEvents(db)).toBe(auditBefore);
    }
    expect((await call('GET', '/api/v1/roles', 'Basic !!!')).status).toBe(401);

    await api(server.baseUrl, 'PATCH', `/api/v1/service-accounts/${client.clientId}`, {
      token: admin,
      body: { enabled: false },
    });
    expect((await call('GET', '/api/v1/roles', basic(client.clientId, client.clientSecret))).status).toBe(
      401,
    );
    expect(await latestAuditEvents(db, 1)).toEqual([{ action: 'basic_auth.refused', reason: 'disabled' }]);
    await api(server.baseUrl, 'PATCH', `/api/v1/service-accounts/${client.clientId}`, {
      token: admin,
      body: { enabled: true },
    });
  });

  it('refuses Basic credentials holding characters the input rule refuses, before any database read', async () => {
    const db = server.portcullis.database.db;
    for (const auth of [
      basic(`${client.clientId}\u0000`, client.clientSecret),
      basic(client.clientId, `${client.clientSecret}\u001b`),
      `Basic ${Buffer.from([0x73, 0x61, 0xed, 0xa0, 0x80, 0x3a, 0x78]).toString('base64')}`,
    ]) {
      const auditBefore = await countAuditEvents(db);
      const response = await expectUnchanged(db, () => call('GET', '/api/v1/roles', auth));
      expect([response.status, response.body.error.code]).toEqual([401, 'unauthenticated']);
      // A refusal that reached the database would have been audited as basic_auth.refused.
      expect(await countAuditEvents(db)).toBe(auditBefore);
    }
  });

  it('is refused while programmatic access is off', async () => {
    await api(server.baseUrl, 'PATCH', '/api/v1/organization', {
      token: admin,
      body: { programmaticAccessEnabled: false },
    });
    try {
      expect((await call('GET', '/api/v1/roles', basic(client.clientId, client.clientSecret))).status).toBe(
        401,
      );
      expect(await latestAuditEvents(server.portcullis.database.db, 1)).toEqual([
        { action: 'basic_auth.refused', reason: 'programmatic_access_disabled' },
      ]);
    } finally {
      await api(server.baseUrl, 'PATCH', '/api/v1/organization', {
        token: admin,
        body: { programmaticAccessEnabled: true },
      });
    }
  });
});
