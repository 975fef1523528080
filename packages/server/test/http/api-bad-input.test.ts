import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/services/context.js';
import { createLogin } from '../../src/services/logins/create-login.js';
import { createOrganization } from '../../src/services/organizations/create-organization.js';
import { accessTokenClaims } from '../../src/services/tokens/access-token-claims.js';
import { createUser } from '../../src/services/users/create-user.js';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { latestAuditEvents, snapshotState } from '../support/state-snapshot.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const password = 'a long enough password';

describeOnEachEngine('REST API refusals on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let member: string;
  let stranger: string;
  let serviceAccountId: string;
  let clientSecret: string;

  const login = async (email: string) =>
    (await api(server.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } })).body
      .accessToken as string;

  /** Runs a request and asserts it changed no state table. */
  const unchanged = async <T>(request: () => Promise<T>): Promise<T> => {
    const before = await snapshotState(server.portcullis.database.db);
    const result = await request();
    expect(await snapshotState(server.portcullis.database.db)).toEqual(before);
    return result;
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
    const { ctx } = server.portcullis;
    const acme = await server.portcullis.database.db
      .selectFrom('organizations')
      .select('id')
      .where('name', '=', 'acme')
      .executeTakeFirstOrThrow();
    const memberLogin = await createLogin(ctx, systemCaller(), {
      organizationId: acme.id,
      email: 'member@acme.example',
      name: 'Member',
      password,
    });
    await createUser(ctx, systemCaller(), {
      organizationId: acme.id,
      name: 'member',
      loginId: memberLogin.id,
    });
    const globex = await createOrganization(ctx, systemCaller(), {
      name: 'globex',
      programmaticAccessAvailable: true,
      programmaticAccessEnabled: true,
    });
    await createLogin(ctx, systemCaller(), {
      organizationId: globex.organization.id,
      email: 'admin@globex.example',
      name: 'Globex admin',
      password,
      isOrganizationAdmin: true,
    });
    member = await login('member@acme.example');
    stranger = await login('admin@globex.example');
    const sa = await createUsableServiceAccount(server.baseUrl, admin, 'acme-etl');
    serviceAccountId = sa.clientId;
    clientSecret = sa.clientSecret;
  });
  afterAll(async () => server?.close());

  describe('authentication', () => {
    it('answers 401 with a bare Bearer challenge, and no Basic one a browser would prompt for, when no token is sent', async () => {
      const response = await unchanged(() => api(server.baseUrl, 'GET', '/api/v1/service-accounts'));
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({
        code: 'unauthenticated',
        requestId: expect.stringMatching(/^req_/),
      });
      expect(response.headers.get('x-request-id')).toBe(response.body.error.requestId);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="portcullis"');
    });

    it('answers 401 invalid_token for a garbage, forged or expired token', async () => {
      const { keyRing, issuer } = server.portcullis.ctx;
      const [header, payload] = admin.split('.');
      const forgedPayload = Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
          sub: 'login_01m82xvp2vsehr91fdaggr88nr',
        }),
      ).toString('base64url');
      const expired = await keyRing.sign({
        ...accessTokenClaims(issuer, Date.now() - 7200_000, 60, {
          subject: 'x',
          clientId: 'c',
          audience: issuer,
          organizationId: 'o',
        }),
      });
      for (const token of ['garbage', `${header}.${forgedPayload}.${admin.split('.')[2]}`, expired]) {
        const response = await unchanged(() =>
          api(server.baseUrl, 'GET', '/api/v1/service-accounts', { token }),
        );
        expect(response.status).toBe(401);
        expect(response.body.error.code).toBe('unauthenticated');
        expect(response.headers.get('www-authenticate')).toBe(
          'Bearer realm="portcullis", error="invalid_token"',
        );
      }
    });

    it('refuses a service-account token minted for another audience', async () => {
      const issued = await tokenRequest(server.baseUrl, {
        grant_type: 'client_credentials',
        client_id: serviceAccountId,
        client_secret: clientSecret,
        audience: 'https://api.firebolt.io',
      });
      const response = await api(server.baseUrl, 'GET', '/api/v1/service-accounts', {
        token: issued.body.access_token,
      });
      expect(response.status).toBe(401);
    });

    it("refuses a wrong password and an unknown email alike, and audits the wrong password in the login's organization", async () => {
      for (const email of ['nobody@acme.example', 'admin@acme.example']) {
        const response = await unchanged(() =>
          api(server.baseUrl, 'POST', '/api/v1/auth/login', {
            body: { email, password: 'wrong password here' },
          }),
        );
        expect(response.status).toBe(401);
        expect(response.body.error.code).toBe('invalid_credentials');
      }
      // The unknown email belongs to no organization: it is counted per source, not audited.
      expect(await latestAuditEvents(server.portcullis.database.db, 2)).toEqual([
        { action: 'login.refused', reason: 'wrong_password' },
        expect.not.objectContaining({ reason: 'unknown_login' }),
      ]);
    });

    it('stops a deactivated login at once, token or not', async () => {
      const memberId = (await api(server.baseUrl, 'GET', '/api/v1/logins', { token: admin })).body.items.find(
        (l: { email: string }) => l.email === 'member@acme.example',
      ).id as string;
      const setActive = async (active: boolean) =>
        (await api(server.baseUrl, 'PATCH', `/api/v1/logins/${memberId}`, { token: admin, body: { active } }))
          .status;
      const token = await login('member@acme.example');
      expect((await api(server.baseUrl, 'GET', '/api/v1/service-accounts', { token })).status).toBe(403);
      expect(await setActive(false)).toBe(200);
      try {
        expect((await api(server.baseUrl, 'GET', '/api/v1/service-accounts', { token })).status).toBe(401);
        const again = await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
          body: { email: 'member@acme.example', password },
        });
        expect(again.status).toBe(401);
      } finally {
        expect(await setActive(true)).toBe(200);
        // The deactivation ended the member's sessions for good (decision 0016): the suite signs in again.
        member = await login('member@acme.example');
      }
    });
  });

  describe('authorization and isolation', () => {
    it('answers 403 to a member who is not an organization admin', async () => {
      const response = await unchanged(() =>
        api(server.baseUrl, 'POST', '/api/v1/service-accounts', { token: member, body: { name: 'sneaky' } }),
      );
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('permission_denied');
    });

    it("answers 404, never 403, for another organization's service account", async () => {
      for (const [method, path] of [
        ['GET', `/api/v1/service-accounts/${serviceAccountId}`],
        ['DELETE', `/api/v1/service-accounts/${serviceAccountId}`],
        ['POST', `/api/v1/service-accounts/${serviceAccountId}/secrets`],
      ] as const) {
        const response = await unchanged(() => api(server.baseUrl, method, path, { token: stranger }));
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.body.error.code).toBe('not_found');
      }
      const listed = await api(server.baseUrl, 'GET', '/api/v1/service-accounts', { token: stranger });
      expect(listed.body.items).toEqual([]);
      const linked = await unchanged(() =>
        api(server.baseUrl, 'POST', '/api/v1/users', {
          token: stranger,
          body: { name: 'thief', serviceAccountId },
        }),
      );
      expect(linked.status).toBe(404);
    });
  });

  describe('isolation of roles and users', () => {
    it("answers 404 for another organization's roles and users", async () => {
      const roleId = (await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin })).body.items[0].id;
      const userId = (await api(server.baseUrl, 'GET', '/api/v1/users', { token: admin })).body.items[0].id;
      const requests: [string, string, unknown?][] = [
        ['GET', `/api/v1/roles/${roleId}`],
        ['PATCH', `/api/v1/roles/${roleId}`, { description: 'mine now' }],
        ['DELETE', `/api/v1/roles/${roleId}`],
        ['GET', `/api/v1/users/${userId}`],
        ['PATCH', `/api/v1/users/${userId}`, { active: false }],
        ['DELETE', `/api/v1/users/${userId}`],
        ['PUT', `/api/v1/users/${userId}/roles/${roleId}`],
        ['DELETE', `/api/v1/users/${userId}/roles/${roleId}`],
      ];
      for (const [method, path, body] of requests) {
        const response = await unchanged(() =>
          api(server.baseUrl, method, path, { token: stranger, ...(body === undefined ? {} : { body }) }),
        );
        expect(response.status, `${method} ${path}`).toBe(404);
      }
      const listed = await api(server.baseUrl, 'GET', '/api/v1/users', { token: stranger });
      expect(listed.body.items).toEqual([]);
    });
  });

  describe('malformed requests', () => {
    it.each([
      ['an unknown field', { name: 'x1', bogus: true }, 'body.bogus'],
      ['a wrong type', { name: 42 }, 'body.name'],
      ['a missing name', { description: 'no name' }, 'body.name'],
      ['an invalid name', { name: 'has space' }, 'body.name'],
    ])('rejects %s with 400 validation_failed naming the field', async (_label, body, field) => {
      const response = await unchanged(() =>
        api(server.baseUrl, 'POST', '/api/v1/service-accounts', { token: admin, body }),
      );
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.details).toEqual([expect.objectContaining({ field })]);
    });

    it('rejects an empty network policy id on a service-account edit, naming the field', async () => {
      const response = await unchanged(() =>
        api(server.baseUrl, 'PATCH', `/api/v1/service-accounts/${serviceAccountId}`, {
          token: admin,
          body: { networkPolicyId: '' },
        }),
      );
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.details).toContainEqual(
        expect.objectContaining({ field: 'body.networkPolicyId' }),
      );
    });

    it('rejects invalid JSON with 400 malformed_body', async () => {
      const response = await unchanged(() =>
        api(server.baseUrl, 'POST', '/api/v1/service-accounts', { token: admin, body: '{"name":' }),
      );
      expect(response).toMatchObject({ status: 400, body: { error: { code: 'malformed_body' } } });
    });

    it('rejects a 1 MB body with 413 payload_too_large', async () => {
      const response = await unchanged(() =>
        api(server.baseUrl, 'POST', '/api/v1/service-accounts', {
          token: admin,
          body: { name: 'big', description: 'x'.repeat(1024 * 1024) },
        }),
      );
      expect(response).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
    });

    it('rejects a form body with 415 unsupported_media_type', async () => {
      const response = await unchanged(() =>
        api(server.baseUrl, 'POST', '/api/v1/service-accounts', {
          token: admin,
          body: 'name=formy',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      );
      expect(response).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });
    });

    it('rejects a duplicate service account name with 409', async () => {
      const response = await unchanged(() =>
        api(server.baseUrl, 'POST', '/api/v1/service-accounts', { token: admin, body: { name: 'acme-etl' } }),
      );
      expect(response).toMatchObject({ status: 409, body: { error: { code: 'service_account_exists' } } });
    });

    it('answers 404 route_not_found for an unknown route', async () => {
      const response = await api(server.baseUrl, 'GET', '/api/v1/nothing-here', { token: admin });
      expect(response).toMatchObject({ status: 404, body: { error: { code: 'route_not_found' } } });
    });
  });

  describe('users tied to service accounts', () => {
    it('refuses a user tied to both a login and a service account', async () => {
      const me = await server.portcullis.database.db
        .selectFrom('logins')
        .select('id')
        .where('email', '=', 'admin@acme.example')
        .executeTakeFirstOrThrow();
      const response = await unchanged(() =>
        api(server.baseUrl, 'POST', '/api/v1/users', {
          token: admin,
          body: { name: 'both', loginId: me.id, serviceAccountId },
        }),
      );
      expect(response).toMatchObject({ status: 400, body: { error: { code: 'user_principal_conflict' } } });
    });

    it('refuses a second user for the same service account in one account', async () => {
      const response = await unchanged(() =>
        api(server.baseUrl, 'POST', '/api/v1/users', {
          token: admin,
          body: { name: 'second', serviceAccountId },
        }),
      );
      expect(response).toMatchObject({
        status: 409,
        body: { error: { code: 'service_account_already_linked' } },
      });
    });

    it('refuses an unknown account or role with 404', async () => {
      for (const body of [
        { name: 'lost', accountId: 'acct_01m82xvp2vsehr91fdaggr88nr' },
        { name: 'lost', roleIds: ['role_01m82xvp2vsehr91fdaggr88nr'] },
      ]) {
        const response = await unchanged(() =>
          api(server.baseUrl, 'POST', '/api/v1/users', { token: admin, body }),
        );
        expect(response).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
      }
    });
  });
});
