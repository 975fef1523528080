import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateKeys } from '../../server/src/runtime/signing/rotation-schedule.js';
import { eventually } from '../../server/test/support/eventually.js';
import type { ClientPair } from '../../server/test/support/http-client.js';
import type { TestServer } from '../../server/test/support/test-server.js';
import { isBearerError, type Verifier } from '../src/index.js';
import {
  Administrator,
  audience,
  type Credential,
  countingFetch,
  otherAudience,
  startPortcullis,
  verifierFor,
} from './support/portcullis.js';

interface Outcome {
  status: number;
  subject?: string;
  error?: string;
  description?: string;
}

/** What verifying `token` ends in: the principal's subject, or the refusal's status and error. */
async function outcome(verifier: Verifier, token: string): Promise<Outcome> {
  try {
    return { status: 200, subject: (await verifier.verify(token)).subject };
  } catch (error) {
    if (!isBearerError(error)) throw error;
    return { status: error.refusal.status, error: error.code, description: error.message };
  }
}

describe('the verifier against a real Portcullis', () => {
  let server: TestServer;
  let admin: Administrator;
  let feedReader: ClientPair;
  let writer: Credential;
  let verifier: Verifier;
  const requests = countingFetch();

  beforeAll(async () => {
    server = await startPortcullis();
    admin = await Administrator.of(server);
    feedReader = await admin.resourceServer('firetail-api');
    writer = await admin.credential('writer', 'Admin');
    verifier = verifierFor(server, feedReader, { fetch: requests.fetch });
    expect(await verifier.ready()).toBe(true);
  });
  afterAll(async () => {
    await verifier?.close();
    await server?.close();
  });

  it("verifies a Portcullis token: its subject, client, organization and the credential's permissions", async () => {
    const principal = await verifier.verify(await admin.tokenOf(writer));
    expect(principal).toMatchObject({ subject: writer.clientId, clientId: writer.clientId });
    expect(principal.scope.split(' ')).toEqual(expect.arrayContaining(['*:*', 'incidents:create']));
    expect(principal.organizationId).toMatch(/^org_/);
    expect(principal.can('incidents', 'create')).toBe(true);
    expect(verifier.status().revocations).toMatchObject({
      state: 'live',
      transport: 'event-stream',
      stale: false,
    });
    expect(verifier.stalenessSeconds()).toBe(0);
  });

  it('refuses a token Portcullis issued for another audience of the organization with 401 invalid_token', async () => {
    const token = await admin.tokenOf(writer, otherAudience);
    expect(await outcome(verifier, token)).toEqual({
      status: 401,
      error: 'invalid_token',
      description: 'The access token is not meant for this API (audience).',
    });
    const refused = await verifier.authorize(`Bearer ${token}`);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.refusal.headers['www-authenticate']).toBe(
        `Bearer realm="${audience}", error="invalid_token", error_description="The access token is not meant for this API (audience)."`,
      );
    }
  });

  it("refuses a person's session token, whose audience is Portcullis's own API", async () => {
    expect(await outcome(verifier, admin.token)).toMatchObject({ status: 401, error: 'invalid_token' });
  });

  it('refuses a token revoked at /oauth/revoke within two seconds, with no request to Portcullis per check', async () => {
    const token = await admin.tokenOf(writer);
    const before = requests.requests.length;
    for (let i = 0; i < 50; i++) expect(await outcome(verifier, token)).toHaveProperty('subject');
    expect(requests.requests.length).toBe(before);

    await admin.revoke(writer, token);
    const revokedAt = performance.now();
    await eventually(async () => (await outcome(verifier, token)).error === 'invalid_token', {
      what: 'the revoked token is refused',
      timeoutMs: 2_000,
    });
    expect(performance.now() - revokedAt).toBeLessThan(2_000);
    expect(await outcome(verifier, token)).toMatchObject({ description: 'The access token was revoked.' });
  });

  it('follows the feed by long-polls when told to, as fast', async () => {
    const polling = verifierFor(server, false, {
      revocations: {
        clientId: feedReader.clientId,
        clientSecret: feedReader.clientSecret,
        transport: 'long-poll',
      },
    });
    try {
      expect(await polling.ready()).toBe(true);
      const token = await admin.tokenOf(writer);
      expect(await outcome(polling, token)).toHaveProperty('subject');
      await admin.revoke(writer, token);
      await eventually(async () => (await outcome(polling, token)).error === 'invalid_token', {
        what: 'the long-polling follower refuses the revoked token',
        timeoutMs: 2_000,
      });
      expect(polling.status().revocations).toMatchObject({ state: 'live', transport: 'long-poll' });
      expect(polling.stalenessSeconds()).toBe(0);
    } finally {
      await polling.close();
    }
  });

  it("refuses a downgraded credential's existing tokens within two seconds, and accepts its fresh ones", async () => {
    const downgraded = await admin.credential('downgraded-writer', 'Admin');
    const token = await admin.tokenOf(downgraded);
    expect((await verifier.verify(token)).can('incidents', 'create')).toBe(true);

    await admin.downgrade(downgraded);
    await eventually(async () => (await outcome(verifier, token)).error === 'invalid_token', {
      what: 'the token issued before the downgrade is refused',
      timeoutMs: 2_000,
    });
    const fresh = await verifier.verify(await admin.tokenOf(downgraded));
    expect(fresh.can('incidents', 'create')).toBe(false);
  });

  it('picks a rotated signing key up through its unknown kid, fetching the JWKS no more often than the cooldown', async () => {
    const rotating = verifierFor(server, false, { fetch: requests.fetch, unknownKeyCooldownSeconds: 1 });
    try {
      expect(await rotating.ready()).toBe(true);
      const jwksFetches = () => requests.requests.filter((p) => p === '/.well-known/jwks.json').length;
      // Twice: the first promotes the next key, which the JWKS already published; the second makes a key
      // this verifier has never seen current.
      await rotateKeys(server.portcullis.ctx.keyRing);
      await rotateKeys(server.portcullis.ctx.keyRing);
      const token = await admin.tokenOf(writer);
      const kid = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid;
      expect(rotating.status().keys.keyIds).not.toContain(kid);

      await sleep(1_100);
      const fetchesBefore = jwksFetches();
      expect(await outcome(rotating, token)).toHaveProperty('subject', writer.clientId);
      expect(jwksFetches()).toBe(fetchesBefore + 1);

      const [, payload, signature] = token.split('.');
      const forgedHeader = Buffer.from(
        JSON.stringify({ alg: 'ES256', typ: 'at+jwt', kid: 'key_forged' }),
      ).toString('base64url');
      for (let i = 0; i < 5; i++) {
        expect(await outcome(rotating, `${forgedHeader}.${payload}.${signature}`)).toMatchObject({
          status: 401,
          description: 'The access token is signed by an unknown key.',
        });
      }
      expect(jwksFetches()).toBe(fetchesBefore + 1);
    } finally {
      await rotating.close();
    }
  });
});
