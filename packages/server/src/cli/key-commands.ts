import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { operatorExamples, withOperatorOptions } from './operator-options.js';
import type { OutputOptions } from './record-output.js';

interface KeyRecord {
  id: string;
  algorithm: string;
  state: string;
  createdAt: string;
  activatedAt: string | null;
  retiredAt: string | null;
}

const at = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());

/** `portcullis keys rotate|list`: the signing keys, in the configured database. */
export function addKeyCommands(program: Command): void {
  const keys = program
    .command('keys')
    .description('Signing keys (on the machine that runs Portcullis, with its settings)')
    .addHelpText('after', operatorExamples('portcullis keys list', 'portcullis keys rotate'));

  withOperatorOptions(
    keys
      .command('rotate')
      .description(
        'Make the next signing key current now; the old one stays published until its tokens expire',
      ),
    ['portcullis keys rotate', 'PORTCULLIS_DATABASE_URL=postgres://… portcullis keys rotate'],
  ).action(async () => {
    const config = loadConfig();
    const { openConfiguredDatabase } = await import('./configured-database.js');
    const { migrateToLatest } = await import('../store/migrate.js');
    const { deriveKeys, resolveMasterKey } = await import('../config/master-key.js');
    const { ChangeGeneration } = await import('../runtime/cache/change-generation.js');
    const { openKeyRing } = await import('../runtime/signing/open-key-ring.js');
    const { rotateKeys } = await import('../runtime/signing/rotation-schedule.js');
    const database = openConfiguredDatabase(config);
    try {
      await migrateToLatest(database);
      const ring = await openKeyRing({
        db: database.db,
        config,
        keys: deriveKeys(resolveMasterKey(config.masterKey, config.dataDir).key),
        clock: Date.now,
        // Announces the rotation, so running nodes re-read the key table at once.
        changes: new ChangeGeneration(database),
      });
      const before = ring.currentKeyId;
      await rotateKeys(ring);
      await ring.stop();
      process.stdout.write(`rotated: ${before} retired, ${ring.currentKeyId} current\n`);
    } finally {
      await database.close();
    }
  });

  withOperatorOptions(
    keys
      .command('list')
      .description('The stored signing keys: id (the JWKS kid), algorithm, state, dates; never key material')
      .option('--json', 'print JSON instead of a table, for scripts'),
    [
      'portcullis keys list',
      'portcullis keys list --json | jq -r \'.[] | select(.state == "current") | .id\'',
    ],
  ).action(async (options: OutputOptions) => {
    const config = loadConfig();
    const { openConfiguredDatabase } = await import('./configured-database.js');
    const { listSigningKeys } = await import('../store/repositories/signing-keys.js');
    const { printRecords } = await import('./record-output.js');
    const database = openConfiguredDatabase(config);
    try {
      const records: KeyRecord[] = (await listSigningKeys(database.db)).map((key) => ({
        id: key.id,
        algorithm: key.algorithm,
        state: key.state,
        createdAt: at(key.createdAt)!,
        activatedAt: at(key.activatedAt),
        retiredAt: at(key.retiredAt),
      }));
      printRecords(
        records,
        [
          { heading: 'id (kid)', value: (k) => k.id },
          { heading: 'algorithm', value: (k) => k.algorithm },
          { heading: 'state', value: (k) => k.state },
          { heading: 'created', value: (k) => k.createdAt },
          { heading: 'activated', value: (k) => k.activatedAt },
          { heading: 'retired', value: (k) => k.retiredAt },
        ],
        options,
      );
    } finally {
      await database.close();
    }
  });
}
