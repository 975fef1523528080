import { afterAll, beforeAll, expect, it } from 'vitest';
import { canonicalScope } from '../support/canonical-scope.js';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { startTwoNodes, type TestServer, type TwoNodes } from '../support/test-server.js';

describeOnEachEngine('cached client state on $engine', (engine) => {
  let nodes: TwoNodes;
  let nodeA: TestServer;
  let nodeB: TestServer;
  let admin: string;
  let client: { clientId: string; clientSecret: string };
  const token = (node: TestServer) =>
    tokenRequest(node.baseUrl, {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });

  beforeAll(async () => {
    nodes = await startTwoNodes(engine);
    ({ nodeA, nodeB } = nodes);
    admin = await adminToken(nodeA.baseUrl);
    client = await createUsableServiceAccount(nodeA.baseUrl, admin, 'cached');
  });
  afterAll(async () => nodes?.close());

  it('applies a change on the node that made it at once', async () => {
    expect((await token(nodeA)).body.scope).toBe('');
    const roles = (await api(nodeA.baseUrl, 'GET', '/api/v1/roles', { token: admin })).body.items;
    const user = (await api(nodeA.baseUrl, 'GET', '/api/v1/users', { token: admin })).body.items.find(
      (u: { serviceAccountId: string | null }) => u.serviceAccountId === client.clientId,
    );
    await api(
      nodeA.baseUrl,
      'PUT',
      `/api/v1/users/${user.id}/roles/${roles.find((r: { name: string }) => r.name === 'Read only').id}`,
      {
        token: admin,
      },
    );
    expect(canonicalScope((await token(nodeA)).body.scope)).toBe('*:get *:list');
  });

  // PostgreSQL: LISTEN/NOTIFY. SQLite: the other connection's commit moves PRAGMA data_version.
  it('applies a change made on another node within a second', async () => {
    expect((await token(nodeB)).status).toBe(200);
    await api(nodeA.baseUrl, 'PATCH', `/api/v1/service-accounts/${client.clientId}`, {
      token: admin,
      body: { enabled: false },
    });
    const deadline = Date.now() + 1000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await token(nodeB)).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(401);
    await api(nodeA.baseUrl, 'PATCH', `/api/v1/service-accounts/${client.clientId}`, {
      token: admin,
      body: { enabled: true },
    });
  });
});
