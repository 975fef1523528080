import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { canonicalScope } from '../support/canonical-scope.js';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, tokenRequest } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

const memberPassword = 'member password 123';

/** Each vendor document's walkthrough, step by step, as API calls. */
describeOnEachEngine('seed walkthroughs on $engine', (engine) => {
  let server: TestServer;
  let operator: string;
  const call = (method: string, path: string, token: string, body?: unknown) =>
    api(server.baseUrl, method, path, { token, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    server = await startTestServer(engine);
    operator = await adminToken(server.baseUrl);
  });
  afterAll(async () => server?.close());

  it('FireTail: support enables → admin toggles on → member creates a Read only credential → token', async () => {
    // "Programmatic access is not enabled by default. You must request it from FireTail support."
    const admin = {
      email: 'admin@firetail.example',
      name: 'FT admin',
      password: 'firetail admin password',
    };
    const org = await call('POST', '/api/v1/organizations', operator, { name: 'firetail-customer', admin });
    const ftAdmin = (
      await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: admin.email, password: admin.password },
      })
    ).body.accessToken;
    expect(
      (await call('POST', '/api/v1/client-credentials', ftAdmin, { name: 'early', preset: 'read_only' })).body
        .error.code,
    ).toBe('programmatic_access_disabled');
    await call('PATCH', `/api/v1/organizations/${org.body.id}`, operator, {
      programmaticAccessAvailable: true,
    });
    // "Navigate to your organization settings. Click the Programmatic Access tab. Toggle the feature to Enabled."
    expect(
      (await call('PATCH', '/api/v1/organization', ftAdmin, { programmaticAccessEnabled: true })).body
        .programmaticAccessEnabled,
    ).toBe(true);

    // A member who holds Read only in the default account, and whom the admin lets manage their own
    // client credentials (Read only alone may only see them).
    const login = await call('POST', '/api/v1/logins', ftAdmin, {
      email: 'analyst@firetail.example',
      name: 'Analyst',
      password: memberPassword,
    });
    const roles = (await call('GET', '/api/v1/roles', ftAdmin)).body.items;
    const readOnly = roles.find((r: { name: string }) => r.name === 'Read only').id;
    const credentialOwner = await call('POST', '/api/v1/roles', ftAdmin, {
      name: 'credential-owner',
      permissions: ['portcullis.client_credentials:*'],
    });
    await call('POST', '/api/v1/users', ftAdmin, {
      name: 'analyst',
      loginId: login.body.id,
      roleIds: [readOnly, credentialOwner.body.id],
    });
    const analyst = (
      await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'analyst@firetail.example', password: memberPassword },
      })
    ).body.accessToken;

    // "Click Create New Client Credential": name, description, valid to, timezone, Admin / Read only, scopes.
    const tooMuch = await expectUnchanged(server.portcullis.database.db, () =>
      call('POST', '/api/v1/client-credentials', analyst, { name: 'ci', preset: 'admin' }),
    );
    expect(tooMuch.body.error.code).toBe('permission_exceeds_grantor');
    const created = await call('POST', '/api/v1/client-credentials', analyst, {
      name: 'ci',
      description: 'nightly findings export',
      preset: 'read_only',
    });
    expect(created.status).toBe(201);
    const edited = await call('PATCH', `/api/v1/client-credentials/${created.body.id}`, analyst, {
      validTo: '2999-06-30T18:00',
      timezone: 'America/New_York',
    });
    expect(edited.body).toMatchObject({
      validTo: '2999-06-30T22:00:00.000Z',
      timezone: 'America/New_York',
    });

    const issued = await tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: created.body.clientId,
      client_secret: created.body.clientSecret,
    });
    expect(canonicalScope(issued.body.scope)).toBe('*:get *:list');
    // The search rule, asked of Portcullis by the platform's API.
    const search = await call('POST', '/api/v1/authorize', issued.body.access_token, {
      search: ['findings'],
    });
    expect(search.body).toEqual({ allowed: false, missing: ['search:create'] });
    // Members see only their own credentials.
    expect(
      (await call('GET', '/api/v1/client-credentials', analyst)).body.items.map((c: { id: string }) => c.id),
    ).toEqual([created.body.id]);
    expect((await call('GET', '/api/v1/client-credentials', ftAdmin)).body.items).toEqual([]);
  });

  it('Firebolt: service account → secret → user linked to it → token → drop refused until unlinked', async () => {
    // CREATE SERVICE ACCOUNT IF NOT EXISTS "service_account_name" WITH DESCRIPTION = 'service account 1';
    const sa = await call('POST', '/api/v1/service-accounts', operator, {
      name: 'service_account_name',
      description: 'service account 1',
    });
    const again = await call('POST', '/api/v1/service-accounts', operator, {
      name: 'service_account_name',
    });
    expect(again.body.error.code).toBe('service_account_exists');
    // "Note the ID of this service account under the ID column."
    const listed = await call('GET', '/api/v1/service-accounts', operator);
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(sa.body.id);
    // CALL fb_GENERATESERVICEACCOUNTKEY('service_account_name') — twice: the first secret stops working.
    const first = await call('POST', `/api/v1/service-accounts/${sa.body.id}/secrets`, operator);
    const secret = await call('POST', `/api/v1/service-accounts/${sa.body.id}/secrets`, operator);
    // CREATE USER alex WITH SERVICE_ACCOUNT = service_account_name;
    const roles = (await call('GET', '/api/v1/roles', operator)).body.items;
    const alex = await call('POST', '/api/v1/users', operator, {
      name: 'alex',
      serviceAccountId: sa.body.id,
      roleIds: [roles.find((r: { name: string }) => r.name === 'Read only').id],
      defaultDatabase: 'analytics_db',
      defaultEngine: 'analytics_engine',
    });
    expect(alex.body).toMatchObject({ defaultDatabase: 'analytics_db', defaultEngine: 'analytics_engine' });

    // The seed's curl: form-encoded client_credentials with the Firebolt audience.
    const form = {
      grant_type: 'client_credentials',
      audience: 'https://api.firebolt.io',
      client_id: sa.body.id,
    };
    expect(
      (await tokenRequest(server.baseUrl, { ...form, client_secret: first.body.clientSecret })).status,
    ).toBe(401);
    const issued = await tokenRequest(server.baseUrl, { ...form, client_secret: secret.body.clientSecret });
    expect(issued.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const jwks = createRemoteJWKSet(new URL(`${server.baseUrl}/.well-known/jwks.json`));
    await jwtVerify(issued.body.access_token, jwks, {
      issuer: server.baseUrl,
      audience: 'https://api.firebolt.io',
    });

    // ALTER SERVICE ACCOUNT service_account_name SET NETWORK_POLICY = my_network_policy
    const policy = await call('POST', '/api/v1/network-policies', operator, {
      name: 'my_network_policy',
      allowed: ['127.0.0.1', '::1'],
    });
    const altered = await call('PATCH', `/api/v1/service-accounts/${sa.body.id}`, operator, {
      networkPolicyId: policy.body.id,
    });
    expect(altered.body.networkPolicyId).toBe(policy.body.id);
    expect(
      (await tokenRequest(server.baseUrl, { ...form, client_secret: secret.body.clientSecret })).status,
    ).toBe(200);

    // DROP SERVICE ACCOUNT service_account_name; — refused while alex is linked, allowed after unlinking.
    const refused = await expectUnchanged(server.portcullis.database.db, () =>
      call('DELETE', `/api/v1/service-accounts/${sa.body.id}`, operator),
    );
    expect(refused.body.error).toMatchObject({
      code: 'service_account_linked',
      details: { users: [{ name: 'alex' }] },
    });
    expect(
      (await call('PATCH', `/api/v1/users/${alex.body.id}`, operator, { serviceAccountId: null })).body
        .serviceAccountId,
    ).toBeNull();
    expect((await call('DELETE', `/api/v1/service-accounts/${sa.body.id}`, operator)).status).toBe(204);
    expect(
      (await tokenRequest(server.baseUrl, { ...form, client_secret: secret.body.clientSecret })).status,
    ).toBe(401);
  });

  it('Firefly: Settings > Users > Create Key Pair → POST /v2/login → token', async () => {
    const login = await call('POST', '/api/v1/logins', operator, {
      email: 'ops@acme.example',
      name: 'Ops',
      password: memberPassword,
    });
    // Read only, and the right to create and delete key pairs of their own.
    const roles = (await call('GET', '/api/v1/roles', operator)).body.items;
    const keyPairs = await call('POST', '/api/v1/roles', operator, {
      name: 'key-pair-owner',
      permissions: ['portcullis.client_credentials:create', 'portcullis.client_credentials:delete'],
    });
    await call('POST', '/api/v1/users', operator, {
      name: 'ops',
      loginId: login.body.id,
      roleIds: [roles.find((r: { name: string }) => r.name === 'Read only').id, keyPairs.body.id],
    });
    const ops = (
      await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'ops@acme.example', password: memberPassword },
      })
    ).body.accessToken;
    const pair = await call('POST', '/api/v1/users/me/access-keys', ops);
    expect(pair.status).toBe(201);
    expect(pair.body).toMatchObject({
      accessKey: expect.stringMatching(/^sa_/),
      secretKey: expect.stringMatching(/^pcs_/),
    });

    const health = await fetch(`${server.baseUrl}/v2/health`);
    expect(health.status).toBe(204);
    const loggedIn = await api(server.baseUrl, 'POST', '/v2/login', {
      body: { accessKey: pair.body.accessKey, secretKey: pair.body.secretKey },
    });
    expect(loggedIn.status).toBe(200);
    expect(Object.keys(loggedIn.body).sort()).toEqual(['accessToken', 'expiresAt', 'tokenType']);
    expect(loggedIn.body.tokenType).toBe('Bearer');
    expect(loggedIn.body.expiresAt - Date.now() / 1000).toBeGreaterThan(3500);
    const jwks = createRemoteJWKSet(new URL(`${server.baseUrl}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(loggedIn.body.accessToken, jwks, { issuer: server.baseUrl });
    expect(payload).toMatchObject({ sub: pair.body.accessKey, exp: loggedIn.body.expiresAt });
    expect(canonicalScope(String(payload.scope))).toBe(
      '*:get *:list portcullis.client_credentials:create portcullis.client_credentials:delete',
    );

    const refused = await api(server.baseUrl, 'POST', '/v2/login', {
      body: { accessKey: pair.body.accessKey, secretKey: 'wrong' },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/json');
    expect(refused.body.error.code).toBe('unauthenticated');

    const keys = await call('GET', '/api/v1/users/me/access-keys', ops);
    expect(keys.body.items.map((k: { accessKey: string }) => k.accessKey)).toEqual([pair.body.accessKey]);
    expect(JSON.stringify(keys.body)).not.toContain(pair.body.secretKey.slice(10));
    expect((await call('DELETE', `/api/v1/users/me/access-keys/${pair.body.accessKey}`, ops)).status).toBe(
      204,
    );
    const gone = await api(server.baseUrl, 'POST', '/v2/login', {
      body: { accessKey: pair.body.accessKey, secretKey: pair.body.secretKey },
    });
    expect(gone.status).toBe(401);
  });

  it('accounts, logins and passwords: the admin pages behind the walkthroughs', async () => {
    const account = await call('POST', '/api/v1/accounts', operator, { name: 'staging' });
    expect(account.status).toBe(201);
    expect((await call('POST', '/api/v1/accounts', operator, { name: 'staging' })).body.error.code).toBe(
      'account_exists',
    );
    const defaultAccount = (await call('GET', '/api/v1/accounts', operator)).body.items.find(
      (a: { isDefault: boolean }) => a.isDefault,
    );
    expect((await call('DELETE', `/api/v1/accounts/${defaultAccount.id}`, operator)).body.error.code).toBe(
      'default_account_immutable',
    );

    const login = await call('POST', '/api/v1/logins', operator, {
      email: 'Temp@Acme.example',
      name: 'Temp',
      password: memberPassword,
    });
    expect(login.body).toMatchObject({
      email: 'temp@acme.example',
      isOrganizationAdmin: false,
      active: true,
    });
    expect(JSON.stringify(login.body)).not.toContain('argon2');
    const user = await call('POST', '/api/v1/users', operator, {
      name: 'temp',
      loginId: login.body.id,
      accountId: account.body.id,
    });
    expect((await call('DELETE', `/api/v1/accounts/${account.body.id}`, operator)).body.error.code).toBe(
      'account_not_empty',
    );

    // Reset, then the person changes it themselves.
    expect(
      (
        await call('PUT', `/api/v1/logins/${login.body.id}/password`, operator, {
          password: 'reset password 123',
        })
      ).status,
    ).toBe(204);
    const session = (
      await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'temp@acme.example', password: 'reset password 123' },
      })
    ).body.accessToken;
    const wrong = await call('PUT', '/api/v1/auth/password', session, {
      currentPassword: 'not it at all',
      newPassword: 'own password 1234',
    });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'invalid_credentials' } } });
    const changed = await call('PUT', '/api/v1/auth/password', session, {
      currentPassword: 'reset password 123',
      newPassword: 'own password 1234',
    });
    expect(changed.status).toBe(200);
    // The change ends every earlier session and answers with a fresh one.
    expect((await call('GET', '/api/v1/catalog', session)).status).toBe(401);
    const fresh = changed.body.accessToken;
    expect((await call('GET', '/api/v1/catalog', fresh)).status).not.toBe(401);

    // Deactivating the login stops the person's session at once; deleting it takes its users with it.
    await call('PATCH', `/api/v1/logins/${login.body.id}`, operator, { active: false });
    expect((await call('GET', '/api/v1/catalog', fresh)).status).toBe(401);
    expect((await call('DELETE', `/api/v1/logins/${login.body.id}`, operator)).status).toBe(204);
    expect((await call('GET', `/api/v1/users/${user.body.id}`, operator)).status).toBe(404);
    expect((await call('DELETE', `/api/v1/accounts/${account.body.id}`, operator)).status).toBe(204);
  });

  it('only an organization admin makes someone an organization admin', async () => {
    const roles = (await call('GET', '/api/v1/roles', operator)).body.items;
    const admin = roles.find((r: { name: string }) => r.name === 'Admin').id;
    const login = await call('POST', '/api/v1/logins', operator, {
      email: 'deputy@acme.example',
      name: 'Deputy',
      password: memberPassword,
    });
    await call('POST', '/api/v1/users', operator, {
      name: 'deputy',
      loginId: login.body.id,
      roleIds: [admin],
    });
    const deputy = (
      await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'deputy@acme.example', password: memberPassword },
      })
    ).body.accessToken;
    const refused = await expectUnchanged(server.portcullis.database.db, () =>
      call('PATCH', `/api/v1/logins/${login.body.id}`, deputy, { isOrganizationAdmin: true }),
    );
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'permission_exceeds_grantor' } } });
    const created = await expectUnchanged(server.portcullis.database.db, () =>
      call('POST', '/api/v1/logins', deputy, {
        email: 'x@acme.example',
        name: 'X',
        password: memberPassword,
        isOrganizationAdmin: true,
      }),
    );
    expect(created.body.error.code).toBe('permission_exceeds_grantor');
  });
});
