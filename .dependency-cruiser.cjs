/**
 * Which way imports may point (docs/architecture.md, decisions/0020-workspace-layout.md). `npm run lint`
 * runs it; a wrong import fails CI.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-nothing-of-ours',
      severity: 'error',
      comment:
        '@portcullis/core is the pure rules every package shares: it depends on no other package of ours.',
      from: { path: '^packages/core/' },
      to: { path: ['^packages/(?!core/)', '^(node_modules/)?@portcullis/(?!core(/|$))'] },
    },
    {
      name: 'core-no-node-modules',
      severity: 'error',
      comment: '@portcullis/core must bundle for the browser: no Node built-in module.',
      from: { path: '^packages/core/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'sql-imports-nothing-of-ours',
      severity: 'error',
      comment:
        '@portcullis/sql is the pure parser of the SQL language: it depends on no other package of ours.',
      from: { path: '^packages/sql/' },
      to: { path: ['^packages/(?!sql/)', '^(node_modules/)?@portcullis/(?!sql(/|$))'] },
    },
    {
      name: 'sql-no-node-modules',
      severity: 'error',
      comment: '@portcullis/sql must bundle for the browser: no Node built-in module.',
      from: { path: '^packages/sql/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-imports-only-core',
      severity: 'error',
      comment:
        "The server's own pure rules import @portcullis/core and libraries, nothing else of the server.",
      from: { path: '^packages/server/src/domain/' },
      to: { path: '^packages/server/src/(?!domain/)' },
    },
    {
      name: 'store-imports-nothing-above-it',
      severity: 'error',
      comment:
        'store/ is the bottom layer: use cases, machinery and transports call it, never the other way.',
      from: { path: '^packages/server/src/store/' },
      to: {
        path: '^packages/server/src/(services|runtime|http|cli|config)/|^packages/server/src/server\\.ts$',
      },
    },
    {
      name: 'use-cases-not-transport',
      severity: 'error',
      comment: 'A use case does not know which transport called it.',
      from: { path: '^packages/server/src/services/' },
      to: { path: '^packages/server/src/(http|cli|sql)/|^packages/server/src/server\\.ts$' },
    },
    {
      name: 'runtime-not-transport',
      severity: 'error',
      comment: 'The machinery use cases run on does not know the transports either.',
      from: { path: '^packages/server/src/runtime/' },
      to: { path: '^packages/server/src/(http|cli|sql)/|^packages/server/src/server\\.ts$' },
    },
    {
      name: 'sql-only-in-store',
      severity: 'error',
      comment: 'Only store/ builds SQL or talks to a driver; elsewhere their types at most.',
      from: { path: '^packages/server/src/(?!store/)' },
      to: { path: '^node_modules/(kysely|pg|better-sqlite3)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'console-runs-in-a-browser',
      severity: 'error',
      comment: "The console's code runs in a browser: no Node module.",
      from: { path: '^packages/console/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'sdk-imports-only-core-of-ours',
      severity: 'error',
      comment:
        '@portcullis/sdk is published on its own with core bundled in: it may use core, nothing else of ours.',
      from: { path: '^packages/sdk/src/' },
      to: { path: ['^packages/(?!core/|sdk/)', '^(node_modules/)?@portcullis/(?!core(/|$))'] },
    },
    {
      name: 'sdk-adapters-import-frameworks-for-types-only',
      severity: 'error',
      comment:
        "The SDK's adapters work with whichever Express, Fastify or Hono the application has: their types only.",
      from: { path: '^packages/sdk/src/' },
      to: {
        path: '^node_modules/(@types/)?(express|fastify|hono)(/|$)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'demo-api-uses-the-sdk',
      severity: 'error',
      comment:
        'The demo platform API shows what a platform writes: it checks tokens through @portcullis/sdk alone, nothing else of ours.',
      from: { path: '^packages/demo-api/src/' },
      to: { path: ['^packages/(?!demo-api/)', '^(node_modules/)?@portcullis/(?!sdk(/|$))'] },
    },
    {
      name: 'no-package-reaches-into-the-server',
      severity: 'error',
      comment:
        "Other packages use the server over HTTP or through @portcullis/core, never the server's files. The SDK's and the demo API's suites are the exception: they run a real Portcullis in-process.",
      from: { path: '^packages/(?!server/)', pathNot: '^packages/(sdk|demo-api)/test/' },
      to: { path: ['^packages/server/', '^(node_modules/)?@portcullis/server(/|$)'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Builds are not cruised; an import of a workspace package stays its node_modules path, so the rules see it.
    exclude: { path: '^packages/[^/]+/dist/' },
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts', '.json'],
    },
  },
};
