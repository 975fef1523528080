import { afterAll, beforeAll, expect, it } from 'vitest';
import { sessionStart } from '../../src/services/logins/sessions.js';
import { findLoginWithPasswordHash } from '../../src/store/repositories/logins.js';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api } from '../support/http-client.js';
import { startTwoNodes, type TestServer, type TwoNodes } from '../support/test-server.js';

/**
 * A person's sessions end when their password changes or is reset, when they are deactivated, and when
 * they sign out — at once on every node: two Portcullis servers share one database, and a session ended
 * through one is refused by the other on the very next request (no waiting, no retries).
 */
describeOnEachEngine('sessions end on every node on $engine', (engine) => {
  let nodes: TwoNodes;
  let nodeA: TestServer;
  let nodeB: TestServer;
  let admin: string;
  let people = 0;

  /** An organization admin (so a live session can read roles), with a password of its own. */
  async function person(): Promise<{ id: string; email: string; password: string }> {
    people += 1;
    const email = `person${people}@acme.example`;
    const password = `password of person ${people}`;
    const created = await api(nodeA.baseUrl, 'POST', '/api/v1/logins', {
      token: admin,
      body: { email, name: `Person ${people}`, password, isOrganizationAdmin: true },
    });
    expect(created.status).toBe(201);
    return { id: created.body.id, email, password };
  }

  async function signIn(node: TestServer, email: string, password: string): Promise<string> {
    const response = await api(node.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } });
    expect(response.status).toBe(200);
    return response.body.accessToken;
  }

  /** What a session gets on a node right now: 200 while it lives, 401 once it ended. */
  const status = async (node: TestServer, token: string) =>
    (await api(node.baseUrl, 'GET', '/api/v1/roles', { token })).status;

  beforeAll(async () => {
    nodes = await startTwoNodes(engine);
    ({ nodeA, nodeB } = nodes);
    admin = await adminToken(nodeA.baseUrl);
  });
  afterAll(async () => nodes?.close());

  it('a password change ends every earlier session on both nodes and answers with a fresh one that works at once', async () => {
    const p = await person();
    const first = await signIn(nodeA, p.email, p.password);
    const second = await signIn(nodeB, p.email, p.password);
    expect([await status(nodeB, first), await status(nodeA, second)]).toEqual([200, 200]);

    const changed = await api(nodeA.baseUrl, 'PUT', '/api/v1/auth/password', {
      token: first,
      body: { currentPassword: p.password, newPassword: 'a brand new password' },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('cache-control')).toBe('no-store');
    const fresh = changed.body.accessToken as string;
    expect(await status(nodeB, first)).toBe(401);
    expect(await status(nodeB, second)).toBe(401);
    expect(await status(nodeA, second)).toBe(401);
    expect(await status(nodeB, fresh)).toBe(200);
    expect(await status(nodeA, fresh)).toBe(200);

    // Signing in right after, in the change's own second, gives a session that lives.
    const again = await signIn(nodeB, p.email, 'a brand new password');
    expect(await status(nodeA, again)).toBe(200);
    const old = await api(nodeB.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: p.email, password: p.password },
    });
    expect(old.status).toBe(401);
  });

  it("an admin's password reset ends the person's sessions on every node", async () => {
    const p = await person();
    const session = await signIn(nodeA, p.email, p.password);
    expect(await status(nodeA, session)).toBe(200);
    const reset = await api(nodeB.baseUrl, 'PUT', `/api/v1/logins/${p.id}/password`, {
      token: admin,
      body: { password: 'set by the admin 1' },
    });
    expect(reset.status).toBe(204);
    expect(await status(nodeA, session)).toBe(401);
    expect(await status(nodeB, session)).toBe(401);
    const renewed = await signIn(nodeA, p.email, 'set by the admin 1');
    expect(await status(nodeB, renewed)).toBe(200);
  });

  it('a deactivation ends sessions for good: they stay refused once the login is active again', async () => {
    const p = await person();
    const session = await signIn(nodeA, p.email, p.password);
    const patch = (active: boolean) =>
      api(nodeB.baseUrl, 'PATCH', `/api/v1/logins/${p.id}`, { token: admin, body: { active } });
    expect((await patch(false)).status).toBe(200);
    expect(await status(nodeA, session)).toBe(401);
    expect((await patch(true)).status).toBe(200);
    expect(await status(nodeA, session)).toBe(401);
    expect(await status(nodeB, session)).toBe(401);
    expect(await status(nodeA, await signIn(nodeA, p.email, p.password))).toBe(200);
  });

  it('logout ends the session it is called with, on every node, and no other', async () => {
    const p = await person();
    const ending = await signIn(nodeA, p.email, p.password);
    const staying = await signIn(nodeA, p.email, p.password);
    const out = await api(nodeA.baseUrl, 'POST', '/api/v1/auth/logout', { token: ending });
    expect(out.status).toBe(204);
    expect(await status(nodeB, ending)).toBe(401);
    expect(await status(nodeA, ending)).toBe(401);
    expect(await status(nodeB, staying)).toBe(200);
    // An ended session cannot sign out again.
    expect((await api(nodeB.baseUrl, 'POST', '/api/v1/auth/logout', { token: ending })).status).toBe(401);
  });

  it("logout with allSessions ends every one of the person's sessions, and a sign-in right after lives", async () => {
    const p = await person();
    const sessions = [await signIn(nodeA, p.email, p.password), await signIn(nodeB, p.email, p.password)];
    const other = await person();
    const bystander = await signIn(nodeA, other.email, other.password);
    const out = await api(nodeB.baseUrl, 'POST', '/api/v1/auth/logout', {
      token: sessions[0],
      body: { allSessions: true },
    });
    expect(out.status).toBe(204);
    for (const session of sessions) {
      expect(await status(nodeA, session)).toBe(401);
      expect(await status(nodeB, session)).toBe(401);
    }
    expect(await status(nodeB, bystander)).toBe(200);
    const next = await signIn(nodeA, p.email, p.password);
    expect(await status(nodeB, next)).toBe(200);
  });

  it('begins no session on a password that changed while it was being checked', async () => {
    const p = await person();
    const { ctx } = nodeB.portcullis;
    const before = (await findLoginWithPasswordHash(ctx.db, p.id))!.passwordHash;
    expect(await sessionStart(ctx, p.id, before)).toBeTypeOf('number');
    const reset = await api(nodeA.baseUrl, 'PUT', `/api/v1/logins/${p.id}/password`, {
      token: admin,
      body: { password: 'changed meanwhile 1' },
    });
    expect(reset.status).toBe(204);
    expect(await sessionStart(ctx, p.id, before)).toBeUndefined();
  });

  it('audits every ending, and never a token', async () => {
    const p = await person();
    const session = await signIn(nodeA, p.email, p.password);
    const call = (node: TestServer, method: string, path: string, token: string, body?: unknown) =>
      api(node.baseUrl, method, path, { token, ...(body === undefined ? {} : { body }) });
    const changed = await call(nodeA, 'PUT', '/api/v1/auth/password', session, {
      currentPassword: p.password,
      newPassword: 'changed for the audit',
    });
    expect(changed.status).toBe(200);
    const reset = await call(nodeB, 'PUT', `/api/v1/logins/${p.id}/password`, admin, {
      password: 'reset for the audit',
    });
    expect(reset.status).toBe(204);
    const one = await signIn(nodeA, p.email, 'reset for the audit');
    expect((await call(nodeA, 'POST', '/api/v1/auth/logout', one)).status).toBe(204);
    const every = await signIn(nodeB, p.email, 'reset for the audit');
    expect((await call(nodeB, 'POST', '/api/v1/auth/logout', every, { allSessions: true })).status).toBe(204);
    expect((await call(nodeA, 'PATCH', `/api/v1/logins/${p.id}`, admin, { active: false })).status).toBe(200);

    const db = nodeA.portcullis.database.db;
    const rows = await db.selectFrom('audit_events').selectAll().execute();
    const endings = rows.filter((r) => r.target_id === p.id);
    const actions = endings.map((r) => r.action);
    for (const action of [
      'login.password_changed',
      'login.password_reset',
      'login.deactivated',
      'login.logged_out',
    ])
      expect(actions).toContain(action);
    const loggedOut = endings.filter((r) => r.action === 'login.logged_out');
    expect(loggedOut.map((r) => JSON.parse(String(r.details)).allSessions).sort()).toEqual([false, true]);
    expect(JSON.stringify(rows)).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  });
});
