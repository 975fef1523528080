import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));

/** The dependency-cruiser part of `npm run lint`, the command CI's lint stage runs. */
async function lintCommand(): Promise<string[]> {
  const { scripts } = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'));
  const command = /depcruise ([^&|;]+)/.exec(scripts.lint)?.[1];
  if (!command) throw new Error('npm run lint does not run depcruise');
  return command.trim().split(/\s+/);
}

/** Runs the lint's import check in `cwd`: its exit code and its violations, as `rule: from → to`. */
async function checkImports(cwd: string): Promise<{ exitCode: number; violations: string[] }> {
  const args = (await lintCommand()).map((arg) => (arg.endsWith('.cjs') ? join(repo, arg) : arg));
  const bin = join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd }, (error, stdout) => {
      // A package is named by its folder, not by the file its entry point happens to be.
      const violations = [...stdout.matchAll(/^\s*error (\S+): (\S+) → (\S+)$/gm)].map(
        ([, rule, from, to]) =>
          `${rule}: ${from} → ${to?.replace(/^(node_modules\/(@[^/]+\/)?[^/]+)\/.*/, '$1')}`,
      );
      resolve({ exitCode: error ? Number(error.code) : 0, violations });
    });
  });
}

/** A workspace laid out like this one, each file with the imports given. */
const fixture: Record<string, string[]> = {
  'packages/core/src/ids/ids.ts': [],
  'packages/core/src/reaches-server.ts': ["import '../../server/src/services/use-case.js';"],
  'packages/core/src/uses-node.ts': ["import { readFileSync } from 'node:fs';"],
  'packages/server/src/server.ts': [],
  'packages/server/src/domain/reaches-store.ts': ["import '../store/database.js';"],
  'packages/server/src/domain/uses-core.ts': ["import '@portcullis/core/ids';"],
  'packages/server/src/store/database.ts': ["import { sql } from 'kysely';"],
  'packages/server/src/store/reaches-services.ts': ["import '../services/use-case.js';"],
  'packages/server/src/services/use-case.ts': [
    "import type { Kysely } from 'kysely';",
    "import '../store/database.js';",
    "import '../runtime/machinery.js';",
  ],
  'packages/server/src/services/reaches-http.ts': ["import '../http/route.js';"],
  'packages/server/src/services/runs-sql.ts': ["import { sql } from 'kysely';"],
  'packages/server/src/runtime/machinery.ts': ["import '../store/database.js';"],
  'packages/server/src/runtime/reaches-http.ts': ["import '../http/route.js';"],
  'packages/server/src/http/route.ts': [
    "import '../services/use-case.js';",
    "import '../runtime/machinery.js';",
  ],
  'packages/sql/src/parse-script.ts': [],
  'packages/sql/src/reaches-core.ts': ["import '@portcullis/core/ids';"],
  'packages/sql/src/uses-node.ts': ["import { readFileSync } from 'node:fs';"],
  'packages/console/src/app.ts': ["import '@portcullis/core/ids';"],
  'packages/console/src/reaches-server.ts': ["import '../../server/src/services/use-case.js';"],
  'packages/sdk/src/uses-core.ts': ["import '@portcullis/core/permissions';"],
  'packages/sdk/src/reaches-sql.ts': ["import '@portcullis/sql';"],
  'packages/sdk/src/runs-express.ts': ["import express from 'express';"],
  'packages/sdk/src/types-fastify.ts': ["import type { FastifyRequest } from 'fastify';"],
  'packages/sdk/test/runs-portcullis.ts': ["import '../../server/src/server.js';"],
};

describe('the import-direction rule of npm run lint', () => {
  let workspace: string;

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'portcullis-imports-'));
    for (const [path, imports] of Object.entries(fixture)) {
      await mkdir(dirname(join(workspace, path)), { recursive: true });
      await writeFile(join(workspace, path), `${imports.join('\n')}\nexport {};\n`);
    }
    // The packages the fixture imports (kysely, node's own, @portcullis/core) resolve as they do here.
    await symlink(join(repo, 'node_modules'), join(workspace, 'node_modules'), 'dir');
  });
  afterAll(async () => {
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  it('fails on each import that points the wrong way, and only on those', async () => {
    const { exitCode, violations } = await checkImports(workspace);
    expect(exitCode).not.toBe(0);
    expect(violations.sort()).toEqual(
      [
        'core-imports-nothing-of-ours: packages/core/src/reaches-server.ts → packages/server/src/services/use-case.ts',
        'no-package-reaches-into-the-server: packages/core/src/reaches-server.ts → packages/server/src/services/use-case.ts',
        'core-no-node-modules: packages/core/src/uses-node.ts → fs',
        'sql-imports-nothing-of-ours: packages/sql/src/reaches-core.ts → node_modules/@portcullis/core',
        'sql-no-node-modules: packages/sql/src/uses-node.ts → fs',
        'domain-imports-only-core: packages/server/src/domain/reaches-store.ts → packages/server/src/store/database.ts',
        'store-imports-nothing-above-it: packages/server/src/store/reaches-services.ts → packages/server/src/services/use-case.ts',
        'use-cases-not-transport: packages/server/src/services/reaches-http.ts → packages/server/src/http/route.ts',
        'sql-only-in-store: packages/server/src/services/runs-sql.ts → node_modules/kysely',
        'runtime-not-transport: packages/server/src/runtime/reaches-http.ts → packages/server/src/http/route.ts',
        'no-package-reaches-into-the-server: packages/console/src/reaches-server.ts → packages/server/src/services/use-case.ts',
        'sdk-imports-only-core-of-ours: packages/sdk/src/reaches-sql.ts → node_modules/@portcullis/sql',
        'sdk-adapters-import-frameworks-for-types-only: packages/sdk/src/runs-express.ts → node_modules/express',
      ].sort(),
    );
  });

  it("passes this repository's own imports", async () => {
    expect(await checkImports(repo)).toEqual({ exitCode: 0, violations: [] });
  });
});
