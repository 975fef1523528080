import { decodeJwt } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemCaller } from '../../src/services/context.js';
import { createOrganizationWithAdmin } from '../../src/services/organizations/create-organization-with-admin.js';
import { canonicalScope } from '../support/canonical-scope.js';
import { describeOnEachEngine } from '../support/engines.js';
import {
  adminToken,
  api,
  basicAuthorization,
  type ClientPair,
  clientCredentialsToken,
  createResourceServer,
  createUsableServiceAccount,
  type JsonResponse,
} from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describeOnEachEngine('revocation, introspection and the revocation feed on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let resourceServer: ClientPair;
  let app: ClientPair;
  let appUserId: string;
  let readOnlyRoleId: string;

  const form = async (
    path: string,
    fields: Record<string, string>,
    authorization: string,
  ): Promise<JsonResponse> => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
      body: new URLSearchParams(fields).toString(),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
  const introspect = (token: string, as: ClientPair = resourceServer) =>
    form('/oauth/introspect', { token }, basicAuthorization(as));
  const tokenOf = (c: ClientPair, extra: Record<string, string> = {}) =>
    clientCredentialsToken(server.baseUrl, c, extra);
  const feed = async (after?: string, wait = 0) =>
    api(server.baseUrl, 'GET', `/oauth/revocations?wait=${wait}${after ? `&after=${after}` : ''}`, {
      headers: { authorization: basicAuthorization(resourceServer) },
    });

  /** A second organization with programmatic access on, and its admin signed in. */
  const anotherOrganization = async (name: string) => {
    const credentials = { email: `admin@${name}.example`, name, password: `${name} admin password` };
    const organization = await createOrganizationWithAdmin(server.portcullis.ctx, systemCaller(), {
      name,
      programmaticAccessAvailable: true,
      programmaticAccessEnabled: true,
      admin: credentials,
    });
    const signedIn = await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: credentials.email, password: credentials.password },
    });
    return { organization, adminToken: signedIn.body.accessToken as string };
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
    resourceServer = await createResourceServer(server.baseUrl, admin, 'api-gateway');

    readOnlyRoleId = (await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin })).body.items.find(
      (r: { name: string }) => r.name === 'Read only',
    ).id;
    app = await createUsableServiceAccount(server.baseUrl, admin, 'app');
    appUserId = (await api(server.baseUrl, 'GET', '/api/v1/users', { token: admin })).body.items.find(
      (u: { serviceAccountId: string | null }) => u.serviceAccountId === app.clientId,
    ).id;
    await api(server.baseUrl, 'PUT', `/api/v1/users/${appUserId}/roles/${readOnlyRoleId}`, {
      token: admin,
    });
  });
  afterAll(async () => server?.close());

  it('introspects a live token with its claims and live scope', async () => {
    const token = await tokenOf(app, { audience: 'https://api.firebolt.io' });
    const answer = await introspect(token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(canonicalScope(String(answer.body.scope))).toBe('*:get *:list');
    expect(answer.body).toMatchObject({
      active: true,
      client_id: app.clientId,
      sub: app.clientId,
      aud: 'https://api.firebolt.io',
      iss: server.baseUrl,
      token_type: 'Bearer',
      jti: expect.any(String),
      exp: expect.any(Number),
    });
    // A bearer token for the API works as the caller's credential too.
    const asBearer = await form('/oauth/introspect', { token }, `Bearer ${await tokenOf(resourceServer)}`);
    expect(asBearer.body.active).toBe(true);
  });

  it('says inactive for garbage and for tokens of another organization', async () => {
    expect((await introspect('not.a.token')).body).toEqual({ active: false });
    const { adminToken: globex } = await anotherOrganization('globex');
    const stranger = await createUsableServiceAccount(server.baseUrl, globex, 'stranger');
    expect((await introspect(await tokenOf(stranger))).body).toEqual({ active: false });
  });

  it('refuses callers without the introspection permission, or without credentials', async () => {
    const token = await tokenOf(app);
    const forbidden = await introspect(token, app);
    expect(forbidden).toMatchObject({ status: 403, body: { error: 'insufficient_scope' } });
    const anonymous = await form('/oauth/introspect', { token }, '');
    expect(anonymous).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('narrows scope live on a downgrade, and the feed tells offline verifiers to recheck', async () => {
    const start = (await feed()).body.cursor as string | null;
    const token = await tokenOf(app);
    const narrow = await api(server.baseUrl, 'POST', '/api/v1/roles', {
      token: admin,
      body: { name: 'incidents-reader', permissions: ['incidents:get', 'incidents:list'] },
    });
    await api(server.baseUrl, 'PUT', `/api/v1/users/${appUserId}/roles/${narrow.body.id}`, {
      token: admin,
    });
    await api(server.baseUrl, 'DELETE', `/api/v1/users/${appUserId}/roles/${readOnlyRoleId}`, {
      token: admin,
    });
    expect((await introspect(token)).body).toMatchObject({
      active: true,
      scope: 'incidents:get incidents:list',
    });
    const events = (await feed(start ?? undefined)).body.events;
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: 'subject',
        subject: app.clientId,
        reason: 'user_downgraded',
        effect: 'recheck',
      }),
    );
    await api(server.baseUrl, 'PUT', `/api/v1/users/${appUserId}/roles/${readOnlyRoleId}`, {
      token: admin,
    });
  });

  it('revokes a token for the client that holds it (RFC 7009), everywhere', async () => {
    const token = await tokenOf(app);
    const cursor = (await feed()).body.cursor as string | null;
    // Another client cannot revoke it; the answer does not say so.
    expect((await form('/oauth/revoke', { token }, basicAuthorization(resourceServer))).status).toBe(200);
    expect((await introspect(token)).body.active).toBe(true);

    const revoked = await form(
      '/oauth/revoke',
      { token, token_type_hint: 'access_token' },
      basicAuthorization(app),
    );
    expect(revoked.status).toBe(200);
    expect((await introspect(token)).body).toEqual({ active: false });
    expect((await api(server.baseUrl, 'GET', '/api/v1/catalog', { token })).status).toBe(401);
    const events = (await feed(cursor ?? undefined)).body.events;
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'token',
        reason: 'revoked_by_client',
        effect: 'void',
        jti: expect.any(String),
      }),
    ]);
    // Revoking garbage, or twice, is still a 200.
    expect((await form('/oauth/revoke', { token }, basicAuthorization(app))).status).toBe(200);
    expect((await form('/oauth/revoke', { token: 'garbage' }, basicAuthorization(app))).status).toBe(200);
    expect(
      (
        await form(
          '/oauth/revoke',
          { token },
          `Basic ${Buffer.from(`${app.clientId}:nope`).toString('base64')}`,
        )
      ).status,
    ).toBe(401);
  });

  it('voids earlier tokens when a secret is regenerated without grace, even ones from the same second', async () => {
    const cursor = (await feed()).body.cursor as string;
    // Start early in a second, so the earlier token, the change and the fresh token share one `iat` second
    // unless the issuer keeps them apart.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000)));
    const earlier = await tokenOf(app);
    const rotated = await api(server.baseUrl, 'POST', `/api/v1/service-accounts/${app.clientId}/secrets`, {
      token: admin,
    });
    app = { clientId: app.clientId, clientSecret: rotated.body.clientSecret };
    const later = await tokenOf(app);
    expect((await introspect(earlier)).body).toEqual({ active: false });
    expect((await introspect(later)).body.active).toBe(true);
    expect((await api(server.baseUrl, 'GET', '/api/v1/catalog', { token: earlier })).status).toBe(401);
    expect((await api(server.baseUrl, 'GET', '/api/v1/catalog', { token: later })).status).toBe(200);
    // What an offline verifier sees: the earlier token before the event's notBefore, the fresh one not.
    const [event] = (await feed(cursor)).body.events;
    expect(event).toMatchObject({ kind: 'subject', subject: app.clientId, effect: 'void' });
    expect(decodeJwt(earlier).iat).toBeLessThan(event.notBefore);
    expect(decodeJwt(later).iat).toBeGreaterThanOrEqual(event.notBefore);
  });

  it('voids earlier tokens when one secret is revoked, and tells offline verifiers', async () => {
    const secretsPath = `/api/v1/service-accounts/${app.clientId}/secrets`;
    const old = (await api(server.baseUrl, 'GET', secretsPath, { token: admin })).body.items.find(
      (secret: { status: string }) => secret.status === 'active',
    );
    const rotated = await api(server.baseUrl, 'POST', secretsPath, {
      token: admin,
      body: { gracePeriodSeconds: 600 },
    });
    const earlier = await tokenOf(app);
    const cursor = (await feed()).body.cursor as string;
    const revoked = await api(server.baseUrl, 'DELETE', `${secretsPath}/${old.id}`, { token: admin });
    expect(revoked.status).toBe(204);
    app = { clientId: app.clientId, clientSecret: rotated.body.clientSecret };
    expect((await feed(cursor)).body.events).toEqual([
      expect.objectContaining({
        kind: 'subject',
        subject: app.clientId,
        reason: 'secret_revoked',
        effect: 'void',
        notBefore: expect.any(Number),
      }),
    ]);
    expect((await introspect(earlier)).body).toEqual({ active: false });
    expect((await introspect(await tokenOf(app))).body.active).toBe(true);
  });

  it('tells offline verifiers when programmatic access is switched off', async () => {
    const cursor = (await feed()).body.cursor as string;
    const toggle = (programmaticAccessEnabled: boolean) =>
      api(server.baseUrl, 'PATCH', '/api/v1/organization', {
        token: admin,
        body: { programmaticAccessEnabled },
      });
    expect((await toggle(false)).status).toBe(200);
    // While it is off no service account authenticates, the resource server's own included.
    expect((await feed(cursor)).status).toBe(401);
    expect((await toggle(true)).status).toBe(200);
    const { events, cursor: next } = (await feed(cursor)).body;
    const subjects = events.map((e: { subject: string }) => e.subject);
    expect(subjects).toEqual(expect.arrayContaining([app.clientId, resourceServer.clientId]));
    for (const event of events) {
      expect(event).toMatchObject({ reason: 'programmatic_access_disabled', effect: 'recheck' });
    }
    // Switching it on again is not a loss of rights: nothing more is written.
    expect((await feed(next)).body.events).toEqual([]);
  });

  it('refuses a feed cursor that is not a position', async () => {
    for (const after of ['rev_01JABCDEFGHJKMNPQRSTVWXYZ0', '-1', '1.5', '9'.repeat(16)]) {
      const answer = await feed(after);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('long-polls the feed until an event arrives', async () => {
    const cursor = (await feed()).body.cursor as string;
    const waiting = feed(cursor, 10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sa = await api(server.baseUrl, 'POST', '/api/v1/service-accounts', {
      token: admin,
      body: { name: 'short-lived' },
    });
    const started = Date.now();
    await api(server.baseUrl, 'DELETE', `/api/v1/service-accounts/${sa.body.id}`, { token: admin });
    const answer = await waiting;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(answer.body.events).toEqual([
      expect.objectContaining({ subject: sa.body.id, reason: 'service_account_deleted' }),
    ]);
    expect(Number(answer.body.cursor)).toBeGreaterThan(Number(cursor));
    const empty = await feed(answer.body.cursor, 0);
    expect(empty.body).toEqual({ events: [], cursor: answer.body.cursor });
  });

  it('serves every organization to a platform resource server, which only a platform operator appoints', async () => {
    const { organization: initech, adminToken: initechToken } = await anotherOrganization('initech');
    const worker = await createUsableServiceAccount(server.baseUrl, initechToken, 'worker');
    const workerToken = await tokenOf(worker);
    const appoint = (token: string, id: string, platformIntrospection: boolean) =>
      api(server.baseUrl, 'PATCH', `/api/v1/service-accounts/${id}`, {
        token,
        body: { platformIntrospection },
      });
    const flagOf = async (id: string) =>
      (
        await server.portcullis.database.db
          .selectFrom('service_accounts')
          .select('platform_introspection')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).platform_introspection;

    // An organization admin who is not the operator cannot appoint one, and nothing changes.
    const refused = await appoint(initechToken, worker.clientId, true);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'permission_denied' } } });
    expect(await flagOf(worker.clientId)).toBe(0);
    expect((await introspect(workerToken)).body).toEqual({ active: false });

    const appointed = await appoint(admin, resourceServer.clientId, true);
    expect(appointed).toMatchObject({ status: 200, body: { platformIntrospection: true } });
    expect((await introspect(workerToken)).body).toMatchObject({
      active: true,
      sub: worker.clientId,
      org_id: initech.id,
    });
    const cursor = (await feed()).body.cursor as string;
    await api(server.baseUrl, 'PATCH', `/api/v1/service-accounts/${worker.clientId}`, {
      token: initechToken,
      body: { enabled: false },
    });
    expect((await feed(cursor)).body.events).toEqual([
      expect.objectContaining({ subject: worker.clientId, reason: 'service_account_restricted' }),
    ]);
    expect((await introspect(workerToken)).body).toEqual({ active: false });

    // Withdrawn: back to its own organization.
    expect((await appoint(admin, resourceServer.clientId, false)).status).toBe(200);
    const events = (await feed(cursor)).body.events;
    expect(events.map((e: { subject: string }) => e.subject)).not.toContain(worker.clientId);
  });

  it('keeps the feed to callers with the introspection permission', async () => {
    const refused = await api(server.baseUrl, 'GET', '/oauth/revocations', {
      headers: { authorization: basicAuthorization(app) },
    });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'permission_denied' } } });
  });
});
