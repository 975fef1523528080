import { newId } from '@portcullis/core/ids';
import { generateClientSecret } from '@portcullis/core/secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/services/context.js';
import { createLogin } from '../../src/services/logins/create-login.js';
import { insertAccount } from '../../src/store/repositories/accounts.js';
import { canonicalScope } from '../support/canonical-scope.js';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, tokenRequest } from '../support/http-client.js';
import { latestAuditEvents } from '../support/state-snapshot.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

const password = 'member password 123';

/**
 * The permission model end to end on each engine: roles, grants, personal credentials, inheritance at
 * every use, scope narrowing, accounts, and the authorize endpoint. Every refusal leaves state unchanged.
 */
describeOnEachEngine('permission model on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let member: string;
  let readOnlyRoleId: string;
  let adminRoleId: string;
  /** Lets a person manage their own personal credentials, which Read only alone does not. */
  let credentialMakerRoleId: string;

  const db = () => server.portcullis.database.db;
  const unchanged = <T>(request: () => Promise<T>) => expectUnchanged(db(), request);
  const call = (method: string, path: string, token: string, body?: unknown) =>
    api(server.baseUrl, method, path, { token, ...(body === undefined ? {} : { body }) });
  const clientToken = (clientId: string, clientSecret: string, extra: Record<string, string> = {}) =>
    tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      ...extra,
    });

  const acmeId = async () =>
    (await db().selectFrom('organizations').select('id').where('name', '=', 'acme').executeTakeFirstOrThrow())
      .id;
  /**
   * A person of their own in acme: a login, a user holding `roleIds`, and a session. Tests that change a
   * person's roles or user change their own, never one another test signs in as.
   */
  const person = async (name: string, roleIds: string[]) => {
    const login = await createLogin(server.portcullis.ctx, systemCaller(), {
      organizationId: await acmeId(),
      email: `${name}@acme.example`,
      name,
      password,
    });
    const user = await call('POST', '/api/v1/users', admin, { name, loginId: login.id, roleIds });
    const session = await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: `${name}@acme.example`, password },
    });
    return { loginId: login.id, userId: user.body.id as string, token: session.body.accessToken as string };
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
    const roles = (await call('GET', '/api/v1/roles', admin)).body.items as { id: string; name: string }[];
    readOnlyRoleId = roles.find((r) => r.name === 'Read only')!.id;
    adminRoleId = roles.find((r) => r.name === 'Admin')!.id;
    credentialMakerRoleId = (
      await call('POST', '/api/v1/roles', admin, {
        name: 'credential-maker',
        permissions: ['portcullis.client_credentials:*'],
      })
    ).body.id;
    // Read by several tests and changed by none.
    member = (await person('member', [readOnlyRoleId, credentialMakerRoleId])).token;
  });
  afterAll(async () => server?.close());

  it("publishes the catalog: FireTail's 25 resources and the administrative ones", async () => {
    const catalog = await call('GET', '/api/v1/catalog', member);
    expect(catalog.body.actions).toEqual(['create', 'delete', 'get', 'list', 'run', 'update']);
    expect(catalog.body.resources.filter((r: { administrative: boolean }) => !r.administrative)).toHaveLength(
      25,
    );
    expect(catalog.body.resources).toContainEqual({
      id: 'portcullis.roles',
      name: 'Roles',
      administrative: true,
    });
  });

  describe('roles', () => {
    it('creates a custom role, storing its permissions in canonical form', async () => {
      const role = await call('POST', '/api/v1/roles', admin, {
        name: 'incident-responder',
        permissions: [
          'incidents:create',
          'incidents:delete',
          'incidents:get',
          'incidents:list',
          'incidents:run',
          'incidents:update',
          'findings:list',
        ],
      });
      expect(role.status).toBe(201);
      expect(role.body).toMatchObject({ permissions: ['findings:list', 'incidents:*'], builtin: false });
    });

    it('rejects unknown permissions with unknown_permission naming every one', async () => {
      const response = await unchanged(() =>
        call('POST', '/api/v1/roles', admin, {
          name: 'typo',
          permissions: ['incidents:get', 'incident:get', 'incidents:launch'],
        }),
      );
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'unknown_permission',
        details: { items: ['incident:get', 'incidents:launch'] },
      });
    });

    it('refuses a member without portcullis.roles:create', async () => {
      const response = await unchanged(() =>
        call('POST', '/api/v1/roles', member, { name: 'mine', permissions: ['incidents:get'] }),
      );
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({
        code: 'permission_denied',
        details: { missing: ['portcullis.roles:create'] },
      });
    });

    it('keeps the built-in roles and role names intact', async () => {
      const patched = await unchanged(() =>
        call('PATCH', `/api/v1/roles/${readOnlyRoleId}`, admin, { permissions: ['*:*'] }),
      );
      expect(patched).toMatchObject({ status: 409, body: { error: { code: 'builtin_role_immutable' } } });
      const deleted = await unchanged(() => call('DELETE', `/api/v1/roles/${adminRoleId}`, admin));
      expect(deleted).toMatchObject({ status: 409, body: { error: { code: 'builtin_role_immutable' } } });
      const duplicate = await unchanged(() =>
        call('POST', '/api/v1/roles', admin, { name: 'Admin', permissions: ['incidents:get'] }),
      );
      expect(duplicate).toMatchObject({ status: 409, body: { error: { code: 'role_exists' } } });
    });
  });

  describe('granting', () => {
    let delegate: string;
    let delegateUserId: string;

    beforeAll(async () => {
      // A user manager who holds incidents:get and may manage users and roles, but nothing else.
      const role = await call('POST', '/api/v1/roles', admin, {
        name: 'user-manager',
        permissions: ['portcullis.users:*', 'portcullis.roles:*', 'incidents:get'],
      });
      // Read by the tests below and changed by none.
      ({ userId: delegateUserId, token: delegate } = await person('delegate', [role.body.id]));
    });

    it('refuses a role holding more than its creator, listing the excess', async () => {
      const response = await unchanged(() =>
        call('POST', '/api/v1/roles', delegate, {
          name: 'escalation',
          permissions: ['incidents:get', 'incidents:update', 'findings:*'],
        }),
      );
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({
        code: 'permission_exceeds_grantor',
        details: { excess: ['findings:*', 'incidents:update'] },
      });
    });

    it('refuses to grant a role holding more than the grantor, even to themself', async () => {
      const response = await unchanged(() =>
        call('PUT', `/api/v1/users/${delegateUserId}/roles/${adminRoleId}`, delegate),
      );
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('permission_exceeds_grantor');
    });

    it('grants a role within the grantor’s rights', async () => {
      const narrow = await call('POST', '/api/v1/roles', delegate, {
        name: 'incident-reader',
        permissions: ['incidents:get'],
      });
      expect(narrow.status).toBe(201);
      const { userId } = await person('grantee', [readOnlyRoleId]);
      const granted = await call('PUT', `/api/v1/users/${userId}/roles/${narrow.body.id}`, delegate);
      expect(granted.status).toBe(200);
      expect(granted.body.roleIds).toContain(narrow.body.id);
      const revoked = await call('DELETE', `/api/v1/users/${userId}/roles/${narrow.body.id}`, delegate);
      expect(revoked.body.roleIds).not.toContain(narrow.body.id);
    });
  });

  describe('personal client credentials (FireTail)', () => {
    it('refuses the Admin preset to a read-only member, listing the excess', async () => {
      const response = await unchanged(() =>
        call('POST', '/api/v1/client-credentials', member, { name: 'too-much', preset: 'admin' }),
      );
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('permission_exceeds_grantor');
      expect(response.body.error.details.excess).toEqual(
        expect.arrayContaining(['incidents:create', 'incidents:delete', 'incidents:run', 'incidents:update']),
      );
    });

    it('refuses unknown permissions in the matrix', async () => {
      const response = await unchanged(() =>
        call('POST', '/api/v1/client-credentials', member, {
          name: 'typo',
          permissions: ['incidents:get', 'nope:get'],
        }),
      );
      expect(response).toMatchObject({
        status: 400,
        body: { error: { code: 'unknown_permission', details: { items: ['nope:get'] } } },
      });
    });

    it('shrinks with its owner, and dies with the owner’s user', async () => {
      const owner = await person('owner', [readOnlyRoleId, credentialMakerRoleId]);
      const created = await call('POST', '/api/v1/client-credentials', owner.token, {
        name: 'reporting-script',
        description: 'weekly report',
        preset: 'read_only',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        permissions: ['*:get', '*:list'],
        clientSecret: expect.stringMatching(/^pcs_/),
      });
      const { clientId, clientSecret } = created.body;

      const first = await clientToken(clientId, clientSecret);
      expect(canonicalScope(first.body.scope)).toBe('*:get *:list');

      // Downgrade the owner: Read only is replaced by a role that can only read incidents.
      const narrow = await call('POST', '/api/v1/roles', admin, {
        name: 'incidents-only',
        permissions: ['incidents:get', 'incidents:list'],
      });
      await call('PUT', `/api/v1/users/${owner.userId}/roles/${narrow.body.id}`, admin);
      await call('DELETE', `/api/v1/users/${owner.userId}/roles/${readOnlyRoleId}`, admin);
      await call('DELETE', `/api/v1/users/${owner.userId}/roles/${credentialMakerRoleId}`, admin);
      const shrunk = await clientToken(clientId, clientSecret);
      expect(shrunk.body.scope).toBe('incidents:get incidents:list');
      // The credential's rows never changed: the shrink is computed, not written.
      const stored = await db()
        .selectFrom('service_accounts')
        .select('granted_permissions')
        .where('id', '=', clientId)
        .executeTakeFirstOrThrow();
      expect(stored.granted_permissions).toBe('*:get *:list');

      // Deactivating the owner's user stops the credential; reactivating brings it back.
      await call('PATCH', `/api/v1/users/${owner.userId}`, admin, { active: false });
      const inactive = await clientToken(clientId, clientSecret);
      expect(inactive).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(await latestAuditEvents(db(), 1)).toEqual([
        { action: 'token.refused', reason: 'owner_inactive' },
      ]);
      await call('PATCH', `/api/v1/users/${owner.userId}`, admin, { active: true });
      expect((await clientToken(clientId, clientSecret)).status).toBe(200);

      // Deleting the owner's user kills it for good.
      await call('PUT', `/api/v1/users/${owner.userId}/roles/${readOnlyRoleId}`, admin);
      expect((await call('DELETE', `/api/v1/users/${owner.userId}`, admin)).status).toBe(204);
      const orphaned = await clientToken(clientId, clientSecret);
      expect(orphaned).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(await latestAuditEvents(db(), 1)).toEqual([
        { action: 'token.refused', reason: 'owner_inactive' },
      ]);
    });
  });

  describe('deactivated logins and organization-admin service accounts', () => {
    it("stops a personal credential when its owner's login is deactivated", async () => {
      const { loginId, token: session } = await person('leaver', [readOnlyRoleId, credentialMakerRoleId]);
      const created = await call('POST', '/api/v1/client-credentials', session, {
        name: 'script',
        preset: 'read_only',
      });
      expect((await clientToken(created.body.clientId, created.body.clientSecret)).status).toBe(200);
      await call('PATCH', `/api/v1/logins/${loginId}`, admin, { active: false });
      const refused = await clientToken(created.body.clientId, created.body.clientSecret);
      expect(refused).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(await latestAuditEvents(db(), 1)).toEqual([
        { action: 'token.refused', reason: 'owner_inactive' },
      ]);
    });

    it('gives an organization-admin service account everything, without roles', async () => {
      const sa = await call('POST', '/api/v1/service-accounts', admin, {
        name: 'org-admin-bot',
        isOrganizationAdmin: true,
      });
      const secret = (await call('POST', `/api/v1/service-accounts/${sa.body.id}/secrets`, admin)).body
        .clientSecret;
      await call('POST', '/api/v1/users', admin, { name: 'org-admin-bot', serviceAccountId: sa.body.id });
      expect(canonicalScope((await clientToken(sa.body.id, secret)).body.scope)).toBe('*:*');
    });

    it('gives a service account whose user holds no role an empty scope', async () => {
      const sa = await call('POST', '/api/v1/service-accounts', admin, { name: 'powerless' });
      const secret = (await call('POST', `/api/v1/service-accounts/${sa.body.id}/secrets`, admin)).body
        .clientSecret;
      await call('POST', '/api/v1/users', admin, { name: 'powerless', serviceAccountId: sa.body.id });
      const issued = await clientToken(sa.body.id, secret);
      expect(issued).toMatchObject({ status: 200, body: { scope: '' } });
      const asked = await clientToken(sa.body.id, secret, { scope: 'incidents:get' });
      expect(asked).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    });
  });

  describe('organization service accounts', () => {
    let serviceAccounts = 0;
    /** A service account of its own, tied to a user holding Admin in acme's default account. */
    const adminServiceAccount = async () => {
      const name = `etl-${++serviceAccounts}`;
      const clientId: string = (await call('POST', '/api/v1/service-accounts', admin, { name })).body.id;
      const clientSecret: string = (await call('POST', `/api/v1/service-accounts/${clientId}/secrets`, admin))
        .body.clientSecret;
      const userId: string = (
        await call('POST', '/api/v1/users', admin, {
          name,
          serviceAccountId: clientId,
          roleIds: [adminRoleId],
        })
      ).body.id;
      return { name, clientId, clientSecret, userId };
    };
    /** A second account in acme, besides the default one, named for the test that needs it. */
    const secondAccount = async () => {
      const id = newId('account');
      const name = `analytics-${++serviceAccounts}`;
      await insertAccount(db(), {
        id,
        organizationId: await acmeId(),
        name,
        isDefault: false,
        createdAt: Date.now(),
      });
      return { id, name };
    };

    it('acts in its only account by default, with its user’s rights', async () => {
      const { clientId, clientSecret } = await adminServiceAccount();
      const issued = await clientToken(clientId, clientSecret);
      expect(canonicalScope(issued.body.scope)).toBe('*:*');
    });

    it('narrows a token with scope, and refuses a scope beyond its rights', async () => {
      const { clientId, clientSecret } = await adminServiceAccount();
      const narrowed = await clientToken(clientId, clientSecret, { scope: 'incidents:list incidents:get' });
      expect(narrowed).toMatchObject({ status: 200, body: { scope: 'incidents:get incidents:list' } });
      const unknown = await unchanged(() => clientToken(clientId, clientSecret, { scope: 'dragons:get' }));
      expect(unknown).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    });

    it('picks the account by id or name, and needs a user there', async () => {
      const { name, clientId, clientSecret } = await adminServiceAccount();
      const analytics = await secondAccount();
      const elsewhere = await unchanged(() =>
        clientToken(clientId, clientSecret, { account: analytics.name }),
      );
      expect(elsewhere).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
      const missing = await unchanged(() => clientToken(clientId, clientSecret, { account: 'nowhere' }));
      expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
      // Whether an account name exists is told only to a caller who proved the secret.
      const guessed = await unchanged(() =>
        clientToken(clientId, generateClientSecret(), { account: 'nowhere' }),
      );
      expect(guessed).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      const refusals = await call(
        'GET',
        `/api/v1/audit-events?target=${clientId}&action=token.refused`,
        admin,
      );
      expect(refusals.body.items.map((e: { reason: string }) => e.reason).slice(0, 2)).toEqual([
        'wrong_secret',
        'unknown_account',
      ]);

      await call('POST', '/api/v1/users', admin, {
        name,
        accountId: analytics.id,
        serviceAccountId: clientId,
        roleIds: [readOnlyRoleId],
      });
      for (const account of [analytics.name, analytics.id]) {
        const issued = await clientToken(clientId, clientSecret, { account });
        expect(canonicalScope(issued.body.scope)).toBe('*:get *:list');
      }
      // Two accounts now: without a choice it acts in the default one.
      expect(canonicalScope((await clientToken(clientId, clientSecret)).body.scope)).toBe('*:*');
      const beyond = await unchanged(() =>
        clientToken(clientId, clientSecret, { account: analytics.name, scope: 'incidents:update' }),
      );
      expect(beyond).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    });

    it('refuses a second user for it in the same account, and a drop while linked', async () => {
      const { name, clientId } = await adminServiceAccount();
      const analytics = await secondAccount();
      await call('POST', '/api/v1/users', admin, {
        name,
        accountId: analytics.id,
        serviceAccountId: clientId,
        roleIds: [readOnlyRoleId],
      });
      const second = await unchanged(() =>
        call('POST', '/api/v1/users', admin, { name: `${name}-second`, serviceAccountId: clientId }),
      );
      expect(second).toMatchObject({
        status: 409,
        body: { error: { code: 'service_account_already_linked' } },
      });
      const drop = await unchanged(() => call('DELETE', `/api/v1/service-accounts/${clientId}`, admin));
      expect(drop.status).toBe(409);
      expect(drop.body.error.code).toBe('service_account_linked');
      expect(drop.body.error.details.users).toHaveLength(2);
    });

    it('answers /authorize with what the token lacks, including the search rule', async () => {
      const { clientId, clientSecret } = await adminServiceAccount();
      const firebolt = (
        await clientToken(clientId, clientSecret, {
          audience: 'https://api.firebolt.io',
          scope: 'incidents:list search:create',
        })
      ).body.access_token;
      const allowed = await call('POST', '/api/v1/authorize', firebolt, {
        permissions: ['incidents:list'],
        search: ['incidents'],
      });
      expect(allowed.body).toEqual({ allowed: true, missing: [] });
      const denied = await call('POST', '/api/v1/authorize', firebolt, {
        permissions: ['incidents:update'],
        search: ['incidents', 'findings'],
      });
      expect(denied.body).toEqual({ allowed: false, missing: ['incidents:update', 'findings:list'] });
      const unknown = await call('POST', '/api/v1/authorize', firebolt, { permissions: ['dragons:get'] });
      expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'unknown_permission' } } });
    });

    it('applies a downgrade to an already-issued token at once, on the API and at /authorize', async () => {
      const { clientId, clientSecret, userId } = await adminServiceAccount();
      const token = (await clientToken(clientId, clientSecret)).body.access_token;
      expect((await call('GET', '/api/v1/roles', token)).status).toBe(200);
      const before = await call('POST', '/api/v1/authorize', token, { permissions: ['incidents:update'] });
      expect(before.body.allowed).toBe(true);

      await call('DELETE', `/api/v1/users/${userId}/roles/${adminRoleId}`, admin);
      await call('PUT', `/api/v1/users/${userId}/roles/${readOnlyRoleId}`, admin);

      const listed = await call('GET', '/api/v1/roles', token);
      expect(listed.status).toBe(200);
      const created = await unchanged(() =>
        call('POST', '/api/v1/roles', token, { name: 'x', permissions: ['incidents:get'] }),
      );
      expect(created.status).toBe(403);
      const after = await call('POST', '/api/v1/authorize', token, { permissions: ['incidents:update'] });
      expect(after.body).toEqual({ allowed: false, missing: ['incidents:update'] });
      expect(canonicalScope((await clientToken(clientId, clientSecret)).body.scope)).toBe('*:get *:list');
    });

    it('stops an issued token when its user is deactivated', async () => {
      const { clientId, clientSecret, userId } = await adminServiceAccount();
      const token = (await clientToken(clientId, clientSecret)).body.access_token;
      expect((await call('GET', '/api/v1/roles', token)).status).toBe(200);
      await call('PATCH', `/api/v1/users/${userId}`, admin, { active: false });
      expect((await call('GET', '/api/v1/roles', token)).status).toBe(401);
      const refused = await clientToken(clientId, clientSecret);
      expect(refused).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(await latestAuditEvents(db(), 1)).toEqual([
        { action: 'token.refused', reason: 'owner_inactive' },
      ]);
    });
  });
});
