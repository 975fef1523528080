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
const sdkGuide = fileURLToPath(new URL('../../../docs/sdk.md', import.meta.url));

/** What a platform developer brings beside the SDK, at the versions the SDK's own suites use. */
const frameworks = ['express', 'fastify', 'hono', '@hono/node-server', '@types/express'];

/** The files of docs/sdk.md's "protect your API": each `ts` block whose first line is `// NAME.ts`. */
async function guideFiles(): Promise<Map<string, string>> {
  const guide = await readFile(sdkGuide, 'utf8');
  const files = new Map<string, string>();
  for (const [, text, name] of guide.matchAll(/```ts\n(\/\/ ([a-z-]+\.ts)\b[^\n]*\n[\s\S]*?)```/g)) {
    files.set(name!, text!);
  }
  return files;
}

/** The same check from CommonJS and from ESM: verify a real token, and load every adapter. */
const consumer = (load: string) => `${load}
(async () => {
  const verifier = createVerifier({
    issuer: process.env.PORTCULLIS_URL,
    audience: process.env.AUDIENCE,
    revocations: { clientId: process.env.FEED_CLIENT_ID, clientSecret: process.env.FEED_CLIENT_SECRET },
  });
  const principal = await verifier.verify(process.env.ADMIN_TOKEN);
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
 * Serves the guide's files, each framework on a port of its own, and asks each of the three routes with no
 * token, a Read-only token and an Admin one; prints what came back.
 */
const guideHarness = `import { serve } from '@hono/node-server';
import { app as expressApp } from './express-api.js';
import { app as fastifyApp } from './fastify-api.js';
import { app as honoApp } from './hono-api.js';
import * as web from './web-api.js';

const webRoutes = { 'GET /incidents': web.listIncidents, 'POST /incidents': web.createIncident, 'POST /search': web.search };
await fastifyApp.listen({ host: '127.0.0.1', port: 0 });
const servers = {
  express: expressApp.listen(0, '127.0.0.1'),
  fastify: fastifyApp.server,
  hono: serve({ fetch: honoApp.fetch, hostname: '127.0.0.1', port: 0 }),
  web: serve({ fetch: (r) => webRoutes[r.method + ' ' + new URL(r.url).pathname](r), hostname: '127.0.0.1', port: 0 }),
};
const callers = { nobody: undefined, reader: process.env.READER_TOKEN, admin: process.env.ADMIN_TOKEN };
const answers = {};
for (const [framework, server] of Object.entries(servers)) {
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  answers[framework] = {};
  for (const route of Object.keys(webRoutes)) {
    const [method, path] = route.split(' ');
    for (const [caller, token] of Object.entries(callers)) {
      const response = await fetch('http://127.0.0.1:' + server.address().port + path, {
        method,
        headers: token ? { authorization: 'Bearer ' + token } : {},
      });
      const body = await response.json();
      const scope = /scope="([^"]*)"/.exec(response.headers.get('www-authenticate') ?? '')?.[1];
      answers[framework][route + ' by ' + caller] = { status: response.status, missing: body.missing, scope };
    }
  }
}
console.log(JSON.stringify(answers));
process.exit(0);
`;

/** What every framework's three routes must answer. */
const guideAnswers = {
  'GET /incidents by nobody': { status: 401 },
  'GET /incidents by reader': { status: 200 },
  'GET /incidents by admin': { status: 200 },
  'POST /incidents by nobody': { status: 401 },
  'POST /incidents by reader': { status: 403, missing: ['incidents:create'], scope: 'incidents:create' },
  'POST /incidents by admin': { status: 201 },
  'POST /search by nobody': { status: 401 },
  'POST /search by reader': { status: 403, missing: ['search:create'], scope: 'search:create' },
  'POST /search by admin': { status: 200 },
};

/**
 * What a platform developer gets from `npm pack`: the SDK installed alone into a scratch project beside the
 * frameworks, used from CommonJS and ESM against a real Portcullis, its types checked from both module
 * systems, and the guide's "protect your API" files compiled and serving real tokens in every framework.
 */
describe('the packed SDK in a project of its own', () => {
  let scratch: string;
  let server: TestServer;
  let env: NodeJS.ProcessEnv;
  let compiled: { stdout: string };

  /** Type-checks and compiles the typed consumer and the guide's files, as the developer's build would. */
  async function compile(): Promise<{ stdout: string }> {
    await writeFile(join(scratch, 'consumer.cts'), typedConsumer);
    await writeFile(join(scratch, 'consumer.mts'), typedConsumer);
    const guide = await guideFiles();
    for (const [name, text] of guide) await writeFile(join(scratch, name), text);
    await writeFile(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          target: 'es2022',
          lib: ['es2023', 'dom'],
          strict: true,
          skipLibCheck: true,
          types: ['node'],
        },
        files: ['consumer.cts', 'consumer.mts', ...guide.keys()],
      }),
    );
    return run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: scratch }).catch(
      (error: { stdout: string }) => error,
    );
  }

  /** A Portcullis, a feed reader and two credentials' tokens, in the scratch programs' environment. */
  async function provision(): Promise<NodeJS.ProcessEnv> {
    server = await startPortcullis();
    const admin = await Administrator.of(server);
    const feedReader: ClientPair = await admin.resourceServer('packed-gateway');
    return {
      ...process.env,
      PORTCULLIS_URL: server.baseUrl,
      AUDIENCE: audience,
      FEED_CLIENT_ID: feedReader.clientId,
      FEED_CLIENT_SECRET: feedReader.clientSecret,
      ADMIN_TOKEN: await admin.tokenOf(await admin.credential('packed-writer', 'Admin')),
      READER_TOKEN: await admin.tokenOf(await admin.credential('packed-reader', 'Read only')),
    };
  }

  beforeAll(async () => {
    await run(process.execPath, [join(sdkRoot, 'scripts/build.mjs')]);
    scratch = await mkdtemp(join(tmpdir(), 'portcullis-sdk-consumer-'));
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: sdkRoot });
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    await writeFile(
      join(scratch, 'package.json'),
      JSON.stringify({ name: 'scratch', private: true, type: 'module' }),
    );
    const { devDependencies } = JSON.parse(await readFile(join(sdkRoot, 'package.json'), 'utf8'));
    const pinned = frameworks.map((name) => `${name}@${devDependencies[name]}`);
    const install = (...args: string[]) =>
      run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...args], { cwd: scratch });
    // The SDK and everything it brings fit the running Node's engines (Node 20 in CI)...
    await install('--engine-strict', join(scratch, filename));
    // ...the frameworks are the developer's own choice, and fastify's newest light-my-request asks for Node 22.
    await install('--engine-strict=false', ...pinned);
    [compiled, env] = await Promise.all([compile(), provision()]);
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

  it("type-checks a consumer under NodeNext as CommonJS and as ESM, and the guide's files", async () => {
    expect([...(await guideFiles()).keys()]).toEqual([
      'portcullis.ts',
      'express-api.ts',
      'fastify-api.ts',
      'hono-api.ts',
      'web-api.ts',
    ]);
    expect(compiled.stdout).toBe('');
  });

  it("protects the guide's three routes in Express, Fastify, Hono and Web handlers: allowed, 403 naming the permission, 401 without a token", async () => {
    await writeFile(join(scratch, 'serve-guide.mjs'), guideHarness);
    const { stdout } = await run(process.execPath, ['serve-guide.mjs'], { cwd: scratch, env });
    expect(JSON.parse(stdout)).toEqual({
      express: guideAnswers,
      fastify: guideAnswers,
      hono: guideAnswers,
      web: guideAnswers,
    });
  });
});
