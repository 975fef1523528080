import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemCaller } from '../../src/services/context.js';
import { createLogin } from '../../src/services/logins/create-login.js';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, tokenRequest } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

const password = 'a person password 1';

/**
 * Every path that gives someone a way to act obeys the grantor rule, and every administrative permission
 * gates what its name says (issue 13). Each case was an escalation or a mismatch before: a refusal here
 * used to succeed.
 */
describeOnEachEngine('the grantor rule on every path on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let organizationId: string;
  let adminRoleId: string;
  let readOnlyRoleId: string;
  let people = 0;

  const db = () => server.portcullis.database.db;
  const unchanged = <T>(request: () => Promise<T>) => expectUnchanged(db(), request);
  const call = (method: string, path: string, token: string, body?: unknown) =>
    api(server.baseUrl, method, path, { token, ...(body === undefined ? {} : { body }) });
  const refusedAsExceeding = (response: { status: number; body: { error: { code: string } } }) =>
    expect(response).toMatchObject({ status: 403, body: { error: { code: 'permission_exceeds_grantor' } } });

  async function role(permissions: string[]): Promise<string> {
    const created = await call('POST', '/api/v1/roles', admin, { name: `role-${people++}`, permissions });
    return created.body.id;
  }

  /** A person whose user in the default account holds exactly these permissions; their session token. */
  async function person(permissions: string[], options: { isOrganizationAdmin?: boolean } = {}) {
    const email = `person${people++}@acme.example`;
    const login = await createLogin(server.portcullis.ctx, systemCaller(), {
      organizationId,
      email,
      name: 'Person',
      password,
      ...options,
    });
    const roleIds = permissions.length > 0 ? [await role(permissions)] : [];
    const user = await call('POST', '/api/v1/users', admin, {
      name: `user${people++}`,
      loginId: login.id,
      roleIds,
    });
    const session = await api(server.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } });
    return { loginId: login.id, userId: user.body.id as string, token: session.body.accessToken as string };
  }

  /** A service account, its secret, and (unless `roleIds` is null) its user holding these roles. */
  async function serviceAccount(roleIds: string[] | null, isOrganizationAdmin = false) {
    const sa = await call('POST', '/api/v1/service-accounts', admin, {
      name: `sa${people++}`,
      isOrganizationAdmin,
    });
    const secret = await call('POST', `/api/v1/service-accounts/${sa.body.id}/secrets`, admin);
    const user =
      roleIds &&
      (await call('POST', '/api/v1/users', admin, {
        name: `sa_user${people++}`,
        serviceAccountId: sa.body.id,
        roleIds,
      }));
    return {
      id: sa.body.id as string,
      secret: secret.body.clientSecret as string,
      userId: user?.body.id as string,
    };
  }

  const token = (clientId: string, clientSecret: string, extra: Record<string, string> = {}) =>
    tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      ...extra,
    });

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
    const roles = (await call('GET', '/api/v1/roles', admin)).body.items as { id: string; name: string }[];
    adminRoleId = roles.find((r) => r.name === 'Admin')!.id;
    readOnlyRoleId = roles.find((r) => r.name === 'Read only')!.id;
    organizationId = (
      await db().selectFrom('organizations').select('id').where('name', '=', 'acme').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => server?.close());

  it('refuses relinking an Admin user to a read-only service account whose secret the caller holds', async () => {
    const member = await person(['portcullis.users:update', 'portcullis.users:get']);
    const readOnlyBot = await serviceAccount([readOnlyRoleId]);
    const spare = await call('POST', '/api/v1/users', admin, {
      name: 'spare-admin',
      roleIds: [adminRoleId],
    });
    // Unlinking takes rights away, which anyone allowed to update users may do.
    const unlinked = await call('PATCH', `/api/v1/users/${readOnlyBot.userId}`, member.token, {
      serviceAccountId: null,
    });
    expect(unlinked.status).toBe(200);
    const relinked = await unchanged(() =>
      call('PATCH', `/api/v1/users/${spare.body.id}`, member.token, { serviceAccountId: readOnlyBot.id }),
    );
    refusedAsExceeding(relinked);
    expect(relinked.body.error.details.excess).toContain('*:create');
    const issued = await token(readOnlyBot.id, readOnlyBot.secret);
    expect(issued.body.scope).toBeUndefined();
    expect(issued.body.error).toBe('unauthorized_client');
  });

  it('refuses creating a user that ties an Admin role to a service account beyond the caller', async () => {
    const member = await person(['portcullis.users:create', 'incidents:get']);
    const bot = await serviceAccount(null);
    const narrow = await role(['incidents:get']);
    const tooMuch = await unchanged(() =>
      call('POST', '/api/v1/users', member.token, {
        name: 'bot-admin',
        serviceAccountId: bot.id,
        roleIds: [adminRoleId],
      }),
    );
    refusedAsExceeding(tooMuch);
    const within = await call('POST', '/api/v1/users', member.token, {
      name: 'bot-reader',
      serviceAccountId: bot.id,
      roleIds: [narrow],
    });
    expect(within.status).toBe(201);
    expect((await token(bot.id, bot.secret)).body.scope).toBe('incidents:get');
  });

  it('makes every link to an organization-admin service account an organization admin matter', async () => {
    const delegate = await person(['*:*']);
    const orgAdminBot = await serviceAccount(null, true);
    const user = await call('POST', '/api/v1/users', admin, { name: 'unlinked-user' });
    const linked = await unchanged(() =>
      call('PATCH', `/api/v1/users/${user.body.id}`, delegate.token, { serviceAccountId: orgAdminBot.id }),
    );
    refusedAsExceeding(linked);
    const secret = await unchanged(() =>
      call('POST', `/api/v1/service-accounts/${orgAdminBot.id}/secrets`, delegate.token),
    );
    refusedAsExceeding(secret);
  });

  it('refuses handing on a service account by a new secret to someone who holds less than it', async () => {
    const keeper = await person(['portcullis.service_accounts:*', '*:get', '*:list']);
    const adminBot = await serviceAccount([adminRoleId]);
    const refused = await unchanged(() =>
      call('POST', `/api/v1/service-accounts/${adminBot.id}/secrets`, keeper.token),
    );
    refusedAsExceeding(refused);
    expect(refused.body.error.details.excess).toContain('incidents:update');
    const readerBot = await serviceAccount([readOnlyRoleId]);
    const rotated = await call('POST', `/api/v1/service-accounts/${readerBot.id}/secrets`, keeper.token);
    expect(rotated.status).toBe(201);
  });

  it('refuses enabling a service account again, or lengthening its life, to someone who holds less than it', async () => {
    const keeper = await person(['portcullis.service_accounts:*', '*:get', '*:list']);
    const adminBot = await serviceAccount([adminRoleId]);
    await call('PATCH', `/api/v1/service-accounts/${adminBot.id}`, admin, {
      enabled: false,
      validTo: '2030-01-01T00:00:00Z',
    });
    for (const change of [{ enabled: true }, { validTo: null }, { validTo: '2031-01-01T00:00:00Z' }]) {
      refusedAsExceeding(
        await unchanged(() => call('PATCH', `/api/v1/service-accounts/${adminBot.id}`, keeper.token, change)),
      );
    }
    const shortened = await call('PATCH', `/api/v1/service-accounts/${adminBot.id}`, keeper.token, {
      validTo: '2029-01-01T00:00:00Z',
    });
    expect(shortened.status).toBe(200);
  });

  it("refuses resetting the password of someone who holds more than the caller, an organization admin's above all", async () => {
    const helpdesk = await person(['portcullis.logins:update', 'portcullis.logins:get']);
    const reader = await person(['*:get', '*:list']);
    const orgAdmin = await person([], { isOrganizationAdmin: true });
    for (const loginId of [reader.loginId, orgAdmin.loginId]) {
      refusedAsExceeding(
        await unchanged(() =>
          call('PUT', `/api/v1/logins/${loginId}/password`, helpdesk.token, {
            password: 'a new password 12',
          }),
        ),
      );
    }
    const newcomer = await createLogin(server.portcullis.ctx, systemCaller(), {
      organizationId,
      email: `newcomer${people++}@acme.example`,
      name: 'Newcomer',
      password,
    });
    const reset = await call('PUT', `/api/v1/logins/${newcomer.id}/password`, helpdesk.token, {
      password: 'a new password 12',
    });
    expect(reset.status).toBe(204);
  });

  it('refuses reactivating a user or a login that holds more than the caller', async () => {
    const helpdesk = await person(['portcullis.users:update', 'portcullis.logins:update', 'incidents:get']);
    const strong = await person(['*:*']);
    await call('PATCH', `/api/v1/users/${strong.userId}`, admin, { active: false });
    refusedAsExceeding(
      await unchanged(() =>
        call('PATCH', `/api/v1/users/${strong.userId}`, helpdesk.token, { active: true }),
      ),
    );
    await call('PATCH', `/api/v1/users/${strong.userId}`, admin, { active: true });
    await call('PATCH', `/api/v1/logins/${strong.loginId}`, admin, { active: false });
    refusedAsExceeding(
      await unchanged(() =>
        call('PATCH', `/api/v1/logins/${strong.loginId}`, helpdesk.token, { active: true }),
      ),
    );
    // Taking rights away needs no more than the permission to update.
    const weak = await person(['incidents:get']);
    expect(
      (await call('PATCH', `/api/v1/users/${weak.userId}`, helpdesk.token, { active: false })).status,
    ).toBe(200);
    expect(
      (await call('PATCH', `/api/v1/users/${weak.userId}`, helpdesk.token, { active: true })).status,
    ).toBe(200);
  });

  it('refuses a scope-narrowed token of an organization-admin service account making organization admins', async () => {
    const orgAdminBot = await serviceAccount([], true);
    const narrowed = (
      await token(orgAdminBot.id, orgAdminBot.secret, {
        scope: 'portcullis.logins:create portcullis.logins:update portcullis.service_accounts:create',
      })
    ).body.access_token;
    refusedAsExceeding(
      await unchanged(() =>
        call('POST', '/api/v1/logins', narrowed, {
          email: `promoted${people++}@acme.example`,
          name: 'Promoted',
          password,
          isOrganizationAdmin: true,
        }),
      ),
    );
    refusedAsExceeding(
      await unchanged(() =>
        call('POST', '/api/v1/service-accounts', narrowed, {
          name: 'promoted-bot',
          isOrganizationAdmin: true,
        }),
      ),
    );
    // The full token of the same account may: it is an organization admin acting with all its rights.
    const full = (await token(orgAdminBot.id, orgAdminBot.secret)).body.access_token;
    const promoted = await call('POST', '/api/v1/service-accounts', full, {
      name: 'promoted-bot',
      isOrganizationAdmin: true,
    });
    expect(promoted.status).toBe(201);
  });

  it('leaves turning programmatic access back on to an organization admin: it revives every credential', async () => {
    const settingsKeeper = await person(['portcullis.organization:*', '*:*']);
    const off = await call('PATCH', '/api/v1/organization', settingsKeeper.token, {
      programmaticAccessEnabled: false,
    });
    expect(off.status).toBe(200);
    refusedAsExceeding(
      await unchanged(() =>
        call('PATCH', '/api/v1/organization', settingsKeeper.token, { programmaticAccessEnabled: true }),
      ),
    );
    const on = await call('PATCH', '/api/v1/organization', admin, { programmaticAccessEnabled: true });
    expect(on.body.programmaticAccessEnabled).toBe(true);
  });

  it('gates service accounts with portcullis.service_accounts, not with the organization-admin flag', async () => {
    const viewer = await person(['portcullis.service_accounts:list', 'portcullis.service_accounts:get']);
    const bot = await serviceAccount(null);
    expect((await call('GET', '/api/v1/service-accounts', viewer.token)).status).toBe(200);
    expect((await call('GET', `/api/v1/service-accounts/${bot.id}`, viewer.token)).status).toBe(200);
    const created = await unchanged(() =>
      call('POST', '/api/v1/service-accounts', viewer.token, { name: 'mine' }),
    );
    expect(created).toMatchObject({
      status: 403,
      body: {
        error: { code: 'permission_denied', details: { missing: ['portcullis.service_accounts:create'] } },
      },
    });
  });

  it('gates personal credentials with portcullis.client_credentials', async () => {
    const reader = await person(['*:get', '*:list']);
    expect((await call('GET', '/api/v1/client-credentials', reader.token)).status).toBe(200);
    for (const [path, body] of [
      ['/api/v1/client-credentials', { name: 'script', preset: 'read_only' }],
      ['/api/v1/users/me/access-keys', undefined],
    ] as const) {
      const refused = await unchanged(() => call('POST', path, reader.token, body));
      expect(refused).toMatchObject({
        status: 403,
        body: {
          error: {
            code: 'permission_denied',
            details: { missing: ['portcullis.client_credentials:create'] },
          },
        },
      });
    }
    const maker = await person(['*:get', '*:list', 'portcullis.client_credentials:create']);
    const made = await call('POST', '/api/v1/client-credentials', maker.token, {
      name: 'script',
      preset: 'read_only',
    });
    expect(made.status).toBe(201);
  });

  it('gives an organization admin everything in the organization, with no user or a deactivated one', async () => {
    const orgAdmin = await person([], { isOrganizationAdmin: true });
    const asked = { permissions: ['incidents:update', 'portcullis.roles:create'] };
    expect((await call('POST', '/api/v1/authorize', orgAdmin.token, asked)).body).toEqual({
      allowed: true,
      missing: [],
    });
    await call('PATCH', `/api/v1/users/${orgAdmin.userId}`, admin, { active: false });
    expect((await call('POST', '/api/v1/authorize', orgAdmin.token, asked)).body.allowed).toBe(true);
    await call('DELETE', `/api/v1/users/${orgAdmin.userId}`, admin);
    expect((await call('POST', '/api/v1/authorize', orgAdmin.token, asked)).body.allowed).toBe(true);
    expect((await call('GET', '/api/v1/roles', orgAdmin.token)).status).toBe(200);
  });
});
