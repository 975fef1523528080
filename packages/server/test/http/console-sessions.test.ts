import { PermissionSet } from '@portcullis/core/permissions';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signSession } from '../../src/services/logins/sessions.js';
import { describeOnEachEngine, type TestDatabase } from '../support/engines.js';
import {
  adminToken,
  api,
  clientCredentialsToken,
  createUsableServiceAccount,
  type JsonResponse,
} from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

const masterKey = '7c'.repeat(32);
const cookieName = 'portcullis_session';

interface Person {
  id: string;
  email: string;
  password: string;
}

const credentials = (who: Person) => ({ email: who.email, password: who.password });

// biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field.
type Answer = JsonResponse<any>;

interface ConsoleSignIn {
  response: Answer;
  /** The raw Set-Cookie lines of the answer. */
  setCookies: string[];
  /** The session cookie's value, when one was set. */
  session: string | undefined;
  csrfToken: string | undefined;
}

/** The session cookie a Set-Cookie line sets, or undefined when it sets another. */
function sessionCookieIn(line: string): { value: string; attributes: string[] } | undefined {
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
  const eq = pair.indexOf('=');
  if (pair.slice(0, eq) !== cookieName) return undefined;
  return { value: pair.slice(eq + 1), attributes };
}

/**
 * The web console's sessions (decisions/0021-console-sessions.md): a sign-in sets an HttpOnly cookie and
 * answers no token, a change made with the cookie needs its session's CSRF token, and scripts' Bearer
 * tokens go on as before. Two nodes share the database; the second trusts 127.0.0.1 as a proxy and counts
 * only three sign-ins a minute per email.
 */
describeOnEachEngine('console sessions on $engine', (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let proxied: TestServer;
  let admin: string;
  let readOnlyRoleId: string;
  let people = 0;
  const unchanged = <T>(request: () => Promise<T>) => expectUnchanged(server.portcullis.database.db, request);

  /** A new login with a user in the default account holding `roleIds`, or an organization admin. */
  async function person(options: { admin?: boolean; roleIds?: string[] } = {}): Promise<Person> {
    people += 1;
    const email = `console${people}@acme.example`;
    const password = `console password ${people}`;
    const created = await api(server.baseUrl, 'POST', '/api/v1/logins', {
      token: admin,
      body: {
        email,
        name: `Console ${people}`,
        password,
        isOrganizationAdmin: options.admin ?? false,
        user: { name: `console_${people}`, roleIds: options.roleIds ?? [] },
      },
    });
    expect(created.status).toBe(201);
    return { id: created.body.id, email, password };
  }

  async function signIn(
    node: TestServer,
    who: { email: string; password: string },
    headers: Record<string, string> = {},
  ): Promise<ConsoleSignIn> {
    const response = await api(node.baseUrl, 'POST', '/api/v1/auth/session', {
      body: { email: who.email, password: who.password },
      headers,
    });
    const setCookies = response.headers.getSetCookie();
    const session = setCookies.map(sessionCookieIn).find(Boolean)?.value;
    return { response, setCookies, session, csrfToken: response.body?.csrfToken };
  }

  async function signedIn(who: Person): Promise<{ session: string; csrfToken: string }> {
    const { response, session, csrfToken } = await signIn(server, who);
    expect(response.status).toBe(200);
    expect(session).toBeTruthy();
    expect(csrfToken).toBeTruthy();
    return { session: session!, csrfToken: csrfToken! };
  }

  /** A request as the console's browser sends it: the cookie, and the CSRF token when given. */
  const withCookie = (
    node: TestServer,
    method: string,
    path: string,
    session: string,
    options: { csrfToken?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    api(node.baseUrl, method, path, {
      headers: {
        cookie: `${cookieName}=${session}`,
        ...(options.csrfToken === undefined ? {} : { 'x-csrf-token': options.csrfToken }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: options.body }),
    });

  let roles = 0;
  const newRole = () => {
    roles += 1;
    return { name: `console_role_${roles}`, permissions: ['incidents:get'] };
  };

  /** The Set-Cookie line that clears the session cookie, if the answer has one. */
  const clearing = (response: Answer) =>
    response.headers
      .getSetCookie()
      .map(sessionCookieIn)
      .find((cookie) => cookie?.value === '' && cookie.attributes.includes('Max-Age=0'));

  beforeAll(async () => {
    database = await engine.create();
    server = await startTestServer(
      engine,
      { PORTCULLIS_MASTER_KEY: masterKey, PORTCULLIS_LOG_LEVEL: 'trace' },
      database,
    );
    proxied = await startTestServer(
      engine,
      {
        PORTCULLIS_MASTER_KEY: masterKey,
        PORTCULLIS_ISSUER: server.baseUrl,
        PORTCULLIS_TRUSTED_PROXIES: '127.0.0.1',
        PORTCULLIS_LOGIN_RATE_LIMIT_PER_LOGIN: '3',
      },
      database,
    );
    admin = await adminToken(server.baseUrl);
    const listed = await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin });
    readOnlyRoleId = listed.body.items.find((r: { name: string }) => r.name === 'Read only').id;
  });
  afterAll(async () => {
    await proxied?.close();
    await server?.close();
    await database?.drop();
  });

  it('sets the session cookie HttpOnly, SameSite=Strict, Path=/ for as long as the session lives, without Secure over plain HTTP', async () => {
    const who = await person();
    const before = Math.floor(Date.now() / 1000);
    const { response, setCookies } = await signIn(server, who);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(setCookies).toHaveLength(1);
    const cookie = sessionCookieIn(setCookies[0]!)!;
    expect(cookie.value).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(cookie.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect(cookie.attributes.map((a) => a.toLowerCase())).not.toContain('secure');
    const maxAge = Number(cookie.attributes.find((a) => a.startsWith('Max-Age='))!.slice('Max-Age='.length));
    const secondsLeft = response.body.expiresAt - before;
    expect(maxAge).toBeGreaterThan(secondsLeft - 5);
    expect(maxAge).toBeLessThanOrEqual(secondsLeft);
  });

  it('marks the cookie Secure when a trusted proxy says the request came over HTTPS, and not when an untrusted client says so', async () => {
    const who = await person();
    const https = { 'x-forwarded-proto': 'https' };
    const behindProxy = await signIn(proxied, who, https);
    expect(behindProxy.response.status).toBe(200);
    expect(sessionCookieIn(behindProxy.setCookies[0]!)!.attributes).toContain('Secure');
    const plainBehindProxy = await signIn(proxied, who);
    expect(sessionCookieIn(plainBehindProxy.setCookies[0]!)!.attributes).not.toContain('Secure');
    const untrusted = await signIn(server, who, https);
    expect(untrusted.response.status).toBe(200);
    expect(sessionCookieIn(untrusted.setCookies[0]!)!.attributes).not.toContain('Secure');
  });

  it("scopes the cookie to an issuer's path and marks it Secure whenever the issuer is HTTPS", async () => {
    const tenant = await startTestServer(
      engine,
      { PORTCULLIS_MASTER_KEY: masterKey, PORTCULLIS_ISSUER: 'https://portcullis.example/tenant-a' },
      database,
    );
    try {
      const who = await person();
      const signedInThere = await signIn(tenant, who);
      expect(signedInThere.response.status).toBe(200);
      const cookie = sessionCookieIn(signedInThere.setCookies[0]!)!;
      expect(cookie.attributes).toEqual(expect.arrayContaining(['Path=/tenant-a', 'Secure']));
      expect(cookie.attributes).not.toContain('Path=/');
    } finally {
      await tenant.close();
    }
  });

  it('answers the person and a CSRF token, and never the session token', async () => {
    const who = await person({ roleIds: [readOnlyRoleId] });
    const { response, session, csrfToken } = await signIn(server, who);
    expect(Object.keys(response.body).sort()).toEqual(
      ['csrfToken', 'expiresAt', 'login', 'organization', 'permissions', 'user'].sort(),
    );
    expect(response.body.login).toEqual({
      id: who.id,
      email: who.email,
      name: expect.any(String),
      isOrganizationAdmin: false,
      isPlatformOperator: false,
    });
    expect(response.body.organization).toMatchObject({ name: 'acme', programmaticAccessEnabled: true });
    expect(csrfToken).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(JSON.stringify(response.body)).not.toContain(session!);
    for (const part of session!.split('.')) expect(JSON.stringify(response.body)).not.toContain(part);
  });

  it('refuses a wrong password with 401 invalid_credentials and sets no cookie', async () => {
    const who = await person();
    const refused = await unchanged(() => signIn(server, { ...who, password: 'not the password' }));
    expect(refused.response.status).toBe(401);
    expect(refused.response.body.error.code).toBe('invalid_credentials');
    expect(refused.setCookies).toEqual([]);
  });

  it('refuses a sign-in a cross-site form could send (form-encoded, text/plain) with 415, setting no cookie', async () => {
    const who = await person();
    const forms = [
      ['application/x-www-form-urlencoded', new URLSearchParams(credentials(who)).toString()],
      ['text/plain', JSON.stringify(credentials(who))],
      [
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="email"\r\n\r\n${who.email}\r\n--x--\r\n`,
      ],
    ] as const;
    for (const [contentType, body] of forms) {
      const response = await unchanged(() =>
        fetch(`${server.baseUrl}/api/v1/auth/session`, {
          method: 'POST',
          headers: { 'content-type': contentType },
          body,
        }),
      );
      expect(response.status, contentType).toBe(415);
      expect(response.headers.getSetCookie(), contentType).toEqual([]);
    }
  });

  it('counts console sign-ins against the same per-email limit as /auth/login', async () => {
    const who = await person();
    expect(
      (await api(proxied.baseUrl, 'POST', '/api/v1/auth/login', { body: credentials(who) })).status,
    ).toBe(200);
    expect((await signIn(proxied, who)).response.status).toBe(200);
    expect(
      (await api(proxied.baseUrl, 'POST', '/api/v1/auth/login', { body: credentials(who) })).status,
    ).toBe(200);
    const limited = await signIn(proxied, who);
    expect(limited.response.status).toBe(429);
    expect(limited.response.body.error.code).toBe('too_many_requests');
    expect(limited.setCookies).toEqual([]);
  });

  it('audits a console sign-in and a refused one as /auth/login does, with the session id and never the token', async () => {
    const who = await person();
    const { session } = await signedIn(who);
    await signIn(server, { ...who, password: 'wrong again' });
    const events = await server.portcullis.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('target_id', '=', who.id)
      .where('action', 'in', ['login.authenticated', 'login.refused'])
      .orderBy('occurred_at')
      .execute();
    expect(events.map((e) => [e.action, e.reason])).toEqual([
      ['login.authenticated', null],
      ['login.refused', 'wrong_password'],
    ]);
    const jti = JSON.parse(Buffer.from(session.split('.')[1]!, 'base64url').toString()).jti;
    expect(JSON.parse(events[0]!.details!)).toEqual({ jti });
    expect(JSON.stringify(events)).not.toContain(session);
  });

  it('answers GET /auth/session to the cookie with who the person is and a fresh CSRF token each time', async () => {
    const who = await person({ roleIds: [readOnlyRoleId] });
    const { session, csrfToken } = await signedIn(who);
    const first = await withCookie(server, 'GET', '/api/v1/auth/session', session);
    const second = await withCookie(server, 'GET', '/api/v1/auth/session', session);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.body.login.email).toBe(who.email);
    expect(new Set([csrfToken, first.body.csrfToken, second.body.csrfToken]).size).toBe(3);
    expect(JSON.stringify(first.body)).not.toContain(session);
    // The GET itself needs no CSRF token; each token it answers lets a change through.
    for (const token of [first.body.csrfToken, second.body.csrfToken]) {
      const me = await withCookie(server, 'PUT', '/api/v1/auth/password', session, {
        csrfToken: token,
        body: { currentPassword: 'a wrong current password', newPassword: 'another new password 1' },
      });
      expect(me.status, 'past the CSRF check, the wrong current password answers').toBe(401);
      expect(me.body.error.code).toBe('invalid_credentials');
    }
  });

  it('answers the cells a member with the Read only role holds, and every cell to an organization admin', async () => {
    const { catalog } = server.portcullis.ctx;
    const member = await person({ roleIds: [readOnlyRoleId] });
    const memberSession = (await signedIn(member)).session;
    const memberView = await withCookie(server, 'GET', '/api/v1/auth/session', memberSession);
    expect(memberView.body.permissions).toEqual(PermissionSet.parse(catalog, '*:get *:list').cells());
    expect(memberView.body.permissions).not.toContain('portcullis.roles:create');
    expect(memberView.body.user).toEqual({
      id: expect.stringMatching(/^user_/),
      accountId: expect.any(String),
      name: `console_${people}`,
      roleIds: [readOnlyRoleId],
    });

    const orgAdmin = await person({ admin: true });
    const adminSession = (await signedIn(orgAdmin)).session;
    const adminView = await withCookie(server, 'GET', '/api/v1/auth/session', adminSession);
    expect(adminView.body.permissions).toEqual(PermissionSet.full(catalog).cells());
    expect(adminView.body.login.isOrganizationAdmin).toBe(true);

    // Read again on every call: a role taken away shows at once.
    await api(server.baseUrl, 'DELETE', `/api/v1/users/${memberView.body.user.id}/roles/${readOnlyRoleId}`, {
      token: admin,
    });
    const after = await withCookie(server, 'GET', '/api/v1/auth/session', memberSession);
    expect(after.body.permissions).toEqual([]);
    expect(after.body.user.roleIds).toEqual([]);
  });

  it('answers GET /auth/session to a Bearer session without a CSRF token, and refuses a service account with 403', async () => {
    const bearer = await api(server.baseUrl, 'GET', '/api/v1/auth/session', { token: admin });
    expect(bearer.status).toBe(200);
    expect(bearer.body.login.isOrganizationAdmin).toBe(true);
    expect(bearer.body).not.toHaveProperty('csrfToken');

    const client = await createUsableServiceAccount(server.baseUrl, admin, 'console_sa');
    const saToken = await clientCredentialsToken(server.baseUrl, client);
    const refused = await api(server.baseUrl, 'GET', '/api/v1/auth/session', { token: saToken });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('permission_denied');
  });

  it("refuses a change made with the cookie and no, another session's or a garbled CSRF token with 403 csrf_token_invalid, changing nothing", async () => {
    const who = await person({ admin: true });
    const mine = await signedIn(who);
    const myOtherSession = await signedIn(who);
    const someoneElses = await signedIn(await person({ admin: true }));
    const [nonce, mac] = mine.csrfToken.split('.') as [string, string];
    const flipped = `${nonce}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    const wrongTokens: (string | undefined)[] = [
      undefined,
      '',
      myOtherSession.csrfToken,
      someoneElses.csrfToken,
      flipped,
      mac,
      `${mine.csrfToken}x`,
      mine.csrfToken.repeat(3),
      mine.session,
    ];
    for (const csrfToken of wrongTokens) {
      const response = await unchanged(() =>
        withCookie(server, 'POST', '/api/v1/roles', mine.session, {
          body: newRole(),
          ...(csrfToken === undefined ? {} : { csrfToken }),
        }),
      );
      expect(response.status, String(csrfToken)).toBe(403);
      expect(response.body.error.code).toBe('csrf_token_invalid');
      expect(response.headers.getSetCookie(), 'the session is not ended').toEqual([]);
    }
    for (const [method, path] of [
      ['PATCH', `/api/v1/logins/${who.id}`],
      ['DELETE', `/api/v1/logins/${who.id}`],
      ['PUT', '/api/v1/auth/password'],
    ] as const) {
      const response = await unchanged(() =>
        withCookie(server, method, path, mine.session, {
          csrfToken: someoneElses.csrfToken,
          body: method === 'PATCH' ? { active: false } : undefined,
        }),
      );
      expect(response.status, method).toBe(403);
      expect(response.body.error.code).toBe('csrf_token_invalid');
    }
    const refusedSignOut = await withCookie(server, 'DELETE', '/api/v1/auth/session', mine.session);
    expect(refusedSignOut.status).toBe(403);
    expect(refusedSignOut.body.error.code).toBe('csrf_token_invalid');
    expect((await withCookie(server, 'GET', '/api/v1/auth/session', mine.session)).status).toBe(200);
  });

  it("accepts a change made with the cookie and its session's CSRF token", async () => {
    const who = await person({ admin: true });
    const { session, csrfToken } = await signedIn(who);
    const role = newRole();
    const created = await withCookie(server, 'POST', '/api/v1/roles', session, { csrfToken, body: role });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe(role.name);
  });

  it('lets Bearer tokens change things without a CSRF token, and lets an Authorization header win over the cookie', async () => {
    const who = await person({ admin: true });
    const login = await api(server.baseUrl, 'POST', '/api/v1/auth/login', { body: credentials(who) });
    const bearer = login.body.accessToken as string;
    const created = await api(server.baseUrl, 'POST', '/api/v1/roles', { token: bearer, body: newRole() });
    expect(created.status).toBe(201);

    const { session } = await signedIn(who);
    const both = await withCookie(server, 'POST', '/api/v1/roles', session, {
      headers: { authorization: `Bearer ${bearer}` },
      body: newRole(),
    });
    expect(both.status, 'the header decides, so no CSRF token is asked for').toBe(201);
    const badHeader = await unchanged(() =>
      withCookie(server, 'GET', '/api/v1/roles', session, {
        headers: { authorization: 'Bearer not.a.token' },
      }),
    );
    expect(badHeader.status, 'a refused header is not made good by the cookie').toBe(401);
  });

  it('signs out: the session ends on every node, the cookie is cleared, and the same cookie sent again is 401', async () => {
    const who = await person();
    const { session, csrfToken } = await signedIn(who);
    const signedOut = await withCookie(server, 'DELETE', '/api/v1/auth/session', session, { csrfToken });
    expect(signedOut.status).toBe(204);
    expect(clearing(signedOut)?.attributes).toEqual(
      expect.arrayContaining(['Max-Age=0', 'Path=/', 'HttpOnly', 'SameSite=Strict']),
    );
    for (const node of [server, proxied]) {
      const replayed = await withCookie(node, 'GET', '/api/v1/auth/session', session);
      expect(replayed.status).toBe(401);
      expect(replayed.body.error.code).toBe('unauthenticated');
      expect(clearing(replayed), 'a refused cookie is cleared').toBeDefined();
    }
    const again = await withCookie(server, 'DELETE', '/api/v1/auth/session', session, { csrfToken });
    expect(again.status).toBe(401);
  });

  it('signs out a Bearer session too, as /auth/logout does', async () => {
    const who = await person();
    const token = (await api(server.baseUrl, 'POST', '/api/v1/auth/login', { body: credentials(who) })).body
      .accessToken;
    expect((await api(server.baseUrl, 'DELETE', '/api/v1/auth/session', { token })).status).toBe(204);
    expect((await api(server.baseUrl, 'GET', '/api/v1/auth/session', { token })).status).toBe(401);
  });

  it("answers an expired, revoked, malformed or non-person's cookie with 401 unauthenticated and clears it", async () => {
    const { ctx } = server.portcullis;
    const who = await person();
    const organization = await api(server.baseUrl, 'GET', '/api/v1/organization', { token: admin });
    const login = { id: who.id, organizationId: organization.body.id };
    const expired = (await signSession(ctx, login, Date.now() - 2 * ctx.tokenTtlSeconds * 1000)).session
      .accessToken;
    const revoked = (await signedIn(who)).session;
    const bearer = (await api(server.baseUrl, 'POST', '/api/v1/auth/login', { body: credentials(who) })).body
      .accessToken;
    // Signing out every session of the person (with a Bearer token) ends the cookie's too.
    await api(server.baseUrl, 'POST', '/api/v1/auth/logout', { token: bearer, body: { allSessions: true } });
    const client = await createUsableServiceAccount(server.baseUrl, admin, 'cookie_sa');
    const serviceAccountToken = await clientCredentialsToken(server.baseUrl, client);
    for (const [what, cookie] of [
      ['expired', expired],
      ['revoked', revoked],
      ['malformed', 'not-a-session'],
      ['a service account token', serviceAccountToken],
    ]) {
      const response = await withCookie(server, 'GET', '/api/v1/roles', cookie!);
      expect(response.status, what).toBe(401);
      expect(response.body.error.code, what).toBe('unauthenticated');
      expect(clearing(response), what).toBeDefined();
    }
  });

  it('keeps the session cookie and CSRF tokens out of every log line and audit event', async () => {
    const who = await person({ admin: true });
    const { session, csrfToken } = await signedIn(who);
    const fresh = (await withCookie(server, 'GET', '/api/v1/auth/session', session)).body.csrfToken;
    await withCookie(server, 'POST', '/api/v1/roles', session, { csrfToken, body: newRole() });
    await withCookie(server, 'POST', '/api/v1/roles', session, { csrfToken: 'wrong', body: newRole() });
    await withCookie(server, 'DELETE', '/api/v1/auth/session', session, { csrfToken: fresh });
    await withCookie(server, 'GET', '/api/v1/roles', session);
    expect(server.logs.length).toBeGreaterThan(10);
    const log = server.logs.join('');
    const audit = JSON.stringify(
      await server.portcullis.database.db.selectFrom('audit_events').selectAll().execute(),
    );
    for (const secret of [session, ...session.split('.').slice(1), csrfToken, fresh]) {
      expect(log).not.toContain(secret);
      expect(audit).not.toContain(secret);
    }
  });
});
