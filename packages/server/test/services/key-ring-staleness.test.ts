import { randomBytes } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessTokenClaims } from '../../src/services/tokens/access-token-claims.js';
import { KeyRing, maxKeyStalenessMs } from '../../src/services/tokens/key-ring.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { enginesUnderTest, type TestDatabase } from '../support/engines.js';

const issuer = 'https://portcullis.test';
const lifetimeSeconds = 86_400;
const day = lifetimeSeconds * 1000;

// Two nodes on one database and one clock the test moves. Node B never re-reads the key table unless a
// test makes it: that is the lagging node of a rotation done on node A.
describe.each(enginesUnderTest())(
  'signing keys on a node that lags behind a rotation, on $engine',
  (engine) => {
    let database: TestDatabase;
    let dbA: Database;
    let dbB: Database;
    let dbBClosed: boolean;
    let nodeA: KeyRing;
    let nodeB: KeyRing;
    let now: number;
    const wrapKey = randomBytes(32);
    const open = (db: Database) =>
      KeyRing.open({
        db: db.db,
        wrapKey,
        algorithm: 'ES256',
        issuer,
        clock: () => now,
        maxTokenLifetimeSeconds: lifetimeSeconds,
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
      if (!engine.available) return;
      now = Date.UTC(2030, 0, 1);
      database = await engine.create();
      dbA = openDatabase(database.url);
      await migrateToLatest(dbA);
      dbB = openDatabase(database.url);
      dbBClosed = false;
      nodeA = await open(dbA);
      nodeB = await open(dbB);
    });
    afterEach(async () => {
      if (!engine.available) return;
      await nodeB.stop();
      await nodeA.stop();
      if (!dbBClosed) await dbB.close();
      await dbA.close();
      await database.drop();
    });

    it.skipIf(!engine.available)(
      're-reads the key table before signing once its copy is older than the bound, and signs with the new key',
      async () => {
        const retired = nodeB.currentKeyId;
        await nodeA.rotate();
        now += maxKeyStalenessMs + 1;
        const token = await nodeB.sign(claims());
        expect(kidOf(token)).not.toBe(retired);
        expect(kidOf(token)).toBe(nodeA.currentKeyId);
      },
    );

    it.skipIf(!engine.available)(
      'refuses to sign with a server error when it cannot re-read a key table older than the bound',
      async () => {
        const retired = nodeB.currentKeyId;
        await nodeA.rotate();
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
      },
    );

    it.skipIf(!engine.available)(
      'keeps a retired key in the JWKS until retired_at + longest lifetime + the bound, so the lagging node’s last token verifies until it expires',
      async () => {
        const retiredAt = now;
        const retired = nodeB.currentKeyId;
        await nodeA.rotate();
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
      },
    );
  },
);
