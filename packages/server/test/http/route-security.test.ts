import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemCaller } from '../../src/services/context.js';
import { createLogin } from '../../src/services/logins/create-login.js';
import { createOrganizationWithAdmin } from '../../src/services/organizations/create-organization-with-admin.js';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

/** Ids of acme's objects, which strangers must not reach. */
interface Ids {
  serviceAccount: string;
  secret: string;
  user: string;
  role: string;
  clientCredential: string;
  accessKey: string;
  organization: string;
  networkPolicy: string;
  account: string;
  login: string;
}

interface Route {
  /** Valid input, so that authorization — not the schema — answers. */
  path: (ids: Ids) => string;
  body?: unknown;
  /** Answers without credentials (sign-in, discovery). */
  public?: boolean;
  /** What a caller from another organization gets: 404 for another's object, 403 for operator-only routes, or
   * 'own' for routes that act on the caller's own organization (the answer must not mention acme's ids). */
  stranger: 404 | 403 | 'own';
  /** What a read-only credential gets on a write, when not 403, and why. */
  readOnly?: { status: 200; reason: string };
}

const routes: Record<string, Route> = {
  'GET /health': { path: () => '/health', public: true, stranger: 'own' },
  'POST /v2/login': {
    path: () => '/v2/login',
    body: { accessKey: 'x', secretKey: 'y' },
    public: true,
    stranger: 'own',
  },
  'GET /v2/health': { path: () => '/v2/health', public: true, stranger: 'own' },
  'GET /api/v1/users/me/access-keys': { path: () => '/api/v1/users/me/access-keys', stranger: 'own' },
  'POST /api/v1/users/me/access-keys': { path: () => '/api/v1/users/me/access-keys', stranger: 'own' },
  'DELETE /api/v1/users/me/access-keys/{id}': {
    path: (i) => `/api/v1/users/me/access-keys/${i.accessKey}`,
    stranger: 404,
  },
  'GET /.well-known/jwks.json': { path: () => '/.well-known/jwks.json', public: true, stranger: 'own' },
  'GET /.well-known/oauth-authorization-server': {
    path: () => '/.well-known/oauth-authorization-server',
    public: true,
    stranger: 'own',
  },
  'GET /.well-known/openid-configuration': {
    path: () => '/.well-known/openid-configuration',
    public: true,
    stranger: 'own',
  },
  'POST /oauth/token': { path: () => '/oauth/token', public: true, stranger: 'own' },
  // Introspection and revocation authenticate the client themselves, as /oauth/token does (own tests).
  'POST /oauth/introspect': { path: () => '/oauth/introspect', public: true, stranger: 'own' },
  'POST /oauth/revoke': { path: () => '/oauth/revoke', public: true, stranger: 'own' },
  'GET /oauth/revocations': { path: () => '/oauth/revocations', stranger: 'own' },
  'POST /api/v1/auth/login': { path: () => '/api/v1/auth/login', public: true, stranger: 'own' },
  'POST /api/v1/auth/session': { path: () => '/api/v1/auth/session', public: true, stranger: 'own' },
  'GET /api/v1/auth/session': { path: () => '/api/v1/auth/session', stranger: 'own' },
  'GET /api/v1/service-accounts': { path: () => '/api/v1/service-accounts', stranger: 'own' },
  'POST /api/v1/service-accounts': {
    path: () => '/api/v1/service-accounts',
    body: { name: 'intruder' },
    stranger: 'own',
  },
  'GET /api/v1/service-accounts/{id}': {
    path: (i) => `/api/v1/service-accounts/${i.serviceAccount}`,
    stranger: 404,
  },
  'PATCH /api/v1/service-accounts/{id}': {
    path: (i) => `/api/v1/service-accounts/${i.serviceAccount}`,
    body: { description: 'x' },
    stranger: 404,
  },
  'DELETE /api/v1/service-accounts/{id}': {
    path: (i) => `/api/v1/service-accounts/${i.serviceAccount}`,
    stranger: 404,
  },
  'GET /api/v1/service-accounts/{id}/secrets': {
    path: (i) => `/api/v1/service-accounts/${i.serviceAccount}/secrets`,
    stranger: 404,
  },
  'POST /api/v1/service-accounts/{id}/secrets': {
    path: (i) => `/api/v1/service-accounts/${i.serviceAccount}/secrets`,
    stranger: 404,
  },
  'DELETE /api/v1/service-accounts/{id}/secrets/{secretId}': {
    path: (i) => `/api/v1/service-accounts/${i.serviceAccount}/secrets/${i.secret}`,
    stranger: 404,
  },
  'GET /api/v1/users': { path: () => '/api/v1/users', stranger: 'own' },
  'POST /api/v1/users': { path: () => '/api/v1/users', body: { name: 'intruder' }, stranger: 'own' },
  'GET /api/v1/users/{id}': { path: (i) => `/api/v1/users/${i.user}`, stranger: 404 },
  'PATCH /api/v1/users/{id}': {
    path: (i) => `/api/v1/users/${i.user}`,
    body: { active: false },
    stranger: 404,
  },
  'DELETE /api/v1/users/{id}': { path: (i) => `/api/v1/users/${i.user}`, stranger: 404 },
  'PUT /api/v1/users/{id}/roles/{roleId}': {
    path: (i) => `/api/v1/users/${i.user}/roles/${i.role}`,
    stranger: 404,
  },
  'DELETE /api/v1/users/{id}/roles/{roleId}': {
    path: (i) => `/api/v1/users/${i.user}/roles/${i.role}`,
    stranger: 404,
  },
  'GET /api/v1/roles': { path: () => '/api/v1/roles', stranger: 'own' },
  'POST /api/v1/roles': {
    path: () => '/api/v1/roles',
    body: { name: 'intruder', permissions: ['incidents:get'] },
    stranger: 'own',
  },
  'GET /api/v1/roles/{id}': { path: (i) => `/api/v1/roles/${i.role}`, stranger: 404 },
  'PATCH /api/v1/roles/{id}': {
    path: (i) => `/api/v1/roles/${i.role}`,
    body: { description: 'x' },
    stranger: 404,
  },
  'DELETE /api/v1/roles/{id}': { path: (i) => `/api/v1/roles/${i.role}`, stranger: 404 },
  'GET /api/v1/catalog': { path: () => '/api/v1/catalog', stranger: 'own' },
  'GET /api/v1/client-credentials': { path: () => '/api/v1/client-credentials', stranger: 'own' },
  'POST /api/v1/client-credentials': {
    path: () => '/api/v1/client-credentials',
    body: { name: 'intruder', preset: 'read_only' },
    stranger: 'own',
  },
  'GET /api/v1/client-credentials/{id}': {
    path: (i) => `/api/v1/client-credentials/${i.clientCredential}`,
    stranger: 404,
  },
  'PATCH /api/v1/client-credentials/{id}': {
    path: (i) => `/api/v1/client-credentials/${i.clientCredential}`,
    body: { description: 'x' },
    stranger: 404,
  },
  'DELETE /api/v1/client-credentials/{id}': {
    path: (i) => `/api/v1/client-credentials/${i.clientCredential}`,
    stranger: 404,
  },
  'POST /api/v1/client-credentials/{id}/secrets': {
    path: (i) => `/api/v1/client-credentials/${i.clientCredential}/secrets`,
    stranger: 404,
  },
  'GET /api/v1/organizations': { path: () => '/api/v1/organizations', stranger: 403 },
  'POST /api/v1/organizations': {
    path: () => '/api/v1/organizations',
    body: { name: 'intruder' },
    stranger: 403,
  },
  'PATCH /api/v1/organizations/{id}': {
    path: (i) => `/api/v1/organizations/${i.organization}`,
    body: { programmaticAccessAvailable: false },
    stranger: 403,
  },
  'GET /api/v1/organization': { path: () => '/api/v1/organization', stranger: 'own' },
  'PATCH /api/v1/organization': {
    path: () => '/api/v1/organization',
    body: { displayName: 'x' },
    stranger: 'own',
  },
  'GET /api/v1/network-policies': { path: () => '/api/v1/network-policies', stranger: 'own' },
  'POST /api/v1/network-policies': {
    path: () => '/api/v1/network-policies',
    body: { name: 'intruder' },
    stranger: 'own',
  },
  'GET /api/v1/network-policies/{id}': {
    path: (i) => `/api/v1/network-policies/${i.networkPolicy}`,
    stranger: 404,
  },
  'PATCH /api/v1/network-policies/{id}': {
    path: (i) => `/api/v1/network-policies/${i.networkPolicy}`,
    body: { description: 'x' },
    stranger: 404,
  },
  'DELETE /api/v1/network-policies/{id}': {
    path: (i) => `/api/v1/network-policies/${i.networkPolicy}`,
    stranger: 404,
  },
  'GET /api/v1/audit-events': { path: () => '/api/v1/audit-events', stranger: 'own' },
  'GET /api/v1/audit-events/export': { path: () => '/api/v1/audit-events/export', stranger: 'own' },
  'GET /api/v1/accounts': { path: () => '/api/v1/accounts', stranger: 'own' },
  'POST /api/v1/accounts': { path: () => '/api/v1/accounts', body: { name: 'intruder' }, stranger: 'own' },
  'GET /api/v1/accounts/{id}': { path: (i) => `/api/v1/accounts/${i.account}`, stranger: 404 },
  'PATCH /api/v1/accounts/{id}': {
    path: (i) => `/api/v1/accounts/${i.account}`,
    body: { name: 'renamed' },
    stranger: 404,
  },
  'DELETE /api/v1/accounts/{id}': { path: (i) => `/api/v1/accounts/${i.account}`, stranger: 404 },
  'GET /api/v1/logins': { path: () => '/api/v1/logins', stranger: 'own' },
  'POST /api/v1/logins': {
    path: () => '/api/v1/logins',
    body: { email: 'intruder@example.com', name: 'Intruder', password: 'intruder password' },
    stranger: 'own',
  },
  'GET /api/v1/logins/{id}': { path: (i) => `/api/v1/logins/${i.login}`, stranger: 404 },
  'PATCH /api/v1/logins/{id}': {
    path: (i) => `/api/v1/logins/${i.login}`,
    body: { active: false },
    stranger: 404,
  },
  'DELETE /api/v1/logins/{id}': { path: (i) => `/api/v1/logins/${i.login}`, stranger: 404 },
  'PUT /api/v1/logins/{id}/password': {
    path: (i) => `/api/v1/logins/${i.login}/password`,
    body: { password: 'a new password 12' },
    stranger: 404,
  },
  'PUT /api/v1/auth/password': {
    path: () => '/api/v1/auth/password',
    body: { currentPassword: 'wrong current password', newPassword: 'a new password 12' },
    stranger: 'own',
  },
  'GET /api/v1/lockouts': { path: () => '/api/v1/lockouts', stranger: 'own' },
  'DELETE /api/v1/lockouts/{id}': { path: (i) => `/api/v1/lockouts/${i.serviceAccount}`, stranger: 404 },
  'POST /api/v1/sql': {
    path: () => '/api/v1/sql',
    body: { query: 'CREATE ROLE sql_intruder' },
    stranger: 'own',
  },
  'POST /api/v1/authorize': {
    path: () => '/api/v1/authorize',
    body: { permissions: ['incidents:get'] },
    stranger: 'own',
    readOnly: { status: 200, reason: 'a question about the token, not a change' },
  },
  // Last: the stranger's visits end the stranger's own session.
  'DELETE /api/v1/auth/session': { path: () => '/api/v1/auth/session', stranger: 'own' },
  'POST /api/v1/auth/logout': { path: () => '/api/v1/auth/logout', body: {}, stranger: 'own' },
};

const isWrite = (key: string) => !key.startsWith('GET ');
const methodOf = (key: string) => key.split(' ')[0]!;

describeOnEachEngine('route security on $engine', (engine) => {
  let server: TestServer;
  let ids: Ids;
  let stranger: string;
  let readOnly: string;
  const unchanged = <T>(request: () => Promise<T>) => expectUnchanged(server.portcullis.database.db, request);
  const send = (key: string, token?: string) => {
    const route = routes[key]!;
    return api(server.baseUrl, methodOf(key), route.path(ids), {
      ...(token ? { token } : {}),
      ...(route.body === undefined ? {} : { body: route.body }),
    });
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    const admin = await adminToken(server.baseUrl);
    const { ctx } = server.portcullis;
    const db = server.portcullis.database.db;
    const org = await db
      .selectFrom('organizations')
      .select('id')
      .where('name', '=', 'acme')
      .executeTakeFirstOrThrow();
    const readOnlyRole = (
      await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin })
    ).body.items.find((r: { name: string }) => r.name === 'Read only');
    const client = await createUsableServiceAccount(server.baseUrl, admin, 'watched');
    const saUser = (await api(server.baseUrl, 'GET', '/api/v1/users', { token: admin })).body.items.find(
      (u: { serviceAccountId: string | null }) => u.serviceAccountId === client.clientId,
    );
    await api(server.baseUrl, 'PUT', `/api/v1/users/${saUser.id}/roles/${readOnlyRole.id}`, { token: admin });
    readOnly = (
      await tokenRequest(server.baseUrl, {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      })
    ).body.access_token;
    const secrets = await api(server.baseUrl, 'GET', `/api/v1/service-accounts/${client.clientId}/secrets`, {
      token: admin,
    });
    const login = await createLogin(ctx, systemCaller(), {
      organizationId: org.id,
      email: 'member@acme.example',
      name: 'M',
      password: 'member password 1',
    });
    ids = {
      serviceAccount: client.clientId,
      secret: secrets.body.items[0].id,
      user: saUser.id,
      role: (
        await api(server.baseUrl, 'POST', '/api/v1/roles', {
          token: admin,
          body: { name: 'custom', permissions: ['incidents:get'] },
        })
      ).body.id,
      clientCredential: (
        await api(server.baseUrl, 'POST', '/api/v1/client-credentials', {
          token: admin,
          body: { name: 'mine', preset: 'read_only' },
        })
      ).body.id,
      accessKey: (await api(server.baseUrl, 'POST', '/api/v1/users/me/access-keys', { token: admin })).body
        .accessKey,
      organization: org.id,
      networkPolicy: (
        await api(server.baseUrl, 'POST', '/api/v1/network-policies', {
          token: admin,
          body: { name: 'office', allowed: ['10.0.0.0/8'] },
        })
      ).body.id,
      account: (
        await api(server.baseUrl, 'POST', '/api/v1/accounts', { token: admin, body: { name: 'analytics' } })
      ).body.id,
      login: login.id,
    };
    const strangerAdmin = {
      email: 'admin@globex.example',
      name: 'Globex',
      password: 'globex admin password',
    };
    const globex = await createOrganizationWithAdmin(ctx, systemCaller(), {
      name: 'globex',
      programmaticAccessAvailable: true,
      programmaticAccessEnabled: true,
      admin: strangerAdmin,
    });
    expect(globex.name).toBe('globex');
    stranger = (
      await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: strangerAdmin.email, password: strangerAdmin.password },
      })
    ).body.accessToken;
  });
  afterAll(async () => server?.close());

  it('covers every route the OpenAPI document lists (new routes must join)', async () => {
    const doc = await api(server.baseUrl, 'GET', '/api/v1/openapi.json');
    const listed = Object.entries(doc.body.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(listed.filter((key) => !(key in routes))).toEqual([]);
    expect(Object.keys(routes).filter((key) => !listed.includes(key))).toEqual([]);
  });

  it('answers 401 with WWW-Authenticate on every protected route when no credentials are sent', async () => {
    for (const key of Object.keys(routes).filter((k) => !routes[k]!.public)) {
      const response = await unchanged(() => send(key));
      expect(response.status, key).toBe(401);
      expect(response.headers.get('www-authenticate'), key).toMatch(/^Bearer realm="portcullis"/);
      expect(response.body.error.code, key).toBe('unauthenticated');
    }
  });

  it("answers 404 for another organization's objects on every route, and leaks none of them", async () => {
    const acmeIds = () => Object.values(ids);
    for (const key of Object.keys(routes).filter((k) => !routes[k]!.public)) {
      const expected = routes[key]!.stranger;
      const response =
        expected === 'own' ? await send(key, stranger) : await unchanged(() => send(key, stranger));
      if (expected !== 'own') expect(response.status, key).toBe(expected);
      const text = JSON.stringify(response.body);
      for (const id of acmeIds().filter((i) => i !== ids.organization || expected !== 403))
        expect(text, key).not.toContain(id);
    }
  });

  it('answers 403 to a read-only credential on every write', async () => {
    for (const key of Object.keys(routes).filter((k) => isWrite(k) && !routes[k]!.public)) {
      const expected = routes[key]!.readOnly?.status ?? 403;
      const response =
        expected === 200 ? await send(key, readOnly) : await unchanged(() => send(key, readOnly));
      expect(response.status, key).toBe(expected);
      if (expected === 403) {
        expect(['permission_denied', 'permission_exceeds_grantor'], key).toContain(response.body.error.code);
      }
    }
  });

  it('lets the read-only credential read', async () => {
    for (const key of [
      'GET /api/v1/roles',
      'GET /api/v1/users',
      'GET /api/v1/audit-events',
      'GET /api/v1/catalog',
    ]) {
      expect((await send(key, readOnly)).status, key).toBe(200);
    }
  });
});
