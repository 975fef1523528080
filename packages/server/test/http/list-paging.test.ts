import { newId } from '@portcullis/core/ids';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

interface Listed {
  id: string;
}

/**
 * Every list answers `{items, nextCursor}`, at most `limit` items (1–500, 100 unless asked), in creation
 * order, and a cursor that reaches every item exactly once.
 */
describeOnEachEngine('paged lists on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let serviceAccountId: string;

  const call = (method: string, path: string, body?: unknown) =>
    api(server.baseUrl, method, path, { token: admin, ...(body === undefined ? {} : { body }) });

  /** Follows nextCursor from the first page to the last, `limit` at a time. */
  async function everyPage(path: string, limit: number): Promise<{ pages: Listed[][]; last: unknown }> {
    const pages: Listed[][] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const response = await call(
        'GET',
        `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(limit);
      pages.push(response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor !== null);
    return { pages, last: cursor };
  }

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
    serviceAccountId = (await createUsableServiceAccount(server.baseUrl, admin, 'paged')).clientId;
    for (let i = 0; i < 5; i++) {
      await call('POST', '/api/v1/service-accounts', { name: `service_${i}` });
      await call('POST', '/api/v1/roles', { name: `role_${i}`, permissions: ['portcullis.users:list'] });
      await call('POST', '/api/v1/accounts', { name: `account_${i}` });
      await call('POST', '/api/v1/network-policies', { name: `policy_${i}`, allowed: [`10.0.${i}.0/24`] });
      await call('POST', '/api/v1/organizations', { name: `paged-${i}` });
      const login = await call('POST', '/api/v1/logins', {
        email: `person${i}@acme.example`,
        name: `Person ${i}`,
        password: 'a long enough password',
      });
      await call('POST', '/api/v1/users', { name: `person_${i}`, loginId: login.body.id });
      await call('POST', `/api/v1/service-accounts/${serviceAccountId}/secrets`, { gracePeriodSeconds: 600 });
    }
  });

  afterAll(async () => {
    await server.close();
  });

  const lists = [
    '/api/v1/users',
    '/api/v1/logins',
    '/api/v1/roles',
    '/api/v1/accounts',
    '/api/v1/network-policies',
    '/api/v1/organizations',
    () => `/api/v1/service-accounts/${serviceAccountId}/secrets`,
    '/api/v1/service-accounts',
    '/api/v1/audit-events',
  ];
  const named = lists.map((path) => [
    typeof path === 'string' ? path : '/api/v1/service-accounts/{id}/secrets',
    path,
  ]);
  const pathOf = (path: string | (() => string)) => (typeof path === 'string' ? path : path());

  it.each(named)(
    '%s: two at a time reaches every item once, in the order of one whole page',
    async (_name, path) => {
      const whole = await call('GET', `${pathOf(path)}?limit=500`);
      expect(whole.status).toBe(200);
      expect(whole.body.nextCursor).toBeNull();
      expect(whole.body.items.length).toBeGreaterThanOrEqual(5);
      const { pages } = await everyPage(pathOf(path), 2);
      expect(pages.slice(0, -1).every((page) => page.length === 2)).toBe(true);
      expect(pages.flat().map((item) => item.id)).toEqual(whole.body.items.map((item: Listed) => item.id));
    },
  );

  it.each(named.filter(([name]) => name !== '/api/v1/audit-events'))(
    '%s: lists in creation order',
    async (_name, path) => {
      const ids = (await call('GET', pathOf(path))).body.items.map((item: Listed) => item.id);
      expect(ids).toEqual([...ids].sort());
    },
  );

  it('keeps the built-in roles and the default account first', async () => {
    const roles = (await call('GET', '/api/v1/roles?limit=2')).body.items;
    expect(roles.map((role: { builtin: boolean }) => role.builtin)).toEqual([true, true]);
    const [first] = (await call('GET', '/api/v1/accounts?limit=1')).body.items;
    expect(first.isDefault).toBe(true);
  });

  it.each(named)(
    '%s: refuses limits outside 1–500 and malformed cursors with validation_failed, changing nothing',
    async (_name, path) => {
      const cursorOfAnotherKind = pathOf(path).endsWith('/users') ? newId('role') : newId('user');
      for (const query of [
        'limit=0',
        'limit=501',
        'limit=ten',
        'limit=1.5',
        `cursor=${cursorOfAnotherKind}`,
        'cursor=%00',
      ]) {
        const response = await expectUnchanged(server.portcullis.database.db, () =>
          call('GET', `${pathOf(path)}?${query}`),
        );
        expect(response.status, query).toBe(400);
        expect(response.body.error.code, query).toBe('validation_failed');
      }
    },
  );

  it('answers a hundred items unless asked for another number', async () => {
    for (let i = 0; i < 101; i++) await call('POST', '/api/v1/accounts', { name: `filler_${i}` });
    const page = await call('GET', '/api/v1/accounts');
    expect(page.body.items).toHaveLength(100);
    expect(page.body.nextCursor).toBe(page.body.items[99].id);
  });
});
