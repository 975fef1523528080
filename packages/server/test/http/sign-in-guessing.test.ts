import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemCaller } from '../../src/services/context.js';
import { createLogin } from '../../src/services/logins/create-login.js';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api } from '../support/http-client.js';
import { postFrom } from '../support/post-from.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

const password = 'a person password 1';

/**
 * Guessing a person's password, at sign-in and at a password change: the lockout holds against bursts and
 * against guesses that cannot win, and a refusal says nothing about whether the email has a login.
 */
describeOnEachEngine('guessing passwords on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let organizationId: string;
  let people = 0;

  const signIn = (email: string, pass: string, from = '127.0.0.1') =>
    postFrom(from, `${server.baseUrl}/api/v1/auth/login`, JSON.stringify({ email, password: pass }), 'json');

  async function person(): Promise<{ id: string; email: string }> {
    const email = `guessed${people++}@acme.example`;
    const login = await createLogin(server.portcullis.ctx, systemCaller(), {
      organizationId,
      email,
      name: 'Guessed',
      password,
    });
    await api(server.baseUrl, 'POST', '/api/v1/users', {
      token: admin,
      body: { name: `guessed${people}`, loginId: login.id },
    });
    return { id: login.id, email };
  }

  beforeAll(async () => {
    server = await startTestServer(engine, {
      PORTCULLIS_LOCKOUT_LOGIN_FAILURES: '3',
      PORTCULLIS_LOCKOUT_SECONDS: '300',
    });
    admin = await adminToken(server.baseUrl);
    organizationId = (
      await server.portcullis.database.db
        .selectFrom('organizations')
        .select('id')
        .where('name', '=', 'acme')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => server?.close());

  it('answers every refused sign-in no sooner than the refusal floor, whether the email has a login or not', async () => {
    const known = await person();
    for (const email of [known.email, `nobody${people++}@acme.example`]) {
      const started = performance.now();
      const refused = await signIn(email, 'not the password');
      expect(refused.status).toBe(401);
      expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    }
  });

  it("locks guesses from outside a login's network like guesses at an unknown email, and leaves the person their own network", async () => {
    const fenced = await person();
    const policy = await api(server.baseUrl, 'POST', '/api/v1/network-policies', {
      token: admin,
      body: { name: `home${people++}`, allowed: ['127.0.0.1/32'] },
    });
    await api(server.baseUrl, 'PATCH', `/api/v1/logins/${fenced.id}`, {
      token: admin,
      body: { networkPolicyId: policy.body.id },
    });
    const unknown = `nobody${people++}@acme.example`;
    for (const email of [fenced.email, unknown]) {
      for (let i = 0; i < 3; i++) expect((await signIn(email, 'wrong guess', '127.0.0.2')).status).toBe(401);
      const locked = await signIn(email, 'wrong guess', '127.0.0.2');
      expect(locked.status, email).toBe(429);
    }
    // Nothing was counted against the login itself: from its own network, the person signs in.
    expect((await signIn(fenced.email, password)).status).toBe(200);
    const lockouts = await api(server.baseUrl, 'GET', '/api/v1/lockouts', { token: admin });
    expect(lockouts.body.items.map((l: { subjectId: string }) => l.subjectId)).not.toContain(fenced.id);
  });

  it('counts a wrong current password at a password change towards the lock, then refuses the right one', async () => {
    const guessed = await person();
    const session = (await signIn(guessed.email, password)).body.accessToken;
    const change = (currentPassword: string) =>
      api(server.baseUrl, 'PUT', '/api/v1/auth/password', {
        token: session,
        body: { currentPassword, newPassword: 'a brand new password 2' },
      });
    for (let i = 0; i < 3; i++) expect((await change('not my password')).status).toBe(401);
    const locked = await expectUnchanged(server.portcullis.database.db, () => change(password));
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('too_many_attempts');
    expect((await signIn(guessed.email, password)).status).toBe(429);
  });

  it('refuses a sign-in whose login was locked while the sign-in was being checked', async () => {
    const target = await person();
    const session = (await signIn(target.email, password)).body.accessToken;
    // Ending every session writes a not-before for this second, so the next sign-in waits for the
    // following second before it signs: the lock is set in that window, as a burst of wrong guesses would.
    while (Date.now() % 1000 > 300) await new Promise((resolve) => setTimeout(resolve, 20));
    await api(server.baseUrl, 'POST', '/api/v1/auth/logout', {
      token: session,
      body: { allSessions: true },
    });
    const pending = signIn(target.email, password);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await server.portcullis.database.db
      .insertInto('lockouts')
      .values({
        subject_id: target.id,
        kind: 'login',
        organization_id: organizationId,
        failures: 3,
        last_failure_at: Date.now(),
        last_client_ip: '127.0.0.9',
        locked_until: Date.now() + 300_000,
      })
      .execute();
    const answer = await pending;
    expect(answer.status).toBe(429);
    expect(answer.body.error.code).toBe('too_many_attempts');
  });

  it("refuses resetting one's own password through the administrators' route", async () => {
    const adminLogin = await server.portcullis.database.db
      .selectFrom('logins')
      .select('id')
      .where('email', '=', 'admin@acme.example')
      .executeTakeFirstOrThrow();
    const reset = await expectUnchanged(server.portcullis.database.db, () =>
      api(server.baseUrl, 'PUT', `/api/v1/logins/${adminLogin.id}/password`, {
        token: admin,
        body: { password: 'taken over password 3' },
      }),
    );
    expect(reset).toMatchObject({ status: 403, body: { error: { code: 'permission_denied' } } });
  });
});
