import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../server/test/support/http-client.js';
import { flushBackgroundWrites, type TestServer } from '../../server/test/support/test-server.js';
import { CachedToken } from '../src/cached-token.js';
import { createTokenClient, isTokenRequestError, type TokenClient } from '../src/index.js';
import { clientCredentialsExchange } from '../src/token-exchange.js';
import {
  Administrator,
  audience,
  type Credential,
  countingFetch,
  startPortcullis,
} from './support/portcullis.js';

/** The token client against a real Portcullis; token requests are counted in Portcullis's audit log. */
describe('the token client for scripts', () => {
  let server: TestServer;
  let admin: Administrator;
  let nextName = 0;

  beforeAll(async () => {
    server = await startPortcullis();
    admin = await Administrator.of(server);
  });
  afterAll(async () => server?.close());

  /** A fresh Admin credential per test, so each counts only its own tokens. */
  const credential = () => admin.credential(`script-${++nextName}`, 'Admin');

  async function auditCount(clientId: string, action: 'token.issued' | 'token.refused'): Promise<number> {
    await flushBackgroundWrites(server);
    const rows = await server.portcullis.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', action)
      .where('target_id', '=', clientId)
      .execute();
    return rows.length;
  }

  const clientOf = (c: Credential, extra: object = {}): TokenClient =>
    createTokenClient({
      issuer: server.baseUrl,
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      ...extra,
    });

  it('keeps its token: three calls, one token request', async () => {
    const c = await credential();
    const tokens = clientOf(c);
    const first = await tokens.token();
    expect(await tokens.token()).toBe(first);
    expect(await tokens.token()).toBe(first);
    expect(await auditCount(c.clientId, 'token.issued')).toBe(1);
  });

  it('sends one token request however many callers wait: 50 at once, one request', async () => {
    const c = await credential();
    const tokens = clientOf(c);
    const got = await Promise.all(Array.from({ length: 50 }, () => tokens.token()));
    expect(new Set(got).size).toBe(1);
    expect(await auditCount(c.clientId, 'token.issued')).toBe(1);
  });

  it('rejects every waiter of a refused request, once, and asks again on the next call', async () => {
    const c = await credential();
    const tokens = clientOf(c);
    const disable = (enabled: boolean) =>
      api(server.baseUrl, 'PATCH', `/api/v1/service-accounts/${c.clientId}`, {
        token: admin.token,
        body: { enabled },
      });
    expect((await disable(false)).status).toBe(200);
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => tokens.token()));
    expect(outcomes.every((o) => o.status === 'rejected' && isTokenRequestError(o.reason))).toBe(true);
    const error = (outcomes[0] as PromiseRejectedResult).reason;
    expect(error).toMatchObject({ status: 401, error: 'invalid_client' });
    expect(error.message).toContain(c.clientId);
    expect(await auditCount(c.clientId, 'token.refused')).toBe(1);

    expect((await disable(true)).status).toBe(200);
    expect(await tokens.token()).toMatch(/^ey/);
    expect(await auditCount(c.clientId, 'token.issued')).toBe(1);
  });

  it('replaces its token before it expires, by the skew given', async () => {
    const c = await credential();
    let now = Date.now();
    // The client's own machinery with this test's clock; the exchanges are real.
    const cached = new CachedToken(
      clientCredentialsExchange({
        tokenEndpoint: async () => `${server.baseUrl}/oauth/token`,
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        fetch,
      }),
      120_000,
      () => now,
    );
    const started = now;
    const first = await cached.get();
    now = started + 3_479_000; // 3600 s tokens, replaced 120 s early: still kept 1 s before that.
    expect(await cached.get()).toBe(first);
    now = started + 3_480_000;
    const second = await cached.get();
    expect(second).not.toBe(first);
    expect(await auditCount(c.clientId, 'token.issued')).toBe(2);
  });

  it('refuses a skew that is not a finite number of seconds from 0 to 3600', () => {
    for (const refreshSkewSeconds of [Number.POSITIVE_INFINITY, Number.NaN, -1, 3601]) {
      expect(() =>
        clientOf({ clientId: 'sa_x', clientSecret: 'pcs_x' } as Credential, { refreshSkewSeconds }),
      ).toThrow(/refreshSkewSeconds must be a finite number from 0 to 3600/);
    }
  });

  describe('fetch', () => {
    it('adds the bearer token, and after a 401 retries once with a fresh token', async () => {
      const c = await credential();
      const counted = countingFetch();
      const tokens = clientOf(c, { fetch: counted.fetch });
      const rolesUrl = `${server.baseUrl}/api/v1/roles`;
      expect((await tokens.fetch(rolesUrl)).status).toBe(200);

      await admin.revoke(c, await tokens.token());
      const retried = await tokens.fetch(new Request(rolesUrl, { headers: { accept: 'application/json' } }));
      expect(retried.status).toBe(200);
      expect(counted.requests).toEqual([
        '/oauth/token',
        '/api/v1/roles',
        '/api/v1/roles',
        '/oauth/token',
        '/api/v1/roles',
      ]);
      expect(await auditCount(c.clientId, 'token.issued')).toBe(2);
    });

    it('retries only once: a second 401 is the answer', async () => {
      const c = await credential();
      const counted = countingFetch();
      // Tokens for the platform's API: Portcullis's own API refuses every one of them with 401.
      const tokens = clientOf(c, { fetch: counted.fetch, audience });
      const response = await tokens.fetch(`${server.baseUrl}/api/v1/roles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'never', permissions: ['incidents:get'] }),
      });
      expect(response.status).toBe(401);
      expect(counted.requests).toEqual(['/oauth/token', '/api/v1/roles', '/oauth/token', '/api/v1/roles']);
    });

    it('does not retry a request whose body is a stream: its 401 is returned', async () => {
      const c = await credential();
      const counted = countingFetch();
      const tokens = clientOf(c, { fetch: counted.fetch, audience });
      const body = new Blob([JSON.stringify({ name: 'never', permissions: ['incidents:get'] })]).stream();
      const response = await tokens.fetch(`${server.baseUrl}/api/v1/roles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(401);
      expect(counted.requests).toEqual(['/oauth/token', '/api/v1/roles']);
    });
  });

  describe('/v2/login mode', () => {
    it('logs in with an access key pair, keeps the token, and calls the API with it', async () => {
      const pair = await api(server.baseUrl, 'POST', '/api/v1/users/me/access-keys', { token: admin.token });
      expect(pair.status).toBe(201);
      const { accessKey, secretKey } = pair.body;
      const counted = countingFetch();
      const tokens = createTokenClient({
        issuer: `${server.baseUrl}/`,
        accessKey,
        secretKey,
        fetch: counted.fetch,
      });
      const got = await Promise.all(Array.from({ length: 10 }, () => tokens.token()));
      expect(new Set(got).size).toBe(1);
      expect((await tokens.fetch(`${server.baseUrl}/api/v1/roles`)).status).toBe(200);
      expect(counted.requests).toEqual(['/v2/login', '/api/v1/roles']);
      expect(await auditCount(accessKey, 'token.issued')).toBe(1);
    });
  });

  describe('secrets', () => {
    it('never puts the secret in an error: a wrong one at /oauth/token, /v2/login, or an unreachable server', async () => {
      const c = await credential();
      const wrong = `${c.clientSecret.slice(0, -4)}AAAA`;
      const attempts = [
        createTokenClient({ issuer: server.baseUrl, clientId: c.clientId, clientSecret: wrong }),
        createTokenClient({ issuer: server.baseUrl, accessKey: c.clientId, secretKey: wrong }),
        createTokenClient({
          issuer: 'http://127.0.0.1:9',
          clientId: c.clientId,
          clientSecret: c.clientSecret,
        }),
      ];
      const errors = await Promise.all(attempts.map((tokens) => tokens.token().catch((e: unknown) => e)));
      expect(errors.map((e) => isTokenRequestError(e) && e.status)).toEqual([401, 401, undefined]);
      for (const error of errors as Error[]) {
        const shown = [error.message, error.stack, JSON.stringify(error), String(error.cause)].join('\n');
        expect(shown).toContain(c.clientId);
        expect(shown).not.toContain(wrong);
        expect(shown).not.toContain(c.clientSecret);
      }
    });

    it('refuses options mixing both kinds of credentials, or naming neither, without repeating a secret', () => {
      const refusal = (options: object) => {
        try {
          createTokenClient({ issuer: server.baseUrl, ...options } as never);
        } catch (error) {
          return String(error);
        }
        return 'made';
      };
      const refusals = [
        refusal({ clientId: 'sa_1', clientSecret: 'pcs_s3cret', secretKey: 'pcs_s3cret' }),
        refusal({}),
        refusal({ accessKey: 'sa_1', secretKey: 'pcs_s3cret', audience }),
        refusal({ clientId: 'sa_1', clientSecret: '' }),
      ];
      expect(refusals[0]).toMatch(/clientId and clientSecret, or accessKey and secretKey/);
      expect(refusals[1]).toMatch(/clientId and clientSecret, or accessKey and secretKey/);
      expect(refusals[2]).toMatch(/\/v2\/login takes only the key pair; audience cannot be used with it/);
      expect(refusals[3]).toMatch(/clientSecret must be a non-empty string/);
      for (const text of refusals) expect(text).not.toContain('s3cret');
    });
  });
});
