import { longestTokenLifetimeSeconds } from '@portcullis/core/tokens';
import type { Config } from '../../config/load-config.js';
import type { DerivedKeys } from '../../config/master-key.js';
import type { Db } from '../../store/database.js';
import type { ChangeGeneration } from '../cache/change-generation.js';
import type { StreakLog } from './failure-streak.js';
import { KeyRing } from './key-ring.js';

export interface KeyRingSources {
  db: Db;
  config: Pick<Config, 'signingAlgorithm' | 'issuer'>;
  keys: Pick<DerivedKeys, 'signingKeyWrapKey'>;
  clock: () => number;
  /** Announces rotations to every node, the server's own included; see KeyStorageOptions. */
  changes: ChangeGeneration;
  log?: StreakLog;
}

/**
 * The key ring as the configuration describes it, for the server that signs with it and for
 * `portcullis keys rotate`, so both read the same keys the same way: the configured algorithm and issuer,
 * retired keys kept as long as a token may live.
 */
export function openKeyRing(sources: KeyRingSources): Promise<KeyRing> {
  const { db, config, keys, clock, changes, log } = sources;
  return KeyRing.open({
    db,
    wrapKey: keys.signingKeyWrapKey,
    algorithm: config.signingAlgorithm,
    issuer: config.issuer,
    clock,
    maxTokenLifetimeSeconds: longestTokenLifetimeSeconds,
    changes,
    log,
  });
}
