import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalScope } from '../support/canonical-scope.js';
import { describeOnEachEngine } from '../support/engines.js';
import { eventually } from '../support/eventually.js';
import { adminToken, api, type JsonResponse, tokenRequest } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

type Client = { clientId: string; clientSecret: string };
type App = Client & { userId: string };
type FeedEvent = {
  id: string;
  kind: 'token' | 'subject';
  jti?: string;
  subject?: string;
  notBefore?: number;
  reason: string;
  effect: 'void' | 'recheck';
  createdAt: string;
};

/**
 * RFC 7662 `active`/`scope` reflect live state, and every loss of rights reaches the revocation feed as a
 * per-subject event that a resource server verifying offline can act on (docs/revocation.md).
 */
describeOnEachEngine('live state in introspection and the revocation feed on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let resourceServer: Client;
  let readOnlyRoleId: string;

  const basic = (c: Client) => `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`;
  const introspect = async (token: string): Promise<JsonResponse> => {
    const response = await fetch(`${server.baseUrl}/oauth/introspect`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(resourceServer),
      },
      body: new URLSearchParams({ token }).toString(),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  const tokenOf = async (c: Client, extra: Record<string, string> = {}) => {
    const answer = await tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: c.clientId,
      client_secret: c.clientSecret,
      ...extra,
    });
    expect(answer.status).toBe(200);
    return answer.body.access_token as string;
  };
  const feed = async (after?: string | null, wait = 0, signal?: AbortSignal) => {
    const response = await fetch(
      `${server.baseUrl}/oauth/revocations?wait=${wait}${after ? `&after=${after}` : ''}`,
      { headers: { authorization: basic(resourceServer) }, ...(signal ? { signal } : {}) },
    );
    expect(response.status).toBe(200);
    return (await response.json()) as { events: FeedEvent[]; cursor: string | null };
  };
  /** The feed's cursor as of now: everything written so far lies at or before it. */
  const cursorNow = async () => {
    let cursor: string | null = null;
    for (;;) {
      const page = await feed(cursor);
      if (page.events.length === 0) return cursor;
      cursor = page.cursor;
    }
  };
  const eventsOf = async (subject: string, after: string | null) =>
    (await feed(after)).events.filter((e) => e.subject === subject);
  /** Runs `change` and returns the Unix-second window it happened in. */
  const timed = async (change: () => Promise<unknown>) => {
    const from = Math.floor(Date.now() / 1000);
    await change();
    return { from, to: Math.floor(Date.now() / 1000) };
  };
  const expectOneSubjectEvent = (
    events: FeedEvent[],
    expected: { subject: string; reason: string; effect: 'void' | 'recheck' },
    window: { from: number; to: number },
  ) => {
    expect(events).toEqual([
      {
        id: expect.any(String),
        kind: 'subject',
        subject: expected.subject,
        notBefore: expect.any(Number),
        reason: expected.reason,
        effect: expected.effect,
        createdAt: expect.any(String),
      },
    ]);
    const { notBefore } = events[0]!;
    expect(Number.isInteger(notBefore)).toBe(true);
    // The first whole second after the change: tokens from the change's own second are earlier.
    expect(notBefore).toBeGreaterThanOrEqual(window.from + 1);
    expect(notBefore).toBeLessThanOrEqual(window.to + 1);
  };

  /** A service account with a secret and a user in the default account holding `roleIds`. */
  const newApp = async (name: string, roleIds: string[] = [readOnlyRoleId]): Promise<App> => {
    const sa = await api(server.baseUrl, 'POST', '/api/v1/service-accounts', {
      token: admin,
      body: { name },
    });
    expect(sa.status).toBe(201);
    const secret = await api(server.baseUrl, 'POST', `/api/v1/service-accounts/${sa.body.id}/secrets`, {
      token: admin,
    });
    const user = await api(server.baseUrl, 'POST', '/api/v1/users', {
      token: admin,
      body: { name: `${name}_user`, serviceAccountId: sa.body.id, roleIds },
    });
    expect(user.status).toBe(201);
    return { clientId: sa.body.id, clientSecret: secret.body.clientSecret, userId: user.body.id };
  };
  const patchServiceAccount = (id: string, body: Record<string, unknown>) =>
    api(server.baseUrl, 'PATCH', `/api/v1/service-accounts/${id}`, { token: admin, body });
  const patchUser = (id: string, body: Record<string, unknown>) =>
    api(server.baseUrl, 'PATCH', `/api/v1/users/${id}`, { token: admin, body });
  const regenerateSecret = (id: string, body?: Record<string, unknown>) =>
    api(server.baseUrl, 'POST', `/api/v1/service-accounts/${id}/secrets`, {
      token: admin,
      ...(body ? { body } : {}),
    });

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
    const roles = (await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin })).body.items;
    readOnlyRoleId = roles.find((r: { name: string }) => r.name === 'Read only').id;
    const introspector = await api(server.baseUrl, 'POST', '/api/v1/roles', {
      token: admin,
      body: { name: 'resource-server', permissions: ['portcullis.introspection:run'] },
    });
    resourceServer = await newApp('api-gateway', [introspector.body.id]);
  });
  afterAll(async () => server?.close());

  describe('introspection', () => {
    it('says inactive once the service account is disabled, and active with live scope again once re-enabled', async () => {
      const app = await newApp('disabled-then-enabled');
      const token = await tokenOf(app);
      {
        const { body } = await introspect(token);
        expect(body.active).toBe(true);
        expect(canonicalScope(String(body.scope))).toBe('*:get *:list');
      }
      const cursor = await cursorNow();

      const window = await timed(async () =>
        expect((await patchServiceAccount(app.clientId, { enabled: false })).status).toBe(200),
      );
      expect((await introspect(token)).body).toEqual({ active: false });
      const events = await eventsOf(app.clientId, cursor);
      expectOneSubjectEvent(
        events,
        { subject: app.clientId, reason: 'service_account_restricted', effect: 'recheck' },
        window,
      );

      // `recheck` does not void: Portcullis's live check alone decided, so re-enabling revives the token.
      expect((await patchServiceAccount(app.clientId, { enabled: true })).status).toBe(200);
      const revived = (await introspect(token)).body;
      expect(canonicalScope(String(revived.scope))).toBe('*:get *:list');
      expect(revived).toMatchObject({
        active: true,
        sub: app.clientId,
        jti: decodeJwt(token).jti,
      });
      // Re-enabling is not a loss of rights: nothing more is written for it.
      expect(await eventsOf(app.clientId, cursor)).toEqual(events);
    });

    it('says inactive once the service account is unlinked from its user and deleted, with an event for each', async () => {
      const app = await newApp('unlinked-then-deleted');
      const token = await tokenOf(app);
      expect((await introspect(token)).body.active).toBe(true);
      const cursor = await cursorNow();

      // Firebolt: a service account still tied to a user cannot be dropped.
      const refused = await api(server.baseUrl, 'DELETE', `/api/v1/service-accounts/${app.clientId}`, {
        token: admin,
      });
      expect(refused).toMatchObject({ status: 409, body: { error: { code: 'service_account_linked' } } });
      expect((await introspect(token)).body.active).toBe(true);

      const unlinked = await timed(async () =>
        expect((await patchUser(app.userId, { serviceAccountId: null })).status).toBe(200),
      );
      expect((await introspect(token)).body).toEqual({ active: false });
      expectOneSubjectEvent(
        await eventsOf(app.clientId, cursor),
        { subject: app.clientId, reason: 'user_unlinked', effect: 'recheck' },
        unlinked,
      );

      const afterUnlink = await cursorNow();
      const deleted = await timed(async () =>
        expect(
          (
            await api(server.baseUrl, 'DELETE', `/api/v1/service-accounts/${app.clientId}`, {
              token: admin,
            })
          ).status,
        ).toBe(204),
      );
      expect((await introspect(token)).body).toEqual({ active: false });
      expectOneSubjectEvent(
        await eventsOf(app.clientId, afterUnlink),
        { subject: app.clientId, reason: 'service_account_deleted', effect: 'recheck' },
        deleted,
      );
    });

    it('says inactive once the linked user is deactivated, and active again once it is reactivated', async () => {
      const app = await newApp('user-deactivated');
      const token = await tokenOf(app);
      expect((await introspect(token)).body.active).toBe(true);
      const cursor = await cursorNow();

      const window = await timed(async () =>
        expect((await patchUser(app.userId, { active: false })).body).toMatchObject({ active: false }),
      );
      expect((await introspect(token)).body).toEqual({ active: false });
      // Nor does the deactivated user's service account get new tokens.
      const refused = await tokenRequest(server.baseUrl, {
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.clientSecret,
      });
      expect(refused).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      const events = await eventsOf(app.clientId, cursor);
      expectOneSubjectEvent(
        events,
        { subject: app.clientId, reason: 'user_deactivated', effect: 'recheck' },
        window,
      );

      expect((await patchUser(app.userId, { active: true })).body).toMatchObject({ active: true });
      {
        const { body } = await introspect(token);
        expect(body.active).toBe(true);
        expect(canonicalScope(String(body.scope))).toBe('*:get *:list');
      }
      expect(await eventsOf(app.clientId, cursor)).toEqual(events);
    });

    it('says inactive once the linked user is deleted', async () => {
      const app = await newApp('user-deleted');
      const token = await tokenOf(app);
      expect((await introspect(token)).body.active).toBe(true);
      const cursor = await cursorNow();

      const window = await timed(async () =>
        expect(
          (await api(server.baseUrl, 'DELETE', `/api/v1/users/${app.userId}`, { token: admin })).status,
        ).toBe(204),
      );
      expect((await introspect(token)).body).toEqual({ active: false });
      expectOneSubjectEvent(
        await eventsOf(app.clientId, cursor),
        { subject: app.clientId, reason: 'user_deleted', effect: 'recheck' },
        window,
      );
    });

    it("narrows scope live when the user's role is narrowed, and never widens it past the token's claim", async () => {
      const role = await api(server.baseUrl, 'POST', '/api/v1/roles', {
        token: admin,
        body: { name: 'narrowable', permissions: ['incidents:get', 'incidents:list'] },
      });
      expect(role.status).toBe(201);
      const app = await newApp('role-narrowed', [role.body.id]);
      const token = await tokenOf(app);
      expect((await introspect(token)).body).toMatchObject({
        active: true,
        scope: 'incidents:get incidents:list',
      });
      const cursor = await cursorNow();

      const window = await timed(async () =>
        expect(
          (
            await api(server.baseUrl, 'PATCH', `/api/v1/roles/${role.body.id}`, {
              token: admin,
              body: { permissions: ['incidents:get'] },
            })
          ).status,
        ).toBe(200),
      );
      expect((await introspect(token)).body).toMatchObject({ active: true, scope: 'incidents:get' });
      expectOneSubjectEvent(
        await eventsOf(app.clientId, cursor),
        { subject: app.clientId, reason: 'role_downgraded', effect: 'recheck' },
        window,
      );

      // Widening the role again is not reflected beyond what the token was issued with.
      await api(server.baseUrl, 'PATCH', `/api/v1/roles/${role.body.id}`, {
        token: admin,
        body: { permissions: ['incidents:get', 'incidents:list', 'findings:list'] },
      });
      expect((await introspect(token)).body).toMatchObject({
        active: true,
        scope: 'incidents:get incidents:list',
      });
    });

    it('keeps the token active and writes no event when a valid-to already past is refused', async () => {
      const app = await newApp('valid-to-past');
      const token = await tokenOf(app);
      const cursor = await cursorNow();

      const refused = await patchServiceAccount(app.clientId, {
        validTo: new Date(Date.now() - 60_000).toISOString(),
      });
      expect(refused).toMatchObject({ status: 400, body: { error: { code: 'valid_to_in_past' } } });
      expect((await introspect(token)).body.active).toBe(true);
      expect(await eventsOf(app.clientId, cursor)).toEqual([]);
    });

    it('says inactive as soon as the service account reaches a valid-to set after the token was issued', async () => {
      const app = await newApp('valid-to-reached');
      const token = await tokenOf(app);
      // Whole seconds (as the API keeps it), at least 5 s ahead: still active after the PATCH on a slow machine.
      const validTo = (Math.floor(Date.now() / 1000) + 6) * 1000;
      expect(
        (await patchServiceAccount(app.clientId, { validTo: new Date(validTo).toISOString() })).status,
      ).toBe(200);
      // The token was issued before the valid-to existed, so its own exp lies far beyond it.
      expect(decodeJwt(token).exp! * 1000).toBeGreaterThan(validTo + 60_000);
      expect((await introspect(token)).body.active).toBe(true);

      // Inactive from the valid-to on (not before it), long before the token's exp.
      await eventually(async () => (await introspect(token)).body.active === false, {
        what: 'introspection says inactive',
        timeoutMs: validTo + 5_000 - Date.now(),
      });
      expect(Date.now()).toBeGreaterThanOrEqual(validTo);
      expect((await introspect(token)).body).toEqual({ active: false });
    });
  });

  describe('revocation feed', () => {
    it('writes a secret_regenerated void event when a secret is regenerated without grace, none with grace', async () => {
      const app = await newApp('secret-regenerated');
      const cursor = await cursorNow();
      expect((await regenerateSecret(app.clientId, { gracePeriodSeconds: 600 })).status).toBe(201);
      expect(await eventsOf(app.clientId, cursor)).toEqual([]);

      const window = await timed(async () => expect((await regenerateSecret(app.clientId)).status).toBe(201));
      expectOneSubjectEvent(
        await eventsOf(app.clientId, cursor),
        { subject: app.clientId, reason: 'secret_regenerated', effect: 'void' },
        window,
      );
    });
    it('writes a service_account_restricted event for a valid-to that earlier tokens would outlive, none for a later one', async () => {
      const app = await newApp('valid-to-shortened');
      const cursor = await cursorNow();
      // Beyond the longest token lifetime: no token issued so far lives that long.
      const farAway = new Date(Date.now() + 2 * 86_400_000).toISOString();
      expect((await patchServiceAccount(app.clientId, { validTo: farAway })).status).toBe(200);
      expect(await eventsOf(app.clientId, cursor)).toEqual([]);

      const inAMinute = new Date(Date.now() + 60_000).toISOString();
      const window = await timed(async () =>
        expect((await patchServiceAccount(app.clientId, { validTo: inAMinute })).status).toBe(200),
      );
      const events = await eventsOf(app.clientId, cursor);
      expectOneSubjectEvent(
        events,
        { subject: app.clientId, reason: 'service_account_restricted', effect: 'recheck' },
        window,
      );
      // Moving it later again gives no token more than its exp already allows: nothing is written.
      expect((await patchServiceAccount(app.clientId, { validTo: farAway })).status).toBe(200);
      expect(await eventsOf(app.clientId, cursor)).toEqual(events);
    });
  });

  describe('a resource server following the feed, without introspecting', () => {
    /**
     * What a resource server in another process does: verify signatures against the JWKS, and keep
     * a long-poll outstanding on the feed, remembering revoked jtis and each subject's not-before.
     */
    class Follower {
      readonly revoked = new Set<string>();
      readonly notBefore = new Map<string, number>();
      private cursor: string | null = null;
      private readonly stopped = new AbortController();
      private loop: Promise<void> | undefined;
      private readonly jwks = createRemoteJWKSet(new URL(`${server.baseUrl}/.well-known/jwks.json`));

      constructor(private readonly audience: string) {}

      async start(): Promise<void> {
        this.cursor = await cursorNow();
        this.loop = this.follow();
      }

      private async follow(): Promise<void> {
        while (!this.stopped.signal.aborted) {
          let page: { events: FeedEvent[]; cursor: string | null };
          try {
            page = await feed(this.cursor, 5, this.stopped.signal);
          } catch (error) {
            if (this.stopped.signal.aborted) return;
            throw error;
          }
          for (const event of page.events) {
            if (event.kind === 'token') this.revoked.add(event.jti!);
            else {
              const previous = this.notBefore.get(event.subject!) ?? 0;
              this.notBefore.set(event.subject!, Math.max(previous, event.notBefore!));
            }
          }
          this.cursor = page.cursor;
        }
      }

      /** Signature, issuer, audience, type and exp, then the feed's state: nothing else. */
      async accepts(token: string): Promise<boolean> {
        const { payload } = await jwtVerify(token, this.jwks, {
          issuer: server.baseUrl,
          audience: this.audience,
          typ: 'at+jwt',
        });
        if (typeof payload.jti === 'string' && this.revoked.has(payload.jti)) return false;
        const notBefore = this.notBefore.get(payload.sub!);
        return notBefore === undefined || payload.iat! >= notBefore;
      }

      async stop(): Promise<void> {
        this.stopped.abort();
        await this.loop;
      }
    }

    const audience = 'https://api.firebolt.io';
    let follower: Follower;
    beforeAll(async () => {
      follower = new Follower(audience);
      await follower.start();
    });
    afterAll(async () => follower?.stop());

    it('stops accepting a token within seconds of its service account being disabled', async () => {
      const app = await newApp('followed-disabled');
      const bystander = await newApp('followed-bystander');
      const token = await tokenOf(app, { audience });
      const other = await tokenOf(bystander, { audience });
      expect(await follower.accepts(token)).toBe(true);

      expect((await patchServiceAccount(app.clientId, { enabled: false })).status).toBe(200);
      await eventually(async () => !(await follower.accepts(token)), {
        what: 'the follower rejects the token',
        timeoutMs: 5_000,
      });
      expect(follower.notBefore.get(app.clientId)).toBeGreaterThan(decodeJwt(token).iat!);
      // Still a well-signed, unexpired token: the feed alone made the difference, for this subject only.
      await expect(
        jwtVerify(token, createRemoteJWKSet(new URL(`${server.baseUrl}/.well-known/jwks.json`)), {
          issuer: server.baseUrl,
          audience,
        }),
      ).resolves.toBeDefined();
      expect(await follower.accepts(other)).toBe(true);
    });

    it('stops accepting a token within seconds of its secret being regenerated without grace, and accepts a fresh one', async () => {
      const app = await newApp('followed-rotated');
      const token = await tokenOf(app, { audience });
      expect(await follower.accepts(token)).toBe(true);

      const rotated = await regenerateSecret(app.clientId);
      expect(rotated.status).toBe(201);
      await eventually(async () => !(await follower.accepts(token)), {
        what: 'the follower rejects the token',
        timeoutMs: 5_000,
      });
      expect(follower.notBefore.get(app.clientId)).toBeGreaterThan(decodeJwt(token).iat!);

      const fresh = await tokenOf(
        { clientId: app.clientId, clientSecret: rotated.body.clientSecret },
        { audience },
      );
      expect(await follower.accepts(fresh)).toBe(true);
    });

    it("stops accepting an earlier token as soon as its service account is given a nearer valid-to; a fresh token's exp is capped at it", async () => {
      const app = await newApp('followed-valid-to');
      const token = await tokenOf(app, { audience });
      expect(await follower.accepts(token)).toBe(true);

      // Whole seconds, at least 11 s ahead: rejecting (within 5 s) and the fresh token both come before it.
      const validTo = (Math.floor(Date.now() / 1000) + 12) * 1000;
      expect(
        (await patchServiceAccount(app.clientId, { validTo: new Date(validTo).toISOString() })).status,
      ).toBe(200);
      // exp alone does not stop it: it was issued before the valid-to existed.
      expect(decodeJwt(token).exp! * 1000).toBeGreaterThan(validTo + 60_000);
      // The feed's event does, at once: the follower need not wait for the valid-to.
      await eventually(async () => !(await follower.accepts(token)), {
        what: 'the follower rejects the token',
        timeoutMs: 5_000,
      });
      expect(Date.now()).toBeLessThan(validTo);

      // A token issued now is bounded by the valid-to itself.
      const fresh = await tokenOf(app, { audience });
      expect(decodeJwt(fresh).exp! * 1000).toBeLessThanOrEqual(validTo);
      expect(await follower.accepts(fresh)).toBe(true);
    });
  });
});
