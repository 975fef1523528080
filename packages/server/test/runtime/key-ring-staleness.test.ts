import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, expect, it, onTestFinished, vi } from 'vitest';
import type { StreakLog } from '../../src/runtime/signing/failure-streak.js';
import { KeyRing, maxKeyStalenessMs, staleReadWaitMs } from '../../src/runtime/signing/key-ring.js';
import { RotationSchedule, rotateKeys } from '../../src/runtime/signing/rotation-schedule.js';
import { accessTokenClaims } from '../../src/services/tokens/access-token-claims.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { describeOnEachEngine, type TestDatabase } from '../support/engines.js';

const issuer = 'https://portcullis.test';
const lifetimeSeconds = 86_400;
const day = lifetimeSeconds * 1000;

// Two nodes on one database and one clock the test moves. Node B never re-reads the key table unless a
// test makes it: that is the lagging node of a rotation done on node A.
describeOnEachEngine('signing keys on a node that lags behind a rotation, on $engine', (engine) => {
  let database: TestDatabase;
  let dbA: Database;
  let dbB: Database;
  let dbBClosed: boolean;
  let nodeA: KeyRing;
  let nodeB: KeyRing;
  let now: number;
  let logs: { level: string; fields: Record<string, unknown>; message: string }[];
  const wrapKey = randomBytes(32);
  const log: StreakLog = {
    error: (fields, message) => logs.push({ level: 'error', fields, message }),
    info: (fields, message) => logs.push({ level: 'info', fields, message }),
  };
  const open = (db: Database) =>
    KeyRing.open({
      db: db.db,
      wrapKey,
      algorithm: 'ES256',
      issuer,
      clock: () => now,
      maxTokenLifetimeSeconds: lifetimeSeconds,
      log,
    });
  const claims = () =>
    accessTokenClaims(issuer, now, lifetimeSeconds, {
      subject: 'sa_lagging',
      clientId: 'sa_lagging',
      audience: issuer,
      organizationId: 'org_lagging',
    });
  const kidOf = (token: string) => decodeProtectedHeader(token).kid;

  beforeEach(async () => {
    now = Date.UTC(2030, 0, 1);
    logs = [];
    database = await engine.create();
    dbA = openDatabase(database.url);
    await migrateToLatest(dbA);
    dbB = openDatabase(database.url);
    dbBClosed = false;
    nodeA = await open(dbA);
    nodeB = await open(dbB);
  });
  afterEach(async () => {
    await nodeB.stop();
    await nodeA.stop();
    if (!dbBClosed) await dbB.close();
    await dbA.close();
    await database.drop();
  });

  it('re-reads the key table before signing once its copy is older than the bound, and signs with the new key', async () => {
    const retired = nodeB.currentKeyId;
    await rotateKeys(nodeA);
    now += maxKeyStalenessMs + 1;
    const token = await nodeB.sign(claims());
    expect(kidOf(token)).not.toBe(retired);
    expect(kidOf(token)).toBe(nodeA.currentKeyId);
  });

  it('refuses to sign with a server error when it cannot re-read a key table older than the bound', async () => {
    const retired = nodeB.currentKeyId;
    await rotateKeys(nodeA);
    await dbB.close();
    dbBClosed = true;
    // Within the bound it still signs with what it has (retention covers this); the re-read it starts fails.
    now += maxKeyStalenessMs;
    expect(kidOf(await nodeB.sign(claims()))).toBe(retired);
    now += 1;
    await expect(nodeB.sign(claims())).rejects.toMatchObject({ code: 'server_error' });
    // Still refusing later: a node whose reads keep failing never signs with the retired key again.
    now += day;
    await expect(nodeB.sign(claims())).rejects.toMatchObject({ code: 'server_error' });
  });

  it('keeps a retired key in the JWKS until retired_at + longest lifetime + the bound, so the lagging node’s last token verifies until it expires', async () => {
    const retiredAt = now;
    const retired = nodeB.currentKeyId;
    await rotateKeys(nodeA);
    // The last moment the lagging node may still sign with the retired key, with the longest lifetime.
    now = retiredAt + maxKeyStalenessMs;
    const payload = claims();
    const token = await nodeB.sign(payload);
    expect(kidOf(token)).toBe(retired);
    const { exp } = payload;

    now = exp * 1000 - 1000;
    await nodeA.refresh();
    expect(nodeA.jwks().keys.map((k) => k.kid)).toContain(retired);
    await jwtVerify(token, createLocalJWKSet(nodeA.jwks()), {
      issuer,
      typ: 'at+jwt',
      currentDate: new Date(now),
    });

    now = retiredAt + day + maxKeyStalenessMs + 1;
    await nodeA.refresh();
    expect(nodeA.jwks().keys.map((k) => k.kid)).not.toContain(retired);
  });

  // Verdicts on signatures are cached (key-storage.ts): a token that comes back is not checked again.
  it('refuses a token it verified before, once the key that signed it has left the ring', async () => {
    const retiredAt = now;
    const token = await nodeA.sign(claims());
    await expect(nodeA.verify(token)).resolves.toMatchObject({ sub: 'sa_lagging' });
    await rotateKeys(nodeA);
    now = retiredAt + day + maxKeyStalenessMs + 1;
    await nodeA.refresh();
    await expect(nodeA.verify(token)).rejects.toThrow('unknown signing key');
  });

  it('refuses a token it verified before, once the token has expired', async () => {
    // Expiry is judged on the real clock: a token of one second, used at once and again after it ended.
    const token = await nodeA.sign(
      accessTokenClaims(issuer, Date.now(), 1, {
        subject: 'sa_brief',
        clientId: 'sa_brief',
        audience: issuer,
        organizationId: 'org_brief',
      }),
    );
    await expect(nodeA.verify(token)).resolves.toMatchObject({ sub: 'sa_brief' });
    await sleep(2100);
    await expect(nodeA.verify(token)).rejects.toThrow(/expired/i);
  });

  // On SQLite a reader is never blocked by a writer (WAL), so only PostgreSQL can hang the read for real.
  /** Runs `steps` while another connection holds the key table, with node B's copy past the bound. */
  const whileKeyTableLocked = async (steps: () => Promise<void>) => {
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table signing_keys in access exclusive mode');
      now += maxKeyStalenessMs + 1;
      await steps();
      await locker.query('rollback');
    } finally {
      await locker.end();
    }
  };
  /** What the call settled with, or 'still waiting' well past the bound. */
  const outcomeWithin = (call: Promise<unknown>) =>
    Promise.race([
      call.then(
        () => 'settled',
        (error: unknown) => error,
      ),
      sleep(staleReadWaitMs + 2_000, 'still waiting'),
    ]);

  if (engine.engine === 'postgres')
    it('refuses to sign within the wait bound while the database does not answer the re-read, and signs once it does', async () => {
      await rotateKeys(nodeA);
      await whileKeyTableLocked(async () => {
        const started = performance.now();
        expect(await outcomeWithin(nodeB.sign(claims()))).toMatchObject({ code: 'server_error' });
        expect(performance.now() - started).toBeLessThan(staleReadWaitMs + 1_000);
        // The read still hangs: later requests are refused without waiting for it again.
        const again = performance.now();
        await expect(nodeB.sign(claims())).rejects.toMatchObject({ code: 'server_error' });
        expect(performance.now() - again).toBeLessThan(staleReadWaitMs / 2);
      });
      // The read that hung ends now and updates the ring without another request asking.
      await vi.waitFor(async () => expect(kidOf(await nodeB.sign(claims()))).toBe(nodeA.currentKeyId));
    });

  if (engine.engine === 'postgres')
    it('rejects a token with a key id it does not know within the wait bound while the database does not answer', async () => {
      // Twice: the first promotes the next key, which node B already publishes; the second, one it never read.
      await rotateKeys(nodeA);
      await rotateKeys(nodeA);
      const token = await nodeA.sign(claims());
      expect(nodeB.jwks().keys.map((k) => k.kid)).not.toContain(kidOf(token));
      await whileKeyTableLocked(async () => {
        const started = performance.now();
        expect(await outcomeWithin(nodeB.verify(token))).toBeInstanceOf(Error);
        expect(performance.now() - started).toBeLessThan(staleReadWaitMs + 1_000);
      });
      await vi.waitFor(async () => expect((await nodeB.verify(token)).sub).toBeDefined());
    });

  it('logs failed re-reads once per streak, then at most once a minute, and when a read works again', async () => {
    await sql`alter table signing_keys rename to signing_keys_away`.execute(dbA.db);
    now += maxKeyStalenessMs + 1;
    for (let i = 0; i < 5; i++) {
      await expect(nodeB.sign(claims())).rejects.toMatchObject({ code: 'server_error' });
      now += 1_001;
    }
    expect(logs).toEqual([
      {
        level: 'error',
        message: 'reading the signing keys failed',
        fields: {
          error: { message: expect.any(String), code: expect.anything() },
          failures: 1,
          failingForMs: 0,
        },
      },
    ]);

    now += 60_000;
    await expect(nodeB.sign(claims())).rejects.toMatchObject({ code: 'server_error' });
    expect(logs).toHaveLength(2);
    expect(logs[1]).toMatchObject({ level: 'error', fields: { failures: 6, failingForMs: 65_005 } });

    await sql`alter table signing_keys_away rename to signing_keys`.execute(dbA.db);
    now += 1_001;
    await nodeB.sign(claims());
    expect(logs).toHaveLength(3);
    expect(logs[2]).toEqual({
      level: 'info',
      message: 'reading the signing keys works again',
      fields: { failures: 6, failedForMs: 66_006 },
    });
  });

  it('logs failed automatic rotations once per streak, and when one works again', async () => {
    const rotations = () => logs.filter((l) => l.message.startsWith('rotating'));
    await sql`alter table signing_keys rename to signing_keys_away`.execute(dbA.db);
    now += 3_600_000;
    // Due after 0.36 s of the test's clock, checked every 36 ms of real time.
    const schedule = new RotationSchedule(nodeB, 0.0001);
    schedule.start();
    onTestFinished(() => schedule.stop());
    await vi.waitFor(() => expect(rotations()).toHaveLength(1));
    await sleep(300);
    expect(rotations()).toEqual([
      {
        level: 'error',
        message: 'rotating the signing keys failed',
        fields: expect.objectContaining({ failures: 1 }),
      },
    ]);

    const before = nodeB.currentKeyId;
    await sql`alter table signing_keys_away rename to signing_keys`.execute(dbA.db);
    await vi.waitFor(() => expect(rotations()).toHaveLength(2));
    expect(rotations()[1]).toMatchObject({
      level: 'info',
      message: 'rotating the signing keys works again',
    });
    expect(nodeB.currentKeyId).not.toBe(before);
  });
});
