import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../server/test/support/engines.js';
import { eventually } from '../../server/test/support/eventually.js';
import type { ClientPair } from '../../server/test/support/http-client.js';
import type { TestServer } from '../../server/test/support/test-server.js';
import { isBearerError, type Verifier } from '../src/index.js';
import {
  Administrator,
  type Credential,
  capturingLogger,
  sqlite,
  startPortcullis,
  verifierFor,
} from './support/portcullis.js';

async function outcome(verifier: Verifier, token: string) {
  try {
    return { status: 200, subject: (await verifier.verify(token)).subject };
  } catch (error) {
    if (!isBearerError(error)) throw error;
    return { status: error.refusal.status, error: error.code };
  }
}

/**
 * Portcullis stopped and started again on the same address and database: the follower's staleness, its
 * failing closed (or open) past the bound, and its reconnection.
 */
describe('the revocation follower through a Portcullis outage', () => {
  let database: TestDatabase;
  let server: TestServer;
  let issuer: string;
  let admin: Administrator;
  let feedReader: ClientPair;
  let writer: Credential;
  const masterKey = randomBytes(32).toString('hex');
  const closedLog = capturingLogger();
  const openLog = capturingLogger();
  let failingClosed: Verifier;
  let failingOpen: Verifier;

  /** Same master key, port and issuer each time, so keys, secrets and tokens stay good across the restart. */
  const start = () =>
    startPortcullis(
      issuer
        ? {
            PORTCULLIS_MASTER_KEY: masterKey,
            PORTCULLIS_PORT: new URL(issuer).port,
            PORTCULLIS_ISSUER: issuer,
          }
        : { PORTCULLIS_MASTER_KEY: masterKey },
      database,
    );
  const feedOptions = (onStale: 'closed' | 'open') => ({
    clientId: feedReader.clientId,
    clientSecret: feedReader.clientSecret,
    maxStalenessSeconds: 2,
    onStale,
  });

  beforeAll(async () => {
    database = await sqlite.create();
    server = await start();
    issuer = server.baseUrl;
    admin = await Administrator.of(server);
    feedReader = await admin.resourceServer('outage-gateway');
    writer = await admin.credential('outage-writer', 'Admin');
    failingClosed = verifierFor(server, feedReader, {
      revocations: feedOptions('closed'),
      logger: closedLog,
    });
    failingOpen = verifierFor(server, feedReader, { revocations: feedOptions('open'), logger: openLog });
    expect(await failingClosed.ready()).toBe(true);
    expect(await failingOpen.ready()).toBe(true);
  });
  afterAll(async () => {
    await failingClosed?.close();
    await failingOpen?.close();
    // fetch's pool sometimes opens a connection it then does not use; Node's server counts one that never
    // sent a request as busy, and closing would wait for its idle timeout (a minute).
    server?.portcullis.app.server.closeAllConnections();
    await server?.close();
    await database?.drop();
  });

  it('keeps serving within the bound, fails closed (or open) past it, and catches up when Portcullis is back', async () => {
    const token = await admin.tokenOf(writer);
    expect(await outcome(failingClosed, token)).toEqual({ status: 200, subject: writer.clientId });
    expect(await outcome(failingOpen, token)).toEqual({ status: 200, subject: writer.clientId });

    await server.close();
    // Within the bound the verifier needs nothing from Portcullis.
    expect(await outcome(failingClosed, token)).toEqual({ status: 200, subject: writer.clientId });
    // An API started now has no keys and no revocations yet: it cannot tell, and says so.
    const lateStarter = verifierFor(server, feedReader, { revocations: feedOptions('closed') });
    const startedDown = outcome(lateStarter, token);
    await eventually(() => failingClosed.status().revocations?.stale, {
      what: 'the feed is stale',
      timeoutMs: 6_000,
    });

    expect(failingClosed.stalenessSeconds()).toBeGreaterThan(2);
    expect(failingClosed.status().revocations).toMatchObject({
      state: 'reconnecting',
      stale: true,
      acceptingTokens: false,
    });
    expect(await outcome(failingClosed, token)).toEqual({ status: 503, error: 'temporarily_unavailable' });
    const refused = await failingClosed.authorize(`Bearer ${token}`);
    expect(refused).toMatchObject({ ok: false, refusal: { status: 503, headers: { 'retry-after': '5' } } });
    expect(closedLog.lines.filter((l) => l.message.includes('fail closed'))).toHaveLength(1);

    await eventually(() => failingOpen.status().revocations?.stale, {
      what: 'the other is stale',
      timeoutMs: 2_000,
    });
    expect(await outcome(failingOpen, token)).toEqual({ status: 200, subject: writer.clientId });
    expect(openLog.lines.filter((l) => l.message.includes('fail open'))).toHaveLength(1);

    expect(await startedDown).toEqual({ status: 503, error: 'temporarily_unavailable' });

    server = await start();
    await eventually(async () => (await outcome(lateStarter, token)).status === 200, {
      what: 'the API started while Portcullis was down verifies once it is back',
      timeoutMs: 20_000,
    });
    await lateStarter.close();
    await eventually(() => failingClosed.status().revocations?.state === 'live', {
      what: 'the follower reconnects',
      timeoutMs: 20_000,
    });
    expect(failingClosed.stalenessSeconds()).toBe(0);
    expect(await outcome(failingClosed, token)).toEqual({ status: 200, subject: writer.clientId });
    await eventually(() => closedLog.lines.some((l) => l.message.includes('caught up again')), {
      what: 'the recovery is logged',
      timeoutMs: 2_000,
    });

    await admin.revoke(writer, token);
    await eventually(async () => (await outcome(failingClosed, token)).status === 401, {
      what: 'a revocation after the restart reaches the follower',
      timeoutMs: 2_000,
    });
  }, 60_000);
});
