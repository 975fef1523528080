import { randomBytes } from 'node:crypto';
import {
  longestTokenLifetimeMs,
  longestTokenLifetimeSeconds,
  shortestTokenLifetimeSeconds,
} from '@portcullis/core/tokens';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ChangeGeneration } from '../../src/runtime/cache/change-generation.js';
import { maxKeyStalenessMs } from '../../src/runtime/signing/key-ring.js';
import { openKeyRing } from '../../src/runtime/signing/open-key-ring.js';
import { rotateKeys } from '../../src/runtime/signing/rotation-schedule.js';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { describeOnEachEngine } from '../support/engines.js';

describe('the bounds of a token lifetime in the settings', () => {
  it('accepts a default lifetime from the shortest to the longest and refuses one a second beyond either', () => {
    for (const seconds of [shortestTokenLifetimeSeconds, longestTokenLifetimeSeconds]) {
      expect(loadConfig({ PORTCULLIS_TOKEN_TTL_SECONDS: String(seconds) }).tokenTtlSeconds).toBe(seconds);
    }
    for (const seconds of [shortestTokenLifetimeSeconds - 1, longestTokenLifetimeSeconds + 1]) {
      expect(() => loadConfig({ PORTCULLIS_TOKEN_TTL_SECONDS: String(seconds) })).toThrow(
        `expected an integer from ${shortestTokenLifetimeSeconds} to ${longestTokenLifetimeSeconds}`,
      );
    }
  });
});

describeOnEachEngine('the key ring opened from the configuration on $engine', (engine) => {
  it('keeps a retired key published for the longest token lifetime and the staleness bound, then drops it', async () => {
    const database = await engine.create();
    const opened = openDatabase(database.url);
    let now = Date.UTC(2030, 0, 1);
    try {
      await migrateToLatest(opened);
      const ring = await openKeyRing({
        db: opened.db,
        config: loadConfig({}),
        keys: { signingKeyWrapKey: randomBytes(32) },
        clock: () => now,
        changes: new ChangeGeneration(opened),
      });
      try {
        const retired = ring.currentKeyId;
        await rotateKeys(ring);
        const published = async () => {
          await ring.refresh();
          return ring.jwks().keys.map((key) => key.kid);
        };
        now += longestTokenLifetimeMs + maxKeyStalenessMs - 1;
        expect(await published()).toContain(retired);
        now += 1;
        expect(await published()).not.toContain(retired);
      } finally {
        await ring.stop();
      }
    } finally {
      await opened.close();
      await database.drop();
    }
  });
});
