import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { api } from '../support/http-client.js';
import { adminPassword, startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

const password = 'a long enough password';

describeOnEachEngine('one email, one login, on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  const unchanged = <T>(request: () => Promise<T>) => expectUnchanged(server.portcullis.database.db, request);
  const signIn = (email: string, secret = password) =>
    api(server.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: secret } });
  const createLogin = (email: string) =>
    api(server.baseUrl, 'POST', '/api/v1/logins', {
      token: admin,
      body: { email, name: 'Person', password },
    });

  beforeAll(async () => {
    // The bootstrap email goes through the same rule as every other.
    server = await startTestServer(engine, { PORTCULLIS_ADMIN_EMAIL: '  Ａdmin@ACME.Example ' });
    admin = (await signIn('admin@acme.example', adminPassword)).body.accessToken;
    expect((await createLogin('Member@ACME.example')).status).toBe(201);
  });
  afterAll(async () => server?.close());

  it('stores the bootstrap email and a new login email in normal form', async () => {
    const logins = await api(server.baseUrl, 'GET', '/api/v1/logins', { token: admin });
    expect(logins.body.items.map((l: { email: string }) => l.email).sort()).toEqual([
      'admin@acme.example',
      'member@acme.example',
    ]);
  });

  it.each([
    ['the same address', 'member@acme.example'],
    ['another case', 'MEMBER@acme.EXAMPLE'],
    ['fullwidth letters', 'ｍｅｍｂｅｒ@acme.example'],
    ['surrounding space', ' member@acme.example '],
  ])('refuses %s of an existing email as login_exists', async (_label, email) => {
    const response = await unchanged(() => createLogin(email));
    expect([response.status, response.body.error.code]).toEqual([409, 'login_exists']);
  });

  it.each([
    ['a Cyrillic е', 'mеmber@acme.example'],
    ['a Cyrillic а in the domain', 'member@аcme.example'],
    ['a Greek α', '\u03b1dmin@acme.example'],
  ])('refuses a look-alike with %s as login_confusable', async (_label, email) => {
    const response = await unchanged(() => createLogin(email));
    expect([response.status, response.body.error.code]).toEqual([409, 'login_confusable']);
  });

  it("refuses an organization whose first admin's email looks like an existing login's", async () => {
    const response = await unchanged(() =>
      api(server.baseUrl, 'POST', '/api/v1/organizations', {
        token: admin,
        body: { name: 'globex', admin: { email: 'Member@аcme.example', name: 'G', password } },
      }),
    );
    expect([response.status, response.body.error.code]).toEqual([409, 'login_confusable']);
  });

  it.each([
    ['another case', 'MEMBER@Acme.Example'],
    ['fullwidth letters', 'ｍｅｍｂｅｒ@acme.example'],
    ['surrounding space', '\tmember@acme.example '],
  ])('signs the person in by %s of their email', async (_label, email) => {
    expect((await signIn(email)).status).toBe(200);
  });

  it('never signs anyone in by a look-alike of their email', async () => {
    const response = await signIn('mеmber@acme.example');
    expect([response.status, response.body.error.code]).toEqual([401, 'invalid_credentials']);
  });
});
