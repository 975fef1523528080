import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const coreSources = fileURLToPath(new URL('./packages/core/src', import.meta.url));
const sqlSources = fileURLToPath(new URL('./packages/sql/src', import.meta.url));

/**
 * Three tiers. `unit`: the pure rules (core, the server's domain rules, the console's logic), no server, no database, in
 * seconds (`npm run test:unit`). `integration`: everything else, against real SQLite files and a real
 * PostgreSQL over real HTTP. `browser`: the console driven in real Chromium. `npm test` runs all three.
 */
const unit = [
  'packages/core/test/**/*.test.ts',
  'packages/sql/test/**/*.test.ts',
  'packages/server/test/domain/**/*.test.ts',
  'packages/console/test/unit/**/*.test.ts',
  'packages/sdk/test/unit/**/*.test.ts',
  'packages/demo-api/test/unit/**/*.test.ts',
];
/** The console in real Chromium, against the built server and console (`npm test` builds them first). */
const browser = ['packages/console/test/browser/**/*.test.ts'];
/** Integration files that replace a module with `vi.mock`, which needs a module cache of their own. */
const isolated = ['packages/*/test/**/*.isolated.test.ts'];

export default defineConfig({
  // Tests read core and sql from their sources, so the unit tier needs no build.
  resolve: {
    alias: [
      { find: /^@portcullis\/core\/([a-z-]+)$/, replacement: `${coreSources}/$1/index.ts` },
      { find: /^@portcullis\/sql$/, replacement: `${sqlSources}/index.ts` },
    ],
  },
  test: {
    reporters: ['default', './packages/server/test/support/summary-reporter.ts'],
    // Two files at a time even on two cores: most of a test's time is spent waiting on a server or a database.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: unit, pool: 'threads' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['packages/*/test/**/*.test.ts'],
          exclude: [...unit, ...browser, ...isolated],
          globalSetup: ['packages/server/test/support/global-setup.ts'],
          pool: 'forks',
          // Each fork keeps its modules from one file to the next: loading the server afresh for every file
          // took about 150 s of the suite's time.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-isolated',
          include: isolated,
          globalSetup: ['packages/server/test/support/global-setup.ts'],
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: { name: 'browser', include: browser, pool: 'forks', testTimeout: 60_000, hookTimeout: 60_000 },
      },
    ],
  },
});
