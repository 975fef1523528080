import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

const dayMs = 86_400_000;

/** An instant `days` days from now, as an API caller sends a valid-to. */
const daysAhead = (days: number) => new Date(Date.now() + days * dayMs).toISOString();

let named = 0;
/** Each test makes an organization of its own, so setting its maximum touches no other test. */
const unique = (stem: string) => `${stem}-${++named}`;

/**
 * An organization may cap how long its members' personal credentials (client credentials, key pairs) last
 * (issue 15): with a cap, creating one needs a valid-to within it, and an edit may not clear the valid-to or
 * move it beyond. Service accounts are not bound, and lowering the cap shortens nothing that exists.
 */
describeOnEachEngine('a maximum credential lifetime on $engine', (engine) => {
  let server: TestServer;
  let operator: string;

  const db = () => server.portcullis.database.db;
  const unchanged = <T>(request: () => Promise<T>) => expectUnchanged(db(), request);
  const call = (method: string, path: string, token: string, body?: unknown) =>
    api(server.baseUrl, method, path, { token, ...(body === undefined ? {} : { body }) });

  /** A new organization with programmatic access on, and its first admin (who has a user) signed in. */
  const openOrganization = async () => {
    const name = unique('lifetime');
    const credentials = { email: `admin@${name}.example`, password: `${name} admin password` };
    const created = await call('POST', '/api/v1/organizations', operator, {
      name,
      programmaticAccessAvailable: true,
      admin: { name: `${name} admin`, ...credentials },
    });
    const signedIn = await api(server.baseUrl, 'POST', '/api/v1/auth/login', { body: credentials });
    const admin = signedIn.body.accessToken as string;
    await call('PATCH', '/api/v1/organization', admin, { programmaticAccessEnabled: true });
    return { id: created.body.id as string, admin };
  };
  /** An open organization whose maximum is `days`. */
  const cappedOrganization = async (days: number) => {
    const organization = await openOrganization();
    const set = await call('PATCH', '/api/v1/organization', organization.admin, {
      maxCredentialLifetimeDays: days,
    });
    expect(set.status).toBe(200);
    return organization;
  };
  const createClientCredential = (token: string, fields: Record<string, unknown> = {}) =>
    call('POST', '/api/v1/client-credentials', token, {
      name: unique('report'),
      preset: 'read_only',
      ...fields,
    });
  const createKeyPair = (token: string, fields: Record<string, unknown> = {}) =>
    call('POST', '/api/v1/users/me/access-keys', token, fields);

  /** The refusal names the maximum and the latest valid-to allowed, as of the request. */
  const expectRefusal = (
    response: Awaited<ReturnType<typeof call>>,
    code: string,
    maximumDays: number,
    sentAt: number,
  ) => {
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code, details: { maximumDays, latest: expect.any(String) } });
    const latest = Date.parse(response.body.error.details.latest);
    expect(latest).toBeGreaterThanOrEqual(sentAt + maximumDays * dayMs);
    expect(latest).toBeLessThanOrEqual(Date.now() + maximumDays * dayMs);
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    operator = await adminToken(server.baseUrl);
  });
  afterAll(async () => server?.close());

  it('lets an organization admin set the maximum, shows it in the organization, and clears it with null', async () => {
    const { id, admin } = await openOrganization();
    expect((await call('GET', '/api/v1/organization', admin)).body.maxCredentialLifetimeDays).toBeNull();

    const set = await call('PATCH', '/api/v1/organization', admin, { maxCredentialLifetimeDays: 30 });
    expect(set.status).toBe(200);
    expect(set.body.maxCredentialLifetimeDays).toBe(30);
    expect((await call('GET', '/api/v1/organization', admin)).body.maxCredentialLifetimeDays).toBe(30);
    const listed = await call('GET', '/api/v1/organizations?limit=500', operator);
    const seen = listed.body.items.find((o: { id: string }) => o.id === id);
    expect(seen.maxCredentialLifetimeDays).toBe(30);

    const cleared = await call('PATCH', '/api/v1/organization', admin, { maxCredentialLifetimeDays: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.maxCredentialLifetimeDays).toBeNull();
    expect((await call('GET', '/api/v1/organization', admin)).body.maxCredentialLifetimeDays).toBeNull();
  });

  it.each([0, 3651, -1, 1.5, '30'])(
    'refuses a maximum of %j with validation_failed naming the field, and changes nothing',
    async (days) => {
      const { admin } = await cappedOrganization(30);
      const refused = await unchanged(() =>
        call('PATCH', '/api/v1/organization', admin, { maxCredentialLifetimeDays: days }),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('validation_failed');
      expect(
        refused.body.error.details.some((d: { field: string }) =>
          d.field.startsWith('body.maxCredentialLifetimeDays'),
        ),
      ).toBe(true);
    },
  );

  it('accepts the bounds, one day and 3650 days', async () => {
    const { admin } = await openOrganization();
    for (const days of [1, 3650]) {
      const set = await call('PATCH', '/api/v1/organization', admin, { maxCredentialLifetimeDays: days });
      expect(set.body.maxCredentialLifetimeDays).toBe(days);
    }
  });

  it('lets only those who may change the organization set the maximum', async () => {
    const { admin } = await openOrganization();
    const name = unique('member');
    const credentials = { email: `${name}@members.example`, password: `${name} password` };
    const login = await call('POST', '/api/v1/logins', admin, { name, ...credentials });
    await call('POST', '/api/v1/users', admin, { name, loginId: login.body.id });
    const member = (await api(server.baseUrl, 'POST', '/api/v1/auth/login', { body: credentials })).body
      .accessToken as string;
    const refused = await unchanged(() =>
      call('PATCH', '/api/v1/organization', member, { maxCredentialLifetimeDays: 30 }),
    );
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'permission_denied' } } });
  });

  it('records setting and clearing the maximum as organization.updated audit events', async () => {
    const { id, admin } = await openOrganization();
    await call('PATCH', '/api/v1/organization', admin, { maxCredentialLifetimeDays: 90 });
    await call('PATCH', '/api/v1/organization', admin, { maxCredentialLifetimeDays: null });
    const events = await call('GET', `/api/v1/audit-events?action=organization.updated&target=${id}`, admin);
    expect(events.status).toBe(200);
    const changes = events.body.items.map(
      (e: { details: { changes: Record<string, unknown> } }) => e.details.changes,
    );
    // Newest first.
    expect(changes.slice(0, 2)).toEqual([
      { maxCredentialLifetimeDays: null },
      { maxCredentialLifetimeDays: 90 },
    ]);
    expect(events.body.items[0]).toMatchObject({ result: 'success', target: { type: 'organization', id } });
  });

  it('with a 30-day maximum, refuses a client credential without a valid-to with valid_to_required, creating nothing', async () => {
    const { admin } = await cappedOrganization(30);
    const sentAt = Date.now();
    const refused = await unchanged(() => createClientCredential(admin));
    expectRefusal(refused, 'valid_to_required', 30, sentAt);
    expect((await call('GET', '/api/v1/client-credentials', admin)).body.items).toEqual([]);
  });

  it('with a 30-day maximum, refuses a client credential 31 days ahead with valid_to_beyond_maximum, creating nothing', async () => {
    const { admin } = await cappedOrganization(30);
    const sentAt = Date.now();
    const refused = await unchanged(() => createClientCredential(admin, { validTo: daysAhead(31) }));
    expectRefusal(refused, 'valid_to_beyond_maximum', 30, sentAt);
    expect((await call('GET', '/api/v1/client-credentials', admin)).body.items).toEqual([]);
  });

  it('reads a wall-clock valid-to in its time zone before comparing it with the maximum', async () => {
    const { admin } = await cappedOrganization(30);
    // 30 days ahead less 30 minutes as UTC reads it: within the maximum in UTC, an hour or more beyond it
    // in Los Angeles, which is behind UTC.
    const wallClock = new Date(Date.now() + 30 * dayMs - 30 * 60_000).toISOString().slice(0, 19);
    const refused = await unchanged(() =>
      createClientCredential(admin, { validTo: wallClock, timezone: 'America/Los_Angeles' }),
    );
    expect(refused.body.error?.code).toBe('valid_to_beyond_maximum');
    const accepted = await createClientCredential(admin, { validTo: wallClock, timezone: 'UTC' });
    expect(accepted.status).toBe(201);
  });

  it('with a 30-day maximum, refuses a key pair 31 days ahead or without a valid-to, creating nothing', async () => {
    const { admin } = await cappedOrganization(30);
    const sentAt = Date.now();
    const beyond = await unchanged(() => createKeyPair(admin, { validTo: daysAhead(31) }));
    expectRefusal(beyond, 'valid_to_beyond_maximum', 30, sentAt);
    const without = await unchanged(() => createKeyPair(admin));
    expectRefusal(without, 'valid_to_required', 30, sentAt);
    expect((await call('GET', '/api/v1/users/me/access-keys', admin)).body.items).toEqual([]);
  });

  it('with a 30-day maximum, accepts a client credential and a key pair 29 days ahead', async () => {
    const { admin } = await cappedOrganization(30);
    const validTo = daysAhead(29);
    const credential = await createClientCredential(admin, { validTo });
    expect(credential.status).toBe(201);
    expect(credential.body.validTo).toBe(validTo);
    const keyPair = await createKeyPair(admin, { validTo });
    expect(keyPair.status).toBe(201);
    expect(keyPair.body.validTo).toBe(validTo);
  });

  it('accepts the latest valid-to a refusal names', async () => {
    const { admin } = await cappedOrganization(7);
    const refused = await createClientCredential(admin);
    const accepted = await createClientCredential(admin, { validTo: refused.body.error.details.latest });
    expect(accepted.status).toBe(201);
    expect(accepted.body.validTo).toBe(refused.body.error.details.latest);
  });

  it("allows a client's clock a few minutes ahead of the server's, and no more", async () => {
    const { admin } = await cappedOrganization(7);
    const latest = Date.parse((await createClientCredential(admin)).body.error.details.latest);
    const ahead = await createClientCredential(admin, { validTo: new Date(latest + 60_000).toISOString() });
    expect(ahead.status).toBe(201);
    const beyond = await unchanged(() =>
      createClientCredential(admin, { validTo: new Date(latest + 10 * 60_000).toISOString() }),
    );
    expect(beyond.body.error.code).toBe('valid_to_beyond_maximum');
  });

  it('refuses an edit that clears the valid-to or moves it beyond the maximum, changing nothing', async () => {
    const { admin } = await cappedOrganization(30);
    const credential = await createClientCredential(admin, { validTo: daysAhead(10) });
    const path = `/api/v1/client-credentials/${credential.body.id}`;
    const sentAt = Date.now();

    const cleared = await unchanged(() => call('PATCH', path, admin, { validTo: null }));
    expectRefusal(cleared, 'valid_to_required', 30, sentAt);
    const beyond = await unchanged(() => call('PATCH', path, admin, { validTo: daysAhead(31) }));
    expectRefusal(beyond, 'valid_to_beyond_maximum', 30, sentAt);
    const withOther = await unchanged(() =>
      call('PATCH', path, admin, { description: 'kept?', validTo: daysAhead(45) }),
    );
    expect(withOther.body.error.code).toBe('valid_to_beyond_maximum');

    const moved = await call('PATCH', path, admin, { validTo: daysAhead(20) });
    expect(moved.status).toBe(200);
    expect((await call('GET', path, admin)).body.validTo).toBe(moved.body.validTo);
  });

  it('leaves credentials made before a maximum as they are, and lets edits that keep their valid-to through', async () => {
    const { admin } = await openOrganization();
    const lasting = await createClientCredential(admin);
    const far = await createClientCredential(admin, { validTo: daysAhead(300) });
    await call('PATCH', '/api/v1/organization', admin, { maxCredentialLifetimeDays: 30 });

    for (const credential of [lasting, far]) {
      const path = `/api/v1/client-credentials/${credential.body.id}`;
      const renamed = await call('PATCH', path, admin, { description: 'still mine' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ description: 'still mine', validTo: credential.body.validTo });
    }
    expect(
      (await call('GET', `/api/v1/client-credentials/${lasting.body.id}`, admin)).body.validTo,
    ).toBeNull();
  });

  it('does not bind organization service accounts: one without a valid-to is created and edited', async () => {
    const { admin } = await cappedOrganization(30);
    const created = await call('POST', '/api/v1/service-accounts', admin, { name: unique('etl') });
    expect(created.status).toBe(201);
    expect(created.body.validTo).toBeNull();
    const far = await call('PATCH', `/api/v1/service-accounts/${created.body.id}`, admin, {
      validTo: daysAhead(400),
    });
    expect(far.status).toBe(200);
    const cleared = await call('PATCH', `/api/v1/service-accounts/${created.body.id}`, admin, {
      validTo: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.validTo).toBeNull();
  });

  it('binds nothing once the maximum is cleared', async () => {
    const { admin } = await cappedOrganization(30);
    await call('PATCH', '/api/v1/organization', admin, { maxCredentialLifetimeDays: null });
    expect((await createClientCredential(admin)).status).toBe(201);
    expect((await createKeyPair(admin, { validTo: daysAhead(400) })).status).toBe(201);
  });
});
