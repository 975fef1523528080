import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { eventually } from '../support/eventually.js';
import {
  adminToken,
  api,
  basicAuthorization,
  clientCredentialsToken,
  createResourceServer,
} from '../support/http-client.js';
import { startTwoNodes, type TestServer, type TwoNodes } from '../support/test-server.js';

/**
 * What a bearer token may do on the API is read once per change and kept in memory (decision 0009):
 * two Portcullis servers share one database, each has answered the caller before the change (so each
 * holds the caller's state), and a right taken away through one is refused by the other within the
 * second deploy.md promises — at once by the node that made the change.
 */
describeOnEachEngine('API rights follow a change on every node on $engine', (engine) => {
  let nodes: TwoNodes;
  let nodeA: TestServer;
  let nodeB: TestServer;
  let admin: string;
  let readOnlyRole: string;

  const rolesStatus = async (node: TestServer, token: string) =>
    (await api(node.baseUrl, 'GET', '/api/v1/roles', { token })).status;

  beforeAll(async () => {
    nodes = await startTwoNodes(engine);
    ({ nodeA, nodeB } = nodes);
    admin = await adminToken(nodeA.baseUrl);
    const roles = await api(nodeA.baseUrl, 'GET', '/api/v1/roles', { token: admin });
    readOnlyRole = roles.body.items.find((r: { name: string }) => r.name === 'Read only').id;
  });
  afterAll(async () => nodes?.close());

  it("a person's role taken away through one node is refused by the other within a second", async () => {
    const email = 'reader@acme.example';
    const password = 'password of the reader';
    const login = await api(nodeA.baseUrl, 'POST', '/api/v1/logins', {
      token: admin,
      body: { email, name: 'Reader', password },
    });
    const user = await api(nodeA.baseUrl, 'POST', '/api/v1/users', {
      token: admin,
      body: { name: 'reader', loginId: login.body.id, roleIds: [readOnlyRole] },
    });
    expect(user.status).toBe(201);
    const session = (await api(nodeB.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } }))
      .body.accessToken as string;
    expect([await rolesStatus(nodeA, session), await rolesStatus(nodeB, session)]).toEqual([200, 200]);

    const revoked = await api(
      nodeA.baseUrl,
      'DELETE',
      `/api/v1/users/${user.body.id}/roles/${readOnlyRole}`,
      {
        token: admin,
      },
    );
    expect(revoked.status).toBe(200);
    expect(await rolesStatus(nodeA, session)).toBe(403);
    await eventually(async () => (await rolesStatus(nodeB, session)) === 403, {
      what: 'the other node refuses the person the right they lost',
      timeoutMs: 1000,
    });

    // And back: a right given is usable as promptly, so the cache holds no stale refusal either.
    await api(nodeB.baseUrl, 'PUT', `/api/v1/users/${user.body.id}/roles/${readOnlyRole}`, { token: admin });
    expect(await rolesStatus(nodeB, session)).toBe(200);
    await eventually(async () => (await rolesStatus(nodeA, session)) === 200, {
      what: 'the other node lets the person use the right given back',
      timeoutMs: 1000,
    });
  });

  it("a disabled service account's token is refused by the other node within a second", async () => {
    const sa = await api(nodeA.baseUrl, 'POST', '/api/v1/service-accounts', {
      token: admin,
      body: { name: 'bearer-on-two-nodes' },
    });
    const secret = await api(nodeA.baseUrl, 'POST', `/api/v1/service-accounts/${sa.body.id}/secrets`, {
      token: admin,
    });
    await api(nodeA.baseUrl, 'POST', '/api/v1/users', {
      token: admin,
      body: { name: 'bearer-on-two-nodes', serviceAccountId: sa.body.id, roleIds: [readOnlyRole] },
    });
    const token = await clientCredentialsToken(nodeB.baseUrl, secret.body);
    expect([await rolesStatus(nodeA, token), await rolesStatus(nodeB, token)]).toEqual([200, 200]);

    const disabled = await api(nodeB.baseUrl, 'PATCH', `/api/v1/service-accounts/${sa.body.id}`, {
      token: admin,
      body: { enabled: false },
    });
    expect(disabled.status).toBe(200);
    expect(await rolesStatus(nodeB, token)).toBe(401);
    await eventually(async () => (await rolesStatus(nodeA, token)) === 401, {
      what: 'the other node refuses the disabled service account',
      timeoutMs: 1000,
    });
  });

  it("a service account's token for an account since deleted is refused, and introspection calls it inactive", async () => {
    const account = await api(nodeA.baseUrl, 'POST', '/api/v1/accounts', {
      token: admin,
      body: { name: 'short-lived' },
    });
    expect(account.status).toBe(201);
    const sa = await api(nodeA.baseUrl, 'POST', '/api/v1/service-accounts', {
      token: admin,
      body: { name: 'in-a-short-lived-account' },
    });
    const secret = await api(nodeA.baseUrl, 'POST', `/api/v1/service-accounts/${sa.body.id}/secrets`, {
      token: admin,
    });
    const user = await api(nodeA.baseUrl, 'POST', '/api/v1/users', {
      token: admin,
      body: { name: 'short-lived-user', serviceAccountId: sa.body.id, accountId: account.body.id },
    });
    expect(user.status).toBe(201);
    const token = await clientCredentialsToken(nodeB.baseUrl, secret.body, { account: 'short-lived' });
    expect(await rolesStatus(nodeB, token)).toBe(403);
    const introspector = await createResourceServer(nodeA.baseUrl, admin, 'account-deletion');
    const introspect = async () => {
      const response = await fetch(`${nodeA.baseUrl}/oauth/introspect`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: basicAuthorization(introspector),
        },
        body: new URLSearchParams({ token }).toString(),
      });
      return response.json();
    };
    expect(await introspect()).toMatchObject({ active: true });

    expect(
      (await api(nodeA.baseUrl, 'DELETE', `/api/v1/users/${user.body.id}`, { token: admin })).status,
    ).toBe(204);
    expect(
      (await api(nodeA.baseUrl, 'DELETE', `/api/v1/accounts/${account.body.id}`, { token: admin })).status,
    ).toBe(204);
    const refused = await api(nodeA.baseUrl, 'GET', '/api/v1/roles', { token });
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).not.toContain('short-lived');
    expect(await introspect()).toEqual({ active: false });
  });
});
