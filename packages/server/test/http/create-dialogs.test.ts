import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, tokenRequest } from '../support/http-client.js';
import { latestAuditEvents } from '../support/state-snapshot.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

const password = 'a person password 1';

/**
 * What each vendor's create dialog sets, it sets in the creating request (issue 14): FireTail's credential
 * with its valid-to and time zone, Firefly's key pair with one, Firebolt's service account with its network
 * policy and organization-admin flag, and a login with its user, so a new person can act at once. Each
 * field is read back and seen in the token or authorize answers; each refusal leaves the database as it was.
 */
describeOnEachEngine('create dialogs on $engine', (engine) => {
  let server: TestServer;
  let operator: string;
  let readOnlyRoleId: string;
  let adminRoleId: string;
  let defaultAccountId: string;
  let people = 0;

  const db = () => server.portcullis.database.db;
  const unchanged = <T>(request: () => Promise<T>) => expectUnchanged(db(), request);
  const call = (method: string, path: string, token: string, body?: unknown) =>
    api(server.baseUrl, method, path, { token, ...(body === undefined ? {} : { body }) });
  const signIn = async (email: string) =>
    (await api(server.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } })).body
      .accessToken as string;
  const token = (clientId: string, clientSecret: string) =>
    tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
  /** The details of the newest audit event with this action on this target. */
  const auditDetails = async (action: string, targetId: string) => {
    const row = await db()
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', action)
      .where('target_id', '=', targetId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return JSON.parse(row.details ?? '{}');
  };
  /** Whole seconds (as the API keeps them) a few minutes ahead: within a token's default lifetime. */
  const inMinutes = (minutes: number) => (Math.floor(Date.now() / 1000) + minutes * 60) * 1000;

  /** A person, made in one request with their user and a role holding exactly these permissions. */
  async function person(permissions: string[]) {
    const n = people++;
    const role = await call('POST', '/api/v1/roles', operator, { name: `dialog-role-${n}`, permissions });
    const email = `dialog${n}@acme.example`;
    const created = await call('POST', '/api/v1/logins', operator, {
      email,
      name: `Person ${n}`,
      password,
      user: { name: `dialog_user_${n}`, roleIds: [role.body.id] },
    });
    expect(created.status).toBe(201);
    return { token: await signIn(email), userId: created.body.user.id as string };
  }

  beforeAll(async () => {
    server = await startTestServer(engine);
    operator = await adminToken(server.baseUrl);
    const roles = (await call('GET', '/api/v1/roles', operator)).body.items as { id: string; name: string }[];
    readOnlyRoleId = roles.find((r) => r.name === 'Read only')!.id;
    adminRoleId = roles.find((r) => r.name === 'Admin')!.id;
    const accounts = (await call('GET', '/api/v1/accounts', operator)).body.items;
    defaultAccountId = accounts.find((a: { isDefault: boolean }) => a.isDefault).id;
  });
  afterAll(async () => server?.close());

  describe("FireTail's client credential dialog", () => {
    it('takes the valid-to and its time zone with name, description and permissions, and reads them back', async () => {
      const member = await person(['*:get', '*:list', 'portcullis.client_credentials:*']);
      const created = await call('POST', '/api/v1/client-credentials', member.token, {
        name: 'nightly-export',
        description: 'findings export',
        validTo: '2999-06-30T18:00',
        timezone: 'America/New_York',
        preset: 'read_only',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'nightly-export',
        description: 'findings export',
        validTo: '2999-06-30T22:00:00.000Z',
        timezone: 'America/New_York',
        permissions: ['*:get', '*:list'],
      });
      const read = await call('GET', `/api/v1/client-credentials/${created.body.id}`, member.token);
      expect(read.body).toMatchObject({
        validTo: '2999-06-30T22:00:00.000Z',
        timezone: 'America/New_York',
      });
      expect(await auditDetails('client_credential.created', created.body.id)).toMatchObject({
        validTo: Date.parse('2999-06-30T22:00:00.000Z'),
        validToTimezone: 'America/New_York',
      });
    });

    it('issues no token that outlives the valid-to given at creation', async () => {
      const member = await person(['*:get', '*:list', 'portcullis.client_credentials:*']);
      const validTo = inMinutes(10);
      const created = await call('POST', '/api/v1/client-credentials', member.token, {
        name: 'short-lived',
        validTo: new Date(validTo).toISOString().slice(0, 19),
        preset: 'read_only',
      });
      expect(created.body).toMatchObject({ validTo: new Date(validTo).toISOString(), timezone: 'UTC' });
      const issued = await token(created.body.clientId, created.body.clientSecret);
      expect(issued.status).toBe(200);
      expect(issued.body.expires_in).toBeLessThanOrEqual(600);
      expect(decodeJwt(issued.body.access_token).exp).toBe(validTo / 1000);
    });

    it('refuses an unknown time zone and stores nothing', async () => {
      const member = await person(['*:get', '*:list', 'portcullis.client_credentials:*']);
      const refused = await unchanged(() =>
        call('POST', '/api/v1/client-credentials', member.token, {
          name: 'nowhere',
          validTo: '2999-01-01T00:00',
          timezone: 'Mars/Olympus',
          preset: 'read_only',
        }),
      );
      expect(refused).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
    });

    it('writes a revocation event when an edit brings the valid-to before tokens already issued would expire', async () => {
      const member = await person(['*:get', '*:list', 'portcullis.client_credentials:*']);
      const created = await call('POST', '/api/v1/client-credentials', member.token, {
        name: 'shortened',
        preset: 'read_only',
      });
      expect((await token(created.body.clientId, created.body.clientSecret)).status).toBe(200);
      const restrictions = () =>
        db()
          .selectFrom('revocation_events')
          .select(['reason', 'effect'])
          .where('subject', '=', created.body.clientId)
          .execute();
      // Beyond the longest token lifetime: no token issued so far outlives it, so nothing is written.
      const farAway = new Date(Date.now() + 2 * 86_400_000).toISOString();
      const later = await call('PATCH', `/api/v1/client-credentials/${created.body.id}`, member.token, {
        validTo: farAway,
      });
      expect(later.status).toBe(200);
      expect(await restrictions()).toEqual([]);
      const sooner = await call('PATCH', `/api/v1/client-credentials/${created.body.id}`, member.token, {
        validTo: new Date(inMinutes(1)).toISOString(),
      });
      expect(sooner.status).toBe(200);
      expect(await restrictions()).toEqual([{ reason: 'credential_restricted', effect: 'recheck' }]);
    });
  });

  describe("Firefly's key pair", () => {
    it('takes a valid-to and its time zone, lists them, and caps the login answer at it', async () => {
      const member = await person(['*:get', '*:list', 'portcullis.client_credentials:*']);
      const validTo = inMinutes(20);
      // The same instant as wall-clock time in Tokyo (UTC+9, no daylight saving).
      const tokyo = new Date(validTo + 9 * 3_600_000).toISOString().slice(0, 19);
      const pair = await call('POST', '/api/v1/users/me/access-keys', member.token, {
        description: 'deploy script',
        validTo: tokyo,
        timezone: 'Asia/Tokyo',
      });
      expect(pair.status).toBe(201);
      expect(pair.body).toMatchObject({ validTo: new Date(validTo).toISOString(), timezone: 'Asia/Tokyo' });
      const listed = await call('GET', '/api/v1/users/me/access-keys', member.token);
      expect(listed.body.items).toEqual([
        expect.objectContaining({
          accessKey: pair.body.accessKey,
          description: 'deploy script',
          validTo: new Date(validTo).toISOString(),
          timezone: 'Asia/Tokyo',
          validToLocal: tokyo,
        }),
      ]);
      const loggedIn = await api(server.baseUrl, 'POST', '/v2/login', {
        body: { accessKey: pair.body.accessKey, secretKey: pair.body.secretKey },
      });
      expect(loggedIn.status).toBe(200);
      expect(loggedIn.body.expiresAt).toBe(validTo / 1000);
    });

    it('still makes a key pair without a valid-to, named after its access key', async () => {
      const member = await person(['*:get', '*:list', 'portcullis.client_credentials:*']);
      const pair = await call('POST', '/api/v1/users/me/access-keys', member.token);
      expect(pair.status).toBe(201);
      expect(pair.body).toMatchObject({ validTo: null, validToLocal: null, timezone: null });
      const row = await server.portcullis.database.db
        .selectFrom('service_accounts')
        .select('name')
        .where('id', '=', pair.body.accessKey)
        .executeTakeFirstOrThrow();
      expect(row.name).toBe(`access-key-${pair.body.accessKey.slice(-10)}`);
    });
  });

  describe("Firebolt's create-a-service-account dialog", () => {
    const policy = async (name: string, allowed: string[]) =>
      (await call('POST', '/api/v1/network-policies', operator, { name, allowed })).body.id as string;

    it('takes the network policy and the organization-admin flag, reads them back, and the policy applies to the next token', async () => {
      const elsewhere = await policy('dialog-elsewhere', ['10.0.0.0/8']);
      const sa = await call('POST', '/api/v1/service-accounts', operator, {
        name: 'dialog-fenced-admin',
        description: 'from the dialog',
        networkPolicyId: elsewhere,
        isOrganizationAdmin: true,
      });
      expect(sa.status).toBe(201);
      expect(sa.body).toMatchObject({
        description: 'from the dialog',
        networkPolicyId: elsewhere,
        isOrganizationAdmin: true,
      });
      const read = await call('GET', `/api/v1/service-accounts/${sa.body.id}`, operator);
      expect(read.body).toMatchObject({ networkPolicyId: elsewhere, isOrganizationAdmin: true });
      expect(await auditDetails('service_account.created', sa.body.id)).toMatchObject({
        networkPolicyId: elsewhere,
        isOrganizationAdmin: true,
      });

      const secret = await call('POST', `/api/v1/service-accounts/${sa.body.id}/secrets`, operator);
      await call('POST', '/api/v1/users', operator, {
        name: 'dialog_admin_user',
        serviceAccountId: sa.body.id,
      });
      // The test client calls from 127.0.0.1, which the policy given at creation does not allow.
      expect(await token(sa.body.id, secret.body.clientSecret)).toMatchObject({
        status: 401,
        body: { error: 'invalid_client' },
      });
      expect(await latestAuditEvents(db(), 1)).toEqual([
        { action: 'token.refused', reason: 'network_policy' },
      ]);

      const here = await policy('dialog-here', ['127.0.0.1', '::1']);
      await call('PATCH', `/api/v1/service-accounts/${sa.body.id}`, operator, { networkPolicyId: here });
      const issued = await token(sa.body.id, secret.body.clientSecret);
      expect(issued.status).toBe(200);
      // An organization admin acts with every right, though its user holds no role.
      const anything = await call('POST', '/api/v1/authorize', issued.body.access_token, {
        permissions: ['incidents:delete', 'portcullis.service_accounts:create'],
      });
      expect(anything.body).toEqual({ allowed: true, missing: [] });
    });

    it('takes a valid-to with its time zone, and shows it as entered', async () => {
      const sa = await call('POST', '/api/v1/service-accounts', operator, {
        name: 'dialog-expiring',
        validTo: '2999-03-01T09:30',
        timezone: 'Europe/Berlin',
      });
      expect(sa.status).toBe(201);
      const read = await call('GET', `/api/v1/service-accounts/${sa.body.id}`, operator);
      expect(read.body).toMatchObject({
        validTo: '2999-03-01T08:30:00.000Z',
        validToLocal: '2999-03-01T09:30:00',
        timezone: 'Europe/Berlin',
      });
    });

    it('lets a member who may create and update service accounts attach a policy at creation', async () => {
      const member = await person(['portcullis.service_accounts:*', 'portcullis.network_policies:*']);
      const here = await policy('dialog-member-policy', ['127.0.0.1']);
      const sa = await call('POST', '/api/v1/service-accounts', member.token, {
        name: 'dialog-member-fenced',
        networkPolicyId: here,
      });
      expect(sa.status).toBe(201);
      expect(sa.body.networkPolicyId).toBe(here);
    });

    it('refuses a policy at creation to a member who may create service accounts but not update them', async () => {
      const member = await person(['portcullis.service_accounts:create', 'portcullis.service_accounts:get']);
      const here = await policy('dialog-not-yours', ['127.0.0.1']);
      const refused = await unchanged(() =>
        call('POST', '/api/v1/service-accounts', member.token, {
          name: 'dialog-refused-policy',
          networkPolicyId: here,
        }),
      );
      expect(refused).toMatchObject({
        status: 403,
        body: {
          error: {
            code: 'permission_denied',
            details: { missing: ['portcullis.service_accounts:update'] },
          },
        },
      });
      const plain = await call('POST', '/api/v1/service-accounts', member.token, {
        name: 'dialog-plain',
      });
      expect(plain.status).toBe(201);
    });

    it('refuses the organization-admin flag at creation to anyone who is not an organization admin with all their rights', async () => {
      const member = await person(['*:*']);
      const refused = await unchanged(() =>
        call('POST', '/api/v1/service-accounts', member.token, {
          name: 'dialog-refused-admin',
          isOrganizationAdmin: true,
        }),
      );
      expect(refused).toMatchObject({
        status: 403,
        body: {
          error: { code: 'permission_exceeds_grantor', details: { excess: ['organization admin'] } },
        },
      });
    });

    it("refuses an unknown policy, and another organization's, as not found", async () => {
      const other = await call('POST', '/api/v1/organizations', operator, {
        name: 'dialog-other',
        admin: { email: 'admin@dialog-other.example', name: 'Other admin', password },
      });
      expect(other.status).toBe(201);
      const otherAdmin = await signIn('admin@dialog-other.example');
      const theirs = await call('POST', '/api/v1/network-policies', otherAdmin, {
        name: 'theirs',
        allowed: ['127.0.0.1'],
      });
      expect(theirs.status).toBe(201);
      for (const networkPolicyId of [theirs.body.id, 'np_01m82xvp2vsehr91fdaggr88nr']) {
        const refused = await unchanged(() =>
          call('POST', '/api/v1/service-accounts', operator, { name: 'dialog-lost', networkPolicyId }),
        );
        expect(refused).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
      }
    });
  });

  describe('a login with its user', () => {
    it('makes the user in the default account with its roles, says which, and the person can act at once', async () => {
      const created = await call('POST', '/api/v1/logins', operator, {
        email: 'newcomer@acme.example',
        name: 'Newcomer',
        password,
        user: { name: 'newcomer', roleIds: [readOnlyRoleId] },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        email: 'newcomer@acme.example',
        user: { accountId: defaultAccountId, name: 'newcomer', roleIds: [readOnlyRoleId] },
      });
      const user = await call('GET', `/api/v1/users/${created.body.user.id}`, operator);
      expect(user.body).toMatchObject({
        loginId: created.body.id,
        accountId: defaultAccountId,
        roleIds: [readOnlyRoleId],
        serviceAccountId: null,
      });
      expect(await auditDetails('login.created', created.body.id)).toMatchObject({
        email: 'newcomer@acme.example',
      });
      expect(await auditDetails('user.created', created.body.user.id)).toMatchObject({
        loginId: created.body.id,
        roleIds: [readOnlyRoleId],
      });

      const newcomer = await signIn('newcomer@acme.example');
      expect((await call('GET', '/api/v1/service-accounts', newcomer)).status).toBe(200);
      const answer = await call('POST', '/api/v1/authorize', newcomer, {
        permissions: ['incidents:list', 'incidents:delete'],
      });
      expect(answer.body).toEqual({ allowed: false, missing: ['incidents:delete'] });
    });

    it('answers user null when none was asked for', async () => {
      const created = await call('POST', '/api/v1/logins', operator, {
        email: 'loner@acme.example',
        name: 'Loner',
        password,
      });
      expect(created.status).toBe(201);
      expect(created.body.user).toBeNull();
    });

    it('refuses the user to a caller who may create logins but not users, and makes neither', async () => {
      const member = await person(['portcullis.logins:create']);
      const refused = await unchanged(() =>
        call('POST', '/api/v1/logins', member.token, {
          email: 'nouser@acme.example',
          name: 'No user',
          password,
          user: { name: 'nouser' },
        }),
      );
      expect(refused).toMatchObject({
        status: 403,
        body: { error: { code: 'permission_denied', details: { missing: ['portcullis.users:create'] } } },
      });
    });

    it('refuses roles beyond the caller and makes neither login nor user', async () => {
      const member = await person(['portcullis.logins:create', 'portcullis.users:create', '*:get', '*:list']);
      const refused = await unchanged(() =>
        call('POST', '/api/v1/logins', member.token, {
          email: 'toomuch@acme.example',
          name: 'Too much',
          password,
          user: { name: 'toomuch', roleIds: [adminRoleId] },
        }),
      );
      expect(refused).toMatchObject({
        status: 403,
        body: { error: { code: 'permission_exceeds_grantor' } },
      });
      expect(refused.body.error.details.excess).toContain('*:delete');

      const enough = await call('POST', '/api/v1/logins', member.token, {
        email: 'enough@acme.example',
        name: 'Enough',
        password,
        user: { name: 'enough', roleIds: [readOnlyRoleId] },
      });
      expect(enough.status).toBe(201);
    });

    it('refuses an unknown role or a user name already taken, and makes neither', async () => {
      const unknownRole = await unchanged(() =>
        call('POST', '/api/v1/logins', operator, {
          email: 'unknownrole@acme.example',
          name: 'Unknown role',
          password,
          user: { name: 'unknownrole', roleIds: ['role_01m82xvp2vsehr91fdaggr88nr'] },
        }),
      );
      expect(unknownRole).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
      const taken = await unchanged(() =>
        call('POST', '/api/v1/logins', operator, {
          email: 'taken@acme.example',
          name: 'Taken',
          password,
          user: { name: 'admin' },
        }),
      );
      expect(taken).toMatchObject({ status: 409, body: { error: { code: 'user_exists' } } });
      const badName = await unchanged(() =>
        call('POST', '/api/v1/logins', operator, {
          email: 'badname@acme.example',
          name: 'Bad name',
          password,
          user: { name: 'not a name' },
        }),
      );
      expect(badName).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
    });
  });
});
