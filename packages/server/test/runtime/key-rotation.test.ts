import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rotateIfDue, rotateKeys } from '../../src/runtime/signing/rotation-schedule.js';
import { describeOnEachEngine, type TestDatabase } from '../support/engines.js';
import { eventually } from '../support/eventually.js';
import { adminToken, api } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const masterKey = '7e'.repeat(32);

describeOnEachEngine('signing-key rotation on $engine', (engine) => {
  let database: TestDatabase;
  let first: TestServer;
  let second: TestServer;
  const kids = async (server: TestServer) =>
    (await api(server.baseUrl, 'GET', '/.well-known/jwks.json')).body.keys
      .map((k: { kid: string }) => k.kid)
      .sort();
  const rows = async (node = first) =>
    node.portcullis.database.db
      .selectFrom('signing_keys')
      .select(['id', 'state'])
      .orderBy('created_at')
      .execute();
  /** Two nodes on one new database, as behind a load balancer. */
  const startNodes = async (on: TestDatabase) => {
    const a = await startTestServer(engine, { PORTCULLIS_MASTER_KEY: masterKey }, on);
    const b = await startTestServer(
      engine,
      { PORTCULLIS_MASTER_KEY: masterKey, PORTCULLIS_ISSUER: a.baseUrl },
      on,
    );
    return [a, b] as const;
  };

  // The tests below rotate these nodes' keys as they go; each reads the key states it starts from.
  beforeAll(async () => {
    database = await engine.create();
    [first, second] = await startNodes(database);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await database?.drop();
  });

  it('starts with one current and one next key, on both nodes', async () => {
    // A database of its own: the nodes above may have rotated already.
    const fresh = await engine.create();
    const [a, b] = await startNodes(fresh);
    try {
      expect((await rows(a)).map((r) => r.state).sort()).toEqual(['current', 'next']);
      expect(await kids(a)).toEqual(await kids(b));
      expect(a.portcullis.ctx.keyRing.currentKeyId).toBe(b.portcullis.ctx.keyRing.currentKeyId);
    } finally {
      await b.close();
      await a.close();
      await fresh.drop();
    }
  });

  it('rotates next → current → retired, and earlier tokens keep verifying', async () => {
    const before = await rows();
    const oldCurrent = before.find((r) => r.state === 'current')!.id;
    const oldNext = before.find((r) => r.state === 'next')!.id;
    const earlier = await adminToken(first.baseUrl);
    expect(decodeProtectedHeader(earlier).kid).toBe(oldCurrent);

    expect(await rotateKeys(first.portcullis.ctx.keyRing)).toBe(true);
    const after = await rows();
    expect(after.find((r) => r.id === oldCurrent)?.state).toBe('retired');
    expect(after.find((r) => r.id === oldNext)?.state).toBe('current');
    expect(after.filter((r) => r.state === 'next')).toHaveLength(1);

    const later = await adminToken(first.baseUrl);
    expect(decodeProtectedHeader(later).kid).toBe(oldNext);
    const jwks = createRemoteJWKSet(new URL(`${first.baseUrl}/.well-known/jwks.json`));
    for (const token of [earlier, later]) await jwtVerify(token, jwks, { issuer: first.baseUrl });
    expect((await api(first.baseUrl, 'GET', '/api/v1/catalog', { token: earlier })).status).toBe(200);
    // The other node learns of the rotation from the database, and accepts the new key's tokens.
    await second.portcullis.ctx.keyRing.refresh();
    expect(second.portcullis.ctx.keyRing.currentKeyId).toBe(oldNext);
    expect((await api(second.baseUrl, 'GET', '/api/v1/catalog', { token: later })).status).toBe(200);
  });

  // Several nodes share a database only on PostgreSQL; SQLite is the single-process engine (in one process,
  // two better-sqlite3 connections waiting on each other's lock would block the event loop they share).
  if (engine.engine === 'postgres')
    it('keeps one current and one next key, and one audit event per rotation, when two nodes rotate at once', async () => {
      const events = async () =>
        Number(
          (
            await first.portcullis.database.db
              .selectFrom('audit_events')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('action', '=', 'signing_key.rotated')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await events();
      await second.portcullis.ctx.keyRing.refresh();
      const results = await Promise.all([
        rotateKeys(first.portcullis.ctx.keyRing),
        rotateKeys(second.portcullis.ctx.keyRing),
      ]);
      // Usually they race and the guarded promotion lets one win; when one node finishes before the other
      // has read the key table, the second rotates again, which is also correct. Never a lost or double count.
      const won = results.filter(Boolean).length;
      expect(won).toBeGreaterThanOrEqual(1);
      expect(await events()).toBe(before + won);
      const states = (await rows()).map((r) => r.state);
      expect(states.filter((s) => s === 'current')).toHaveLength(1);
      expect(states.filter((s) => s === 'next')).toHaveLength(1);
      await first.portcullis.ctx.keyRing.refresh();
      await second.portcullis.ctx.keyRing.refresh();
      expect(first.portcullis.ctx.keyRing.currentKeyId).toBe(second.portcullis.ctx.keyRing.currentKeyId);
    });

  // PostgreSQL: the rotation's NOTIFY. SQLite: the change counter the other connection's commit moved.
  it('the other node signs with the new key promptly after a rotation, without being told to re-read', async () => {
    const ring = second.portcullis.ctx.keyRing;
    // Announcements arrive at once and are checked every 250 ms; the periodic re-read is every 15 s. One
    // periodic re-read could land inside an 8 s deadline, but not in two back-to-back ones: twice in a row
    // proves the announcement.
    for (const round of [1, 2]) {
      await ring.refresh();
      expect(await rotateKeys(first.portcullis.ctx.keyRing)).toBe(true);
      const rotatedTo = first.portcullis.ctx.keyRing.currentKeyId;
      const published = await kids(first);
      // A rotation is two commits (promotion, then a new next key), so the JWKS may catch up one read later.
      await eventually(
        async () => ring.currentKeyId === rotatedTo && `${await kids(second)}` === `${published}`,
        {
          what: `the other node catches up with rotation ${round}`,
          timeoutMs: 8_000,
          everyMs: 20,
        },
      );
      expect(decodeProtectedHeader(await adminToken(second.baseUrl)).kid).toBe(rotatedTo);
    }
  });

  it('rotates automatically only once the current key is older than the interval', async () => {
    const ring = first.portcullis.ctx.keyRing;
    const current = ring.currentKeyId;
    expect(await rotateIfDue(ring, 1)).toBe(false);
    expect(ring.currentKeyId).toBe(current);
    // Backdate the current key's activation by two hours.
    await first.portcullis.database.db
      .updateTable('signing_keys')
      .set({ activated_at: Date.now() - 2 * 3_600_000 })
      .where('id', '=', current)
      .execute();
    await ring.refresh();
    expect(await rotateIfDue(ring, 1)).toBe(true);
    expect(ring.currentKeyId).not.toBe(current);
  });
});
