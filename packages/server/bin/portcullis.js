#!/usr/bin/env node
/*
 * The `portcullis` command. npm links a package's bin only when the file exists, and the compiled CLI
 * does not exist in a fresh clone until it is built: this launcher is plain JavaScript that is always
 * there, so `npx portcullis` works right after `npm ci`. In a source checkout that was never built it
 * compiles the server once (core, sql, server; not the console); an installed package ships compiled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
const buildConfig = new URL('../tsconfig.build.json', import.meta.url);

if (!existsSync(main) && existsSync(buildConfig)) {
  process.stderr.write('portcullis: first run in this clone: compiling the server, once (under a minute)…\n');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const built = spawnSync(process.execPath, [tsc, '-b', fileURLToPath(buildConfig)], { stdio: 'inherit' });
  if (built.status !== 0) {
    process.stderr.write('portcullis: the build failed; run "npm run build" to see why\n');
    process.exit(1);
  }
}

await import(main.href);
