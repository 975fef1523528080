import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientPair } from '../../server/test/support/http-client.js';
import type { TestServer } from '../../server/test/support/test-server.js';
import { Administrator, audience, startPortcullis } from './support/portcullis.js';

const run = promisify(execFile);
const sdkRoot = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** The same check from CommonJS and from ESM: verify a real token, and load every adapter. */
const consumer = (load: string) => `${load}
(async () => {
  const verifier = createVerifier({
    issuer: process.env.ISSUER,
    audience: process.env.AUDIENCE,
    revocations: { clientId: process.env.FEED_ID, clientSecret: process.env.FEED_SECRET },
  });
  const principal = await verifier.verify(process.env.TOKEN);
  console.log(JSON.stringify({
    subject: principal.subject,
    canCreate: principal.can('incidents', 'create'),
    adapters: [express.requirePermissions, fastify.requirePermissions, hono.requirePermissions, web.withPermissions].map((f) => typeof f),
  }));
  await verifier.close();
})();
`;

const typedConsumer = `import { createVerifier, type Principal } from '@portcullis/sdk';
import { requirePermissions } from '@portcullis/sdk/express';
import { withPermissions } from '@portcullis/sdk/web';
const verifier = createVerifier({ issuer: 'https://auth.example.com', audience: 'api', revocations: false });
export const middleware = requirePermissions(verifier, { all: ['incidents:list'] });
export const handler = withPermissions(verifier, 'incidents:list', (_request: Request, principal: Principal) =>
  Response.json({ subject: principal.subject, search: principal.canSearch(['incidents']) }),
);
`;

/**
 * What a platform developer gets from `npm pack`: the SDK installed alone into a scratch project, used from
 * CommonJS and ESM against a real Portcullis, its types checked from both module systems.
 */
describe('the packed SDK in a project of its own', () => {
  let scratch: string;
  let server: TestServer;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    await run(process.execPath, [join(sdkRoot, 'scripts/build.mjs')]);
    scratch = await mkdtemp(join(tmpdir(), 'portcullis-sdk-consumer-'));
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: sdkRoot });
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(scratch, filename)], {
      cwd: scratch,
    });

    server = await startPortcullis();
    const admin = await Administrator.of(server);
    const feedReader: ClientPair = await admin.resourceServer('packed-gateway');
    const token = await admin.tokenOf(await admin.credential('packed-writer', 'Admin'));
    env = {
      ...process.env,
      ISSUER: server.baseUrl,
      AUDIENCE: audience,
      FEED_ID: feedReader.clientId,
      FEED_SECRET: feedReader.clientSecret,
      TOKEN: token,
    };
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('installs without any package of the workspace: core is inside it', async () => {
    const manifest = JSON.parse(
      await readFile(join(scratch, 'node_modules/@portcullis/sdk/package.json'), 'utf8'),
    );
    expect(Object.keys(manifest.dependencies).sort()).toEqual([
      'eventsource-parser',
      'fast-jwt',
      'lru-cache',
    ]);
    await expect(readFile(join(scratch, 'node_modules/@portcullis/core/package.json'))).rejects.toThrow();
  });

  it.each([
    [
      'CommonJS',
      'verify.cjs',
      `const { createVerifier } = require('@portcullis/sdk');
const express = require('@portcullis/sdk/express');
const fastify = require('@portcullis/sdk/fastify');
const hono = require('@portcullis/sdk/hono');
const web = require('@portcullis/sdk/web');`,
    ],
    [
      'ESM',
      'verify.mjs',
      `import { createVerifier } from '@portcullis/sdk';
import * as express from '@portcullis/sdk/express';
import * as fastify from '@portcullis/sdk/fastify';
import * as hono from '@portcullis/sdk/hono';
import * as web from '@portcullis/sdk/web';`,
    ],
  ])('verifies a real token from %s, with every adapter loading', async (_system, file, load) => {
    await writeFile(join(scratch, file), consumer(load));
    const { stdout } = await run(process.execPath, [file], { cwd: scratch, env });
    expect(JSON.parse(stdout)).toEqual({
      subject: expect.stringMatching(/^sa_/),
      canCreate: true,
      adapters: ['function', 'function', 'function', 'function'],
    });
  });

  it('type-checks a consumer under NodeNext as CommonJS and as ESM', async () => {
    await writeFile(join(scratch, 'consumer.cts'), typedConsumer);
    await writeFile(join(scratch, 'consumer.mts'), typedConsumer);
    await writeFile(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          target: 'es2022',
          lib: ['es2023', 'dom'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['consumer.cts', 'consumer.mts'],
      }),
    );
    const checked = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: scratch }).catch(
      (error: { stdout: string }) => error,
    );
    expect(checked.stdout).toBe('');
  });
});
