import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';

const run = promisify(execFile);
const serverRoot = fileURLToPath(new URL('../..', import.meta.url));
const { version } = JSON.parse(await readFile(join(serverRoot, 'package.json'), 'utf8'));

/**
 * better-sqlite3 compiles for over a minute when no prebuilt binary can be downloaded. Its installer,
 * prebuild-install, first looks in a local folder for the archive it would download: this one holds the
 * binary already built for the workspace, for this Node and platform, so the install copies it instead.
 */
async function localPrebuilds(folder: string): Promise<Record<string, string>> {
  const addon = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
  const { version: sqliteVersion } = JSON.parse(await readFile(addon, 'utf8'));
  const archive = `better-sqlite3-v${sqliteVersion}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  await mkdir(folder, { recursive: true });
  await run('tar', [
    '-czf',
    join(folder, archive),
    '-C',
    join(addon, '..'),
    'build/Release/better_sqlite3.node',
  ]);
  return { npm_config_better_sqlite3_local_prebuilds: folder };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** What someone gets from the packed server: installed alone into an empty folder, started with no settings. */
describe('the packed server installed into an empty folder', () => {
  let scratch: string;
  let project: string;
  const bin = () => join(project, 'node_modules/.bin/portcullis');

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'portcullis-packed-'));
    project = join(scratch, 'project');
    await mkdir(project);
    const packed = await run(process.execPath, [join(serverRoot, 'scripts/pack.mjs'), scratch]);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
    await run(
      'npm',
      ['install', '--engine-strict', '--no-audit', '--no-fund', '--prefer-offline', packed.stdout.trim()],
      {
        cwd: project,
        env: { ...process.env, ...(await localPrebuilds(join(scratch, 'prebuilds'))) },
      },
    );
  }, 240_000);
  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('carries the workspace packages it needs, and no other package of the workspace', async () => {
    const installed = join(project, 'node_modules/@portcullis');
    const manifest = JSON.parse(await readFile(join(installed, 'server/package.json'), 'utf8'));
    expect(manifest.bundleDependencies).toEqual([
      '@portcullis/core',
      '@portcullis/sql',
      '@portcullis/console',
    ]);
    await expect(
      readFile(join(installed, 'server/node_modules/@portcullis/console/dist/index.html')),
    ).resolves.toBeDefined();
    await expect(readFile(join(installed, 'sdk/package.json'))).rejects.toThrow();
    const { stdout } = await run(bin(), ['--version'], { cwd: project });
    expect(stdout).toBe(`${version}\n`);
  });

  it('takes a new user from start to a backup, one command each: start, login, quickstart, token, backup', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const home = join(scratch, 'home');
    await mkdir(home);
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PORTCULLIS_'))),
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
    };
    const portcullis = (args: string[], extra: Record<string, string> = {}) =>
      run(bin(), args, { cwd: project, env: { ...env, ...extra } });
    const server = spawn(bin(), ['start'], {
      cwd: project,
      env: { ...env, PORTCULLIS_PORT: String(port) },
      stdio: 'pipe',
    });
    let output = '';
    server.stdout.on('data', (d) => {
      output += String(d);
    });
    server.stderr.on('data', (d) => {
      output += String(d);
    });
    const exited = new Promise<number | null>((resolve) => server.once('close', resolve));
    try {
      const health = await eventually(
        () =>
          fetch(`${url}/health`).then(
            (r) => (r.ok ? r.json() : undefined),
            () => undefined,
          ),
        { what: `GET /health answers (output so far: ${output})`, timeoutMs: 60_000, everyMs: 250 },
      );
      expect(health).toEqual({ status: 'ok' });
      expect(await (await fetch(`${url}/`)).text()).toContain('<div id="root">');
      // The generated administrator password, printed once on the first start.
      const password = /admin password: (\S+)/.exec(output)?.[1];
      expect(password).toBeDefined();

      await portcullis(['login', '--url', url, '--email', 'admin@acme.example'], {
        PORTCULLIS_PASSWORD: password!,
      });
      const made = await portcullis(['quickstart', 'nightly-etl', '--role', 'Read only', '--json']);
      const { clientId, clientSecret } = JSON.parse(made.stdout);
      expect(clientSecret).toMatch(/^pcs_/);
      const token = await portcullis(['token', '--url', url], {
        PORTCULLIS_CLIENT_ID: clientId,
        PORTCULLIS_CLIENT_SECRET: clientSecret,
      });
      const roles = await fetch(`${url}/api/v1/roles`, {
        headers: { authorization: `Bearer ${token.stdout.trim()}` },
      });
      expect(roles.status).toBe(200);

      const copy = join(scratch, 'backup.db');
      const backup = await portcullis(['backup', copy, '--json']);
      expect(JSON.parse(backup.stdout)).toMatchObject({ backup: copy });
      expect(output).not.toContain(clientSecret);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
