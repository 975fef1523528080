import { decodeJwt } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import {
  adminToken,
  api,
  basicAuthorization,
  type ClientPair,
  createResourceServer,
  createUsableServiceAccount,
  tokenRequest,
} from '../support/http-client.js';
import { flushBackgroundWrites, startTestServer, type TestServer } from '../support/test-server.js';

/** Decision 0026: the `scope` claim spells platform permissions out, so standard libraries can check them. */
describeOnEachEngine('the scope claim on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let introspector: ClientPair;

  /** A service account whose user holds the built-in role `role`. */
  async function credential(name: string, role: 'Admin' | 'Read only'): Promise<ClientPair> {
    const roles = (await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin })).body.items;
    const roleId = roles.find((r: { name: string }) => r.name === role).id;
    const client = await createUsableServiceAccount(server.baseUrl, admin, name);
    const users = (await api(server.baseUrl, 'GET', '/api/v1/users', { token: admin })).body.items;
    const user = users.find((u: { serviceAccountId: string }) => u.serviceAccountId === client.clientId);
    await api(server.baseUrl, 'PUT', `/api/v1/users/${user.id}/roles/${roleId}`, { token: admin });
    return client;
  }

  const issue = (client: ClientPair, extra: Record<string, string> = {}) =>
    tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      ...extra,
    });

  const introspect = async (token: string) =>
    (
      await api(server.baseUrl, 'POST', '/oauth/introspect', {
        headers: {
          authorization: basicAuthorization(introspector),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ token }).toString(),
      })
    ).body;

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
    introspector = await createResourceServer(server.baseUrl, admin, 'scope-introspector');
  });
  afterAll(async () => server?.close());

  it("spells out an Admin's platform permissions after *:*, alike in the response, the claim and introspection", async () => {
    const issued = await issue(await credential('scope-admin', 'Admin'));
    const items = issued.body.scope.split(' ');
    expect(items[0]).toBe('*:*');
    expect(items).toEqual(expect.arrayContaining(['incidents:create', 'incidents:list', 'search:create']));
    expect(items.filter((item: string) => item.startsWith('portcullis.'))).toEqual([]);
    expect(decodeJwt(issued.body.access_token).scope).toBe(issued.body.scope);
    expect((await introspect(issued.body.access_token)).scope).toBe(issued.body.scope);
  });

  it('spells out get and list for Read only, and keeps the canonical form in the audit event', async () => {
    const client = await credential('scope-reader', 'Read only');
    const issued = await issue(client);
    const items = issued.body.scope.split(' ');
    expect(items.slice(0, 2)).toEqual(['*:get', '*:list']);
    expect(items).toContain('incidents:list');
    expect(items).not.toContain('incidents:create');
    const { jti } = decodeJwt(issued.body.access_token);
    await flushBackgroundWrites(server);
    const event = await server.portcullis.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'token.issued')
      .where('target_id', '=', client.clientId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.details!)).toMatchObject({ jti, scope: '*:get *:list' });
  });

  it('spells out a narrowed scope the same way', async () => {
    const issued = await issue(await credential('scope-narrowed', 'Admin'), { scope: 'incidents:*' });
    expect(issued.body.scope).toBe(
      'incidents:* incidents:create incidents:delete incidents:get incidents:list incidents:run incidents:update',
    );
  });
});
