import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { eventually } from '../support/eventually.js';
import { adminToken, api, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { latestAuditEvents } from '../support/state-snapshot.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

const masterKey = '5a'.repeat(32);

let named = 0;
/**
 * A name no other test in the file uses. Each test makes the rows it reads, and changes no setting another
 * reads, so the tests pass in any order (`--sequence.shuffle`).
 */
const unique = (stem: string) => `${stem}-${++named}`;

describeOnEachEngine('management API on $engine', (engine) => {
  let server: TestServer;
  let operator: string;

  const db = () => server.portcullis.database.db;
  const unchanged = <T>(request: () => Promise<T>) => expectUnchanged(db(), request);
  const call = (
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) =>
    api(server.baseUrl, method, path, {
      token,
      ...(body === undefined ? {} : { body }),
      ...(headers ? { headers } : {}),
    });
  const token = (client: { clientId: string; clientSecret: string }, headers?: Record<string, string>) =>
    tokenRequest(
      server.baseUrl,
      { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret },
      headers ? { headers } : {},
    );
  const lastRefusal = async () => (await latestAuditEvents(db(), 1))[0];
  /** A usable service account of its own in the operator's organization (or `caller`'s). */
  const usableServiceAccount = (stem: string, caller = operator) =>
    createUsableServiceAccount(server.baseUrl, caller, unique(stem));
  /** A login with a user of its own in the operator's organization, and the password to sign in with. */
  const createLogin = async (stem: string) => {
    const name = unique(stem);
    const credentials = { email: `${name}@acme.example`, password: `${name} password` };
    const login = await call('POST', '/api/v1/logins', operator, { name, ...credentials });
    await call('POST', '/api/v1/users', operator, { name, loginId: login.body.id });
    return { id: login.body.id as string, credentials };
  };
  const signIn = (credentials: { email: string; password: string }) =>
    api(server.baseUrl, 'POST', '/api/v1/auth/login', { body: credentials });

  /** Creates a new organization (access neither available nor enabled) and signs its first admin in. */
  const createOrganization = async (name: string) => {
    const credentials = { email: `admin@${name}.example`, password: `${name} admin password` };
    const created = await call('POST', '/api/v1/organizations', operator, {
      name,
      admin: { name: `${name} admin`, ...credentials },
    });
    const admin = (await signIn(credentials)).body.accessToken as string;
    return { created, id: created.body.id as string, admin };
  };
  /** A new organization whose programmatic access the operator made available and its admin enabled. */
  const createOpenOrganization = async (name: string) => {
    const organization = await createOrganization(name);
    await call('PATCH', `/api/v1/organizations/${organization.id}`, operator, {
      programmaticAccessAvailable: true,
    });
    await call('PATCH', '/api/v1/organization', organization.admin, { programmaticAccessEnabled: true });
    return organization;
  };

  beforeAll(async () => {
    server = await startTestServer(engine, { PORTCULLIS_MASTER_KEY: masterKey });
    operator = await adminToken(server.baseUrl);
  });
  afterAll(async () => server?.close());

  describe('organizations and the programmatic-access gate (FireTail)', () => {
    it('lets the operator create an organization with its first admin, access off', async () => {
      const name = unique('initech');
      const { created, admin } = await createOrganization(name);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name,
        programmaticAccessAvailable: false,
        programmaticAccessEnabled: false,
      });
      const own = await call('GET', '/api/v1/organization', admin);
      expect(own.body).toMatchObject({ id: created.body.id, programmaticAccessEnabled: false });
    });

    it('keeps organization creation and availability to the operator', async () => {
      const name = unique('initech');
      const { admin } = await createOrganization(name);
      const refused = await unchanged(() => call('POST', '/api/v1/organizations', admin, { name: 'rogue' }));
      expect(refused).toMatchObject({ status: 403, body: { error: { code: 'permission_denied' } } });
      const duplicate = await unchanged(() => call('POST', '/api/v1/organizations', operator, { name }));
      expect(duplicate).toMatchObject({ status: 409, body: { error: { code: 'organization_exists' } } });
      // Every organization, in creation order: the operator's own first, the one just made last.
      const stored = await db().selectFrom('organizations').select('name').orderBy('id').execute();
      const listed = await call('GET', '/api/v1/organizations', operator);
      const names = listed.body.items.map((o: { name: string }) => o.name);
      expect(names).toEqual(stored.map((o) => o.name));
      expect([names[0], names.at(-1)]).toEqual(['acme', name]);
    });

    it('refuses credential management and the toggle until the operator makes access available', async () => {
      const { admin } = await createOrganization(unique('initech'));
      const sa = await unchanged(() => call('POST', '/api/v1/service-accounts', admin, { name: 'etl' }));
      expect(sa).toMatchObject({ status: 403, body: { error: { code: 'programmatic_access_disabled' } } });
      const toggle = await unchanged(() =>
        call('PATCH', '/api/v1/organization', admin, { programmaticAccessEnabled: true }),
      );
      expect(toggle).toMatchObject({
        status: 403,
        body: { error: { code: 'programmatic_access_unavailable' } },
      });
    });

    it('works once available and enabled, and switching off refuses without deleting', async () => {
      const { id, admin } = await createOrganization(unique('initech'));
      const available = await call('PATCH', `/api/v1/organizations/${id}`, operator, {
        programmaticAccessAvailable: true,
      });
      expect(available.body.programmaticAccessAvailable).toBe(true);
      expect(
        (await call('PATCH', '/api/v1/organization', admin, { programmaticAccessEnabled: true })).status,
      ).toBe(200);
      const client = await usableServiceAccount('etl', admin);
      expect((await token(client)).status).toBe(200);

      await call('PATCH', '/api/v1/organization', admin, { programmaticAccessEnabled: false });
      const refused = await token(client);
      expect(refused).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(await lastRefusal()).toEqual({
        action: 'token.refused',
        reason: 'programmatic_access_disabled',
      });
      const managed = await call('GET', '/api/v1/service-accounts', admin);
      expect(managed).toMatchObject({
        status: 403,
        body: { error: { code: 'programmatic_access_disabled' } },
      });
      const kept = await db()
        .selectFrom('service_accounts')
        .select('id')
        .where('id', '=', client.clientId)
        .executeTakeFirst();
      expect(kept).toBeDefined();

      await call('PATCH', '/api/v1/organization', admin, { programmaticAccessEnabled: true });
      expect((await token(client)).status).toBe(200);
    });
  });

  describe('secrets', () => {
    it('keeps the previous secret working through a grace period, then revokes one', async () => {
      const client = await usableServiceAccount('rotating');
      const rotated = await call('POST', `/api/v1/service-accounts/${client.clientId}/secrets`, operator, {
        gracePeriodSeconds: 3600,
      });
      expect(rotated.status).toBe(201);
      const next = { clientId: client.clientId, clientSecret: rotated.body.clientSecret };
      expect((await token(client)).status).toBe(200);
      expect((await token(next)).status).toBe(200);

      const listed = await call('GET', `/api/v1/service-accounts/${client.clientId}/secrets`, operator);
      expect(listed.body.items.map((s: { status: string }) => s.status)).toEqual(['expiring', 'active']);
      const [old] = listed.body.items;
      expect(Date.parse(old.expiresAt) - Date.now()).toBeGreaterThan(3500_000);
      expect(JSON.stringify(listed.body)).not.toContain(client.clientSecret.slice(10));
      expect(old.displayPrefix).toBe(client.clientSecret.slice(0, 10));

      expect(
        (await call('DELETE', `/api/v1/service-accounts/${client.clientId}/secrets/${old.id}`, operator))
          .status,
      ).toBe(204);
      expect((await token(client)).status).toBe(401);
      expect((await token(next)).status).toBe(200);
      const after = await call('GET', `/api/v1/service-accounts/${client.clientId}/secrets`, operator);
      expect(after.body.items[0]).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    });

    it('refuses a grace period over seven days', async () => {
      const client = await usableServiceAccount('rotating');
      const response = await unchanged(() =>
        call('POST', `/api/v1/service-accounts/${client.clientId}/secrets`, operator, {
          gracePeriodSeconds: 604_801,
        }),
      );
      expect(response).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
    });

    it('records last use of the service account and the secret, in batches', async () => {
      const client = await usableServiceAccount('rotating');
      expect((await token(client)).status).toBe(200);
      await server.portcullis.ctx.usage.flush();
      const sa = await call('GET', `/api/v1/service-accounts/${client.clientId}`, operator);
      expect(Date.now() - Date.parse(sa.body.lastUsedAt)).toBeLessThan(60_000);
      const secrets = await call('GET', `/api/v1/service-accounts/${client.clientId}/secrets`, operator);
      expect(secrets.body.items.find((s: { status: string }) => s.status === 'active').lastUsedAt).toEqual(
        expect.any(String),
      );
    });
  });

  describe('editing service accounts (Firebolt), valid-to (FireTail)', () => {
    const taken = 'taken';
    beforeAll(async () => {
      // The name the rename below collides with; no test changes or deletes this account.
      await call('POST', '/api/v1/service-accounts', operator, { name: taken });
    });

    it('stores valid-to in UTC with the zone it was entered in, and refuses once expired', async () => {
      const client = await usableServiceAccount('editable');
      const edited = await call('PATCH', `/api/v1/service-accounts/${client.clientId}`, operator, {
        description: 'expires',
        validTo: '2999-01-01T00:00',
        timezone: 'Europe/Berlin',
      });
      expect(edited.body).toMatchObject({
        description: 'expires',
        validTo: '2998-12-31T23:00:00.000Z',
        validToLocal: '2999-01-01T00:00:00',
        timezone: 'Europe/Berlin',
      });
      expect((await token(client)).status).toBe(200);
      // Whole seconds (as the API keeps them), a few ahead: the edit is in time on a slow machine.
      const soon = (Math.floor(Date.now() / 1000) + 3) * 1000;
      const shortened = await call('PATCH', `/api/v1/service-accounts/${client.clientId}`, operator, {
        validTo: new Date(soon).toISOString(),
      });
      expect(shortened.status).toBe(200);
      const refused = await eventually(
        async () => {
          const answer = await token(client);
          return answer.status === 401 && answer;
        },
        {
          what: 'the token endpoint refuses the expired account',
          timeoutMs: soon + 5_000 - Date.now(),
          everyMs: 250,
        },
      );
      expect(Date.now()).toBeGreaterThanOrEqual(soon);
      expect(refused.body).toEqual(expect.objectContaining({ error: 'invalid_client' }));
      expect(await lastRefusal()).toEqual({ action: 'token.refused', reason: 'expired' });
      const future = await call('PATCH', `/api/v1/service-accounts/${client.clientId}`, operator, {
        validTo: '2999-12-31T23:59:00Z',
      });
      expect(future.body).toMatchObject({ validTo: '2999-12-31T23:59:00.000Z', timezone: 'UTC' });
      expect((await token(client)).status).toBe(200);
    });

    it('refuses a disabled service account at once', async () => {
      const client = await usableServiceAccount('editable');
      await call('PATCH', `/api/v1/service-accounts/${client.clientId}`, operator, { enabled: false });
      expect(await token(client)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(await lastRefusal()).toEqual({ action: 'token.refused', reason: 'disabled' });
    });

    it("records a deleted service account's token request as deleted in its organization's audit log", async () => {
      const name = unique('doomed');
      const sa = await call('POST', '/api/v1/service-accounts', operator, { name });
      const secret = await call('POST', `/api/v1/service-accounts/${sa.body.id}/secrets`, operator);
      const user = await call('POST', '/api/v1/users', operator, {
        name: `${name}_user`,
        serviceAccountId: sa.body.id,
      });
      const doomed = { clientId: sa.body.id, clientSecret: secret.body.clientSecret };
      expect((await token(doomed)).status).toBe(200);
      expect((await call('DELETE', `/api/v1/users/${user.body.id}`, operator)).status).toBe(204);
      expect((await call('DELETE', `/api/v1/service-accounts/${sa.body.id}`, operator)).status).toBe(204);

      const refused = await token(doomed);
      const unknown = await token({ ...doomed, clientId: 'sa_01m82xvp2vsehr91fdaggr88nr' });
      expect(refused).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(refused.body).toEqual(unknown.body);

      const organizationId = (await call('GET', '/api/v1/organization', operator)).body.id;
      const row = await db()
        .selectFrom('audit_events')
        .select(['organization_id', 'reason'])
        .where('target_id', '=', sa.body.id)
        .where('action', '=', 'token.refused')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ organization_id: organizationId, reason: 'deleted' });
      const logged = await call('GET', `/api/v1/audit-events?target=${sa.body.id}&result=failure`, operator);
      expect(logged.body.items).toEqual([
        expect.objectContaining({ action: 'token.refused', reason: 'deleted' }),
      ]);
    });

    it.each([
      [{ validTo: 'next tuesday' }, 'validation_failed'],
      [{ validTo: '2030-02-30T10:00' }, 'validation_failed'],
      [{ validTo: '2030-01-01T10:00', timezone: 'Mars/Olympus' }, 'validation_failed'],
      [{ networkPolicyId: 'np_01m82xvp2vsehr91fdaggr88nr' }, 'not_found'],
      [{ name: taken }, 'service_account_exists'],
    ])('refuses %j with %s', async (body, code) => {
      const client = await usableServiceAccount('editable');
      const response = await unchanged(() =>
        call('PATCH', `/api/v1/service-accounts/${client.clientId}`, operator, body),
      );
      expect(response.body.error.code).toBe(code);
    });
  });

  describe('audit log', () => {
    it('filters by action prefix, result and target, newest first, with a cursor', async () => {
      const client = await usableServiceAccount('refused');
      await call('PATCH', `/api/v1/service-accounts/${client.clientId}`, operator, { enabled: false });
      for (let i = 0; i < 3; i++) expect((await token(client)).status).toBe(401);

      const refusals = await call(
        'GET',
        '/api/v1/audit-events?action=token.*&result=failure&limit=2',
        operator,
      );
      expect(refusals.status).toBe(200);
      expect(refusals.body.items).toHaveLength(2);
      for (const e of refusals.body.items)
        expect(e).toMatchObject({ result: 'failure', action: 'token.refused' });
      expect(refusals.body.items[0].id > refusals.body.items[1].id).toBe(true);
      const next = await call(
        'GET',
        `/api/v1/audit-events?action=token.*&result=failure&limit=2&cursor=${refusals.body.nextCursor}`,
        operator,
      );
      expect(next.body.items.length).toBeGreaterThan(0);
      expect(next.body.items[0].id < refusals.body.items[1].id).toBe(true);
      const target = refusals.body.items[0].target.id;
      expect(target).toBe(client.clientId);
      const byTarget = await call('GET', `/api/v1/audit-events?target=${target}`, operator);
      expect(byTarget.body.items.every((e: { target: { id: string } }) => e.target.id === target)).toBe(true);
    });

    it('filters by time range and exports the same events as NDJSON', async () => {
      expect((await token(await usableServiceAccount('issued'))).status).toBe(200);
      // Issuance events are written in batches, at most a second later; flush instead of waiting.
      await server.portcullis.ctx.issuanceAudit.flush();
      expect(
        (await call('GET', '/api/v1/audit-events?action=token.issued&limit=1', operator)).body.items,
      ).toHaveLength(1);
      const from = new Date(Date.now() - 3600_000).toISOString();
      const listed = await call(
        'GET',
        `/api/v1/audit-events?action=token.issued&from=${from}&limit=500`,
        operator,
      );
      const response = await fetch(
        `${server.baseUrl}/api/v1/audit-events/export?action=token.issued&from=${from}`,
        {
          headers: { authorization: `Bearer ${operator}` },
        },
      );
      expect(response.headers.get('content-type')).toContain('application/x-ndjson');
      const lines = (await response.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.id)).toEqual(listed.body.items.map((e: { id: string }) => e.id));
      const none = await call('GET', `/api/v1/audit-events?to=${new Date(0).toISOString()}`, operator);
      expect(none.body).toEqual({ items: [], nextCursor: null });
    });

    it('answers 403 to a caller without portcullis.audit_log:list', async () => {
      const { credentials } = await createLogin('nobody');
      const nobody = (await signIn(credentials)).body.accessToken;
      for (const path of ['/api/v1/audit-events', '/api/v1/audit-events/export']) {
        const response = await call('GET', path, nobody);
        expect(response).toMatchObject({ status: 403, body: { error: { code: 'permission_denied' } } });
      }
    });
  });

  describe('network policies (Firebolt)', () => {
    const policy = async (stem: string, allowed: string[], blocked: string[] = [], caller = operator) =>
      (await call('POST', '/api/v1/network-policies', caller, { name: unique(stem), allowed, blocked })).body
        .id as string;
    const attach = (client: { clientId: string }, networkPolicyId: string | null, caller = operator) =>
      call('PATCH', `/api/v1/service-accounts/${client.clientId}`, caller, { networkPolicyId });

    it('refuses invalid entries, naming every one', async () => {
      const response = await unchanged(() =>
        call('POST', '/api/v1/network-policies', operator, {
          name: 'bad',
          allowed: ['10.0.0.0/8', '10.0.0.300', 'office'],
        }),
      );
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'invalid_network_entry',
        details: { field: 'allowed', invalid: ['10.0.0.300', 'office'] },
      });
    });

    it('normalises entries and lets a block beat an allow within a policy', async () => {
      const client = await usableServiceAccount('fenced');
      const created = await call('POST', '/api/v1/network-policies', operator, {
        name: unique('loopback-but-not-me'),
        allowed: ['127.0.0.0/8', '::1'],
        blocked: ['127.0.0.1'],
      });
      expect(created.body).toMatchObject({
        allowed: ['127.0.0.0/8', '::1/128'],
        blocked: ['127.0.0.1/32'],
      });
      await attach(client, created.body.id);
      expect(await token(client)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(await lastRefusal()).toEqual({ action: 'token.refused', reason: 'network_policy' });
      await attach(client, await policy('loopback', ['127.0.0.1']));
      expect((await token(client)).status).toBe(200);
    });

    it("checks the organization's policy first, then the service account's", async () => {
      // An organization of its own: its policy would otherwise fence every other test's clients and sign-ins.
      const { admin } = await createOpenOrganization(unique('fenced-org'));
      const client = await usableServiceAccount('fenced', admin);
      await attach(client, await policy('loopback', ['127.0.0.1'], [], admin), admin);
      const office = await policy('office', ['10.0.0.0/8'], [], admin);
      await call('PATCH', '/api/v1/organization', admin, { networkPolicyId: office });
      // The organization does not allow 127.0.0.1, so the service account's own policy (loopback) decides.
      expect((await token(client)).status).toBe(200);
      await attach(client, null, admin);
      expect((await token(client)).status).toBe(401);
      expect(await lastRefusal()).toEqual({ action: 'token.refused', reason: 'network_policy' });
      await call('PATCH', '/api/v1/organization', admin, { networkPolicyId: null });
      expect((await token(client)).status).toBe(200);
    });

    it('ignores a spoofed X-Forwarded-For unless the hop is a trusted proxy', async () => {
      const client = await usableServiceAccount('fenced');
      await attach(client, await policy('vpn', ['10.8.0.0/16']));
      expect((await token(client, { 'x-forwarded-for': '10.8.0.7' })).status).toBe(401);
      const behindProxy = await startTestServer(
        engine,
        { PORTCULLIS_TRUSTED_PROXIES: '127.0.0.1', PORTCULLIS_MASTER_KEY: masterKey },
        server.database,
      );
      try {
        const viaProxy = await tokenRequest(
          behindProxy.baseUrl,
          {
            grant_type: 'client_credentials',
            client_id: client.clientId,
            client_secret: client.clientSecret,
          },
          { headers: { 'x-forwarded-for': '10.8.0.7' } },
        );
        expect(viaProxy.status).toBe(200);
        const outside = await tokenRequest(
          behindProxy.baseUrl,
          {
            grant_type: 'client_credentials',
            client_id: client.clientId,
            client_secret: client.clientSecret,
          },
          { headers: { 'x-forwarded-for': '192.0.2.1' } },
        );
        expect(outside.status).toBe(401);
      } finally {
        await behindProxy.portcullis.close();
      }
    });

    it('refuses a human sign-in from outside the login’s policy, with the same answer', async () => {
      const fence = await policy('nowhere', ['192.0.2.0/24']);
      const login = await createLogin('remote');
      const fenced = await call('PATCH', `/api/v1/logins/${login.id}`, operator, {
        networkPolicyId: fence,
      });
      expect(fenced.body.networkPolicyId).toBe(fence);
      const refused = await signIn(login.credentials);
      expect(refused).toMatchObject({ status: 401, body: { error: { code: 'invalid_credentials' } } });
      expect(await lastRefusal()).toEqual({ action: 'login.refused', reason: 'network_policy' });
    });

    it('names where a policy is attached: service accounts by name, logins by email', async () => {
      const client = await usableServiceAccount('attached');
      const login = await createLogin('attached-person');
      const office = await policy('office', ['198.51.100.0/24']);
      const unattached = await call('GET', `/api/v1/network-policies/${office}`, operator);
      expect(unattached.body.attachedTo).toEqual({ organization: false, logins: [], serviceAccounts: [] });
      await attach(client, office);
      await call('PATCH', `/api/v1/logins/${login.id}`, operator, { networkPolicyId: office });
      const sa = await call('GET', `/api/v1/service-accounts/${client.clientId}`, operator);
      const attached = await call('GET', `/api/v1/network-policies/${office}`, operator);
      expect(attached.body.attachedTo).toEqual({
        organization: false,
        logins: [{ id: login.id, email: login.credentials.email }],
        serviceAccounts: [{ id: client.clientId, name: sa.body.name }],
      });
    });

    it('refuses to delete an attached policy unless asked to cascade', async () => {
      const client = await usableServiceAccount('fenced');
      const vpn = await policy('vpn', ['10.8.0.0/16']);
      await attach(client, vpn);
      expect((await token(client)).status).toBe(401);
      const refused = await unchanged(() => call('DELETE', `/api/v1/network-policies/${vpn}`, operator));
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'network_policy_attached',
        details: { serviceAccounts: [client.clientId] },
      });
      expect((await call('DELETE', `/api/v1/network-policies/${vpn}?cascade=true`, operator)).status).toBe(
        204,
      );
      const sa = await call('GET', `/api/v1/service-accounts/${client.clientId}`, operator);
      expect(sa.body.networkPolicyId).toBeNull();
      expect((await token(client)).status).toBe(200);
    });
  });
});
