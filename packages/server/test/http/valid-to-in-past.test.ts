import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, tokenRequest } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

/** Wall-clock `YYYY-MM-DDTHH:mm:ss` of an instant as UTC shows it. */
const utcWallClock = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 19);

/**
 * A valid-to must lie in the future, read in the time zone it is entered in, on every create and edit that
 * takes one (issue 14): to end a credential now, disable or delete it. The refusal has its own code and
 * changes nothing.
 */
describeOnEachEngine('a valid-to not in the future on $engine', (engine) => {
  let server: TestServer;
  let operator: string;
  let client: { id: string; secret: string };
  let credential: { id: string; clientId: string; clientSecret: string };

  const db = () => server.portcullis.database.db;
  const unchanged = <T>(request: () => Promise<T>) => expectUnchanged(db(), request);
  const call = (method: string, path: string, body?: unknown) =>
    api(server.baseUrl, method, path, { token: operator, ...(body === undefined ? {} : { body }) });
  const tokenStatus = async (clientId: string, clientSecret: string) =>
    (
      await tokenRequest(server.baseUrl, {
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      })
    ).status;

  /** Every request that takes a valid-to, given this one. */
  const takers: [string, (validTo: Record<string, string>) => ReturnType<typeof call>][] = [
    [
      'POST /service-accounts',
      (validTo) => call('POST', '/api/v1/service-accounts', { name: 'never-made', ...validTo }),
    ],
    [
      'PATCH /service-accounts/{id}',
      (validTo) => call('PATCH', `/api/v1/service-accounts/${client.id}`, validTo),
    ],
    [
      'POST /client-credentials',
      (validTo) =>
        call('POST', '/api/v1/client-credentials', { name: 'never-made', preset: 'read_only', ...validTo }),
    ],
    [
      'PATCH /client-credentials/{id}',
      (validTo) => call('PATCH', `/api/v1/client-credentials/${credential.id}`, validTo),
    ],
    ['POST /users/me/access-keys', (validTo) => call('POST', '/api/v1/users/me/access-keys', validTo)],
  ];

  beforeAll(async () => {
    server = await startTestServer(engine);
    operator = await adminToken(server.baseUrl);
    const sa = await call('POST', '/api/v1/service-accounts', { name: 'lasting' });
    const secret = await call('POST', `/api/v1/service-accounts/${sa.body.id}/secrets`);
    await call('POST', '/api/v1/users', { name: 'lasting_user', serviceAccountId: sa.body.id });
    client = { id: sa.body.id, secret: secret.body.clientSecret };
    credential = (await call('POST', '/api/v1/client-credentials', { name: 'mine', preset: 'read_only' }))
      .body;
  });
  afterAll(async () => server?.close());

  it.each(takers)(
    '%s refuses a valid-to in the past with valid_to_in_past, naming both instants, and changes nothing',
    async (_, send) => {
      const refused = await unchanged(() => send({ validTo: '2020-01-01T00:00', timezone: 'Europe/Berlin' }));
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: 'valid_to_in_past',
        details: { validTo: '2019-12-31T23:00:00.000Z', now: expect.any(String) },
      });
      expect(Date.parse(refused.body.error.details.now)).toBeGreaterThan(Date.now() - 60_000);
    },
  );

  it.each(takers)(
    '%s reads the valid-to in its time zone: a wall-clock time still ahead in UTC is past in Tokyo',
    async (_, send) => {
      const wallClock = utcWallClock(Date.now() + 30 * 60_000);
      const refused = await unchanged(() => send({ validTo: wallClock, timezone: 'Asia/Tokyo' }));
      expect(refused.body.error?.code).toBe('valid_to_in_past');
    },
  );

  it.each(takers)(
    '%s refuses a timezone sent without a valid-to, naming the field, and changes nothing',
    async (_, send) => {
      const refused = await unchanged(() => send({ timezone: 'Europe/Berlin' }));
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: 'validation_failed',
        details: [{ field: 'timezone' }],
      });
    },
  );

  it('accepts a wall-clock time already past in UTC that is still ahead in Los Angeles', async () => {
    const wallClock = utcWallClock(Date.now() - 30 * 60_000);
    const edited = await call('PATCH', `/api/v1/service-accounts/${client.id}`, {
      validTo: wallClock,
      timezone: 'America/Los_Angeles',
    });
    expect(edited.status).toBe(200);
    expect(Date.parse(edited.body.validTo)).toBeGreaterThan(Date.now());
    expect(edited.body.validToLocal).toBe(wallClock);
  });

  it('counts an instant just gone as past, and leaves the credential working', async () => {
    const justGone = new Date(Date.now() - 1_000).toISOString();
    const refused = await unchanged(() =>
      call('PATCH', `/api/v1/service-accounts/${client.id}`, { validTo: justGone }),
    );
    expect(refused.body.error.code).toBe('valid_to_in_past');
    expect(await tokenStatus(client.id, client.secret)).toBe(200);
    const ownRefused = await unchanged(() =>
      call('PATCH', `/api/v1/client-credentials/${credential.id}`, { validTo: justGone }),
    );
    expect(ownRefused.body.error.code).toBe('valid_to_in_past');
    expect(await tokenStatus(credential.clientId, credential.clientSecret)).toBe(200);
  });

  it('still lets an edit clear the valid-to', async () => {
    const set = await call('PATCH', `/api/v1/client-credentials/${credential.id}`, {
      validTo: '2999-01-01T00:00',
      timezone: 'Europe/Berlin',
    });
    expect(set.body).toMatchObject({ validTo: '2998-12-31T23:00:00.000Z', timezone: 'Europe/Berlin' });
    const cleared = await call('PATCH', `/api/v1/client-credentials/${credential.id}`, { validTo: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ validTo: null, timezone: null });
  });
});
