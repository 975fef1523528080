import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalScope } from '../support/canonical-scope.js';
import { describeOnDefaultEngine } from '../support/engines.js';
import { adminToken, api, tokenRequest } from '../support/http-client.js';
import { type ProcessRun, runProcess } from '../support/run-process.js';
import { adminEmail, adminPassword, startTestServer, type TestServer } from '../support/test-server.js';

const launcher = fileURLToPath(new URL('../../bin/portcullis.js', import.meta.url));
const compiled = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

interface Finished extends ProcessRun {
  args: string[];
}

/** Every run of the command in this file, to show afterwards where each secret was printed. */
const runs: Finished[] = [];

/**
 * The installed command (its bin, `bin/portcullis.js`) as a subprocess, with only the PORTCULLIS_
 * variables given here, and a HOME and config folder of the test's own unless it gives them.
 */
function portcullis(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string; home?: string } = {},
): Promise<Finished> {
  const scrubbed = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('PORTCULLIS_') && k !== 'XDG_CONFIG_HOME'),
  );
  const home = options.home ?? emptyHome;
  return runProcess(process.execPath, [launcher, ...args], {
    env: { ...scrubbed, HOME: home, ...options.env },
    stdin: options.stdin,
  }).then((run) => {
    const finished = { args, ...run };
    runs.push(finished);
    return finished;
  });
}

function loginOnTerminal(url: string, config: string, answers: Record<string, string>): Promise<Finished> {
  const args = ['login', '--url', url];
  const child = spawn(
    'script',
    ['-qec', `"${process.execPath}" "${launcher}" ${args.join(' ')}`, '/dev/null'],
    {
      env: { ...process.env, XDG_CONFIG_HOME: config, HOME: emptyHome },
      stdio: 'pipe',
    },
  );
  let stdout = '';
  const pending = new Map(Object.entries(answers));
  child.stdout.on('data', (d) => {
    stdout += String(d);
    for (const [prompt, answer] of pending) {
      if (stdout.includes(prompt)) {
        pending.delete(prompt);
        child.stdin.write(`${answer}\n`);
      }
    }
  });
  return new Promise((resolve) =>
    child.once('close', (code) => {
      const finished = { args, code, stdout, stderr: '' };
      runs.push(finished);
      resolve(finished);
    }),
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The value of the field-per-line table's row `heading`. */
function field(output: string, heading: string): string | undefined {
  const row = output
    .split('\n')
    .map((line) =>
      line
        .split('│')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .find((cells) => cells[0] === heading);
  return row?.[1];
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

let emptyHome: string;
beforeAll(() => {
  if (!existsSync(compiled))
    throw new Error(`${compiled} is missing: run "npm run build" (npm test does it first)`);
  emptyHome = mkdtempSync(path.join(tmpdir(), 'portcullis-cli-home-'));
});
afterAll(() => rmSync(emptyHome, { recursive: true, force: true }));

describeOnDefaultEngine('portcullis admin commands against a server on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let env: () => Record<string, string>;
  /** Each secret a command printed, and the run that created it. */
  const created: { secret: string; run: Finished }[] = [];

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
    env = () => ({ PORTCULLIS_URL: server.baseUrl, PORTCULLIS_TOKEN: admin });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('login stores the URL and a token in $XDG_CONFIG_HOME/portcullis/config.json, mode 0600, which later commands use until logout', async () => {
    const config = mkdtempSync(path.join(tmpdir(), 'portcullis-cli-config-'));
    const xdg = { XDG_CONFIG_HOME: config };
    try {
      const login = await portcullis(['login', '--url', server.baseUrl, '--email', adminEmail], {
        env: xdg,
        stdin: `${adminPassword}\n`,
      });
      expect(login.stderr).toBe('');
      expect(login.code).toBe(0);
      const file = path.join(config, 'portcullis', 'config.json');
      expect(login.stdout).toContain(`as ${adminEmail}`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const stored = JSON.parse(readFileSync(file, 'utf8'));
      expect(stored.url).toBe(`${server.baseUrl}/`);
      expect(readFileSync(file, 'utf8')).not.toContain(adminPassword);
      expect(login.stdout).not.toContain(stored.token);

      const listed = await portcullis(['roles', 'list', '--json'], { env: xdg });
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout).map((role: { name: string }) => role.name)).toContain('Read only');
      // The stored token goes to its own server only.
      const elsewhere = await portcullis(['roles', 'list', '--url', 'http://127.0.0.1:9'], { env: xdg });
      expect(elsewhere.code).toBe(2);
      expect(elsewhere.stderr).toContain('no credentials for http://127.0.0.1:9/');

      const logout = await portcullis(['logout'], { env: xdg });
      expect(logout.code).toBe(0);
      expect(existsSync(file)).toBe(false);
      expect((await api(server.baseUrl, 'GET', '/api/v1/roles', { token: stored.token })).status).toBe(401);
      expect(
        (await portcullis(['roles', 'list'], { env: { ...xdg, PORTCULLIS_URL: server.baseUrl } })).code,
      ).toBe(2);
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });

  it('login with --client-id takes the secret from PORTCULLIS_CLIENT_SECRET and stores under ~/.config without XDG_CONFIG_HOME', async () => {
    const made = await portcullis(['quickstart', 'login_bot', '--role', 'Admin', '--json'], { env: env() });
    const { clientId, clientSecret } = JSON.parse(made.stdout);
    created.push({ secret: clientSecret, run: made });
    const home = mkdtempSync(path.join(tmpdir(), 'portcullis-cli-home-'));
    try {
      const login = await portcullis(['login', '--url', server.baseUrl, '--client-id', clientId], {
        home,
        env: { PORTCULLIS_CLIENT_SECRET: clientSecret },
      });
      expect(login.stderr).toBe('');
      expect(login.code).toBe(0);
      const file = path.join(home, '.config', 'portcullis', 'config.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).not.toContain(clientSecret);
      const listed = await portcullis(['service-accounts', 'list', '--json'], {
        home,
        env: { PORTCULLIS_URL: server.baseUrl },
      });
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout).map((sa: { id: string }) => sa.id)).toContain(clientId);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('login on a terminal asks for the email and the password, and does not show the password', async () => {
    const config = mkdtempSync(path.join(tmpdir(), 'portcullis-cli-config-'));
    try {
      const login = await loginOnTerminal(server.baseUrl, config, {
        'Email:': adminEmail,
        'Password:': adminPassword,
      });
      expect(login.code).toBe(0);
      expect(login.stdout).toContain(`Logged in to ${server.baseUrl}/ as ${adminEmail}`);
      expect(login.stdout).not.toContain(adminPassword);
      const stored = JSON.parse(readFileSync(path.join(config, 'portcullis', 'config.json'), 'utf8'));
      expect((await api(server.baseUrl, 'GET', '/api/v1/roles', { token: stored.token })).status).toBe(200);
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });

  it('a stored login past its expiry exits 2 and says to log in again', async () => {
    const config = mkdtempSync(path.join(tmpdir(), 'portcullis-cli-config-'));
    try {
      mkdirSync(path.join(config, 'portcullis'));
      writeFileSync(
        path.join(config, 'portcullis', 'config.json'),
        JSON.stringify({ url: `${server.baseUrl}/`, token: admin, expiresAt: 1, signedInAs: adminEmail }),
      );
      const run = await portcullis(['roles', 'list'], { env: { XDG_CONFIG_HOME: config } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `expired at 1970-01-01T00:00:01.000Z: run "portcullis login --url ${server.baseUrl}/" again`,
      );
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });

  it('login exits 1 with the API’s code on a wrong password, and stores nothing', async () => {
    const config = mkdtempSync(path.join(tmpdir(), 'portcullis-cli-config-'));
    try {
      const login = await portcullis(['login', '--url', server.baseUrl, '--email', adminEmail], {
        env: { XDG_CONFIG_HOME: config, PORTCULLIS_PASSWORD: 'not the password' },
      });
      expect(login.code).toBe(1);
      expect(login.stderr).toMatch(/^portcullis: invalid_credentials: /);
      expect(login.stderr + login.stdout).not.toContain('not the password');
      expect(existsSync(path.join(config, 'portcullis', 'config.json'))).toBe(false);
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });

  it('quickstart makes a service account, its user with the role, and a secret that works with the curl printed', async () => {
    const run = await portcullis(['quickstart', 'reporting', '--role', 'Read only'], { env: env() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const clientId = field(run.stdout, 'client id')!;
    const secret = field(run.stdout, 'client secret')!;
    created.push({ secret, run });
    expect(run.stdout).toContain(`curl -sS -u '${clientId}:${secret}' -d grant_type=client_credentials`);
    const issued = await tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
    });
    expect(issued.status).toBe(200);
    expect(canonicalScope(issued.body.scope)).toBe('*:get *:list');
    const users = (await api(server.baseUrl, 'GET', '/api/v1/users', { token: admin })).body.items;
    expect(users.find((u: { serviceAccountId: string }) => u.serviceAccountId === clientId)?.name).toBe(
      'reporting',
    );
  });

  it('quickstart exits 1 on an unknown role and leaves nothing behind', async () => {
    const run = await portcullis(['quickstart', 'half_made', '--role', 'no such role'], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('portcullis: not_found: no role is named no such role\n');
    const accounts = (await api(server.baseUrl, 'GET', '/api/v1/service-accounts', { token: admin })).body
      .items;
    expect(accounts.map((sa: { name: string }) => sa.name)).not.toContain('half_made');
  });

  it('service-accounts create, list, get, edit and delete, as tables and as JSON', async () => {
    const made = await portcullis(
      ['service-accounts', 'create', 'nightly-etl', '--description', 'loads', '--json'],
      {
        env: env(),
      },
    );
    expect(made.code).toBe(0);
    const sa = JSON.parse(made.stdout);
    expect(sa).toMatchObject({ name: 'nightly-etl', description: 'loads', enabled: true });

    const list = await portcullis(['service-accounts', 'list', '--name', 'nightly'], { env: env() });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`│ ${sa.id} │ nightly-etl │ true`);
    expect(list.stdout).toContain('(1 row)');

    const got = await portcullis(['sa', 'get', 'nightly-etl'], { env: env() });
    expect(field(got.stdout, 'id (client id)')).toBe(sa.id);
    expect(field(got.stdout, 'description')).toBe('loads');

    const edited = await portcullis(
      ['service-accounts', 'edit', sa.id, '--disable', '--description', 'x', '--json'],
      {
        env: env(),
      },
    );
    expect(edited.code).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({ enabled: false, description: 'x' });

    const deleted = await portcullis(['service-accounts', 'delete', 'nightly-etl'], { env: env() });
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe(`deleted service account nightly-etl (${sa.id})\n`);
    expect(
      (await api(server.baseUrl, 'GET', `/api/v1/service-accounts/${sa.id}`, { token: admin })).status,
    ).toBe(404);
  });

  it('service-accounts delete exits 1 with the API’s code and message while a user is tied to it', async () => {
    const made = await portcullis(['quickstart', 'tied', '--json'], { env: env() });
    created.push({ secret: JSON.parse(made.stdout).clientSecret, run: made });
    const run = await portcullis(['service-accounts', 'delete', 'tied'], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^portcullis: service_account_linked: .+ \(request id req_\w+\)\n$/);
  });

  it('secrets generate with --grace keeps the old secret working; list shows no secret; revoke stops one', async () => {
    const first = await portcullis(['quickstart', 'rotating', '--json'], { env: env() });
    const old = JSON.parse(first.stdout);
    created.push({ secret: old.clientSecret, run: first });

    const rotated = await portcullis(['secrets', 'generate', 'rotating', '--grace', '1h'], { env: env() });
    expect(rotated.code).toBe(0);
    const secret = field(rotated.stdout, 'client secret')!;
    created.push({ secret, run: rotated });
    expect(rotated.stdout).toContain('shown only now');
    const works = async (clientSecret: string) =>
      (
        await tokenRequest(server.baseUrl, {
          grant_type: 'client_credentials',
          client_id: old.clientId,
          client_secret: clientSecret,
        })
      ).status;
    expect(await works(secret)).toBe(200);
    expect(await works(old.clientSecret)).toBe(200);

    const list = await portcullis(['secrets', 'list', 'rotating', '--json'], { env: env() });
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout);
    expect(listed.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      [old.secretId, 'expiring'],
      [field(rotated.stdout, 'secret id'), 'active'],
    ]);

    const revoked = await portcullis(['secrets', 'revoke', 'rotating', old.secretId], { env: env() });
    expect(revoked.code).toBe(0);
    expect(await works(old.clientSecret)).toBe(401);
    expect(await works(secret)).toBe(200);

    const wrong = await portcullis(['secrets', 'revoke', 'rotating', 'sec_nope'], { env: env() });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^portcullis: not_found: /);
  });

  it('users create ties a service account and grants roles; get, edit and delete it', async () => {
    await portcullis(['service-accounts', 'create', 'warehouse'], { env: env() });
    const made = await portcullis(
      ['users', 'create', 'loader', '--service-account', 'warehouse', '--role', 'Read only', '--json'],
      {
        env: env(),
      },
    );
    expect(made.code).toBe(0);
    const user = JSON.parse(made.stdout);
    const roles = (await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin })).body.items;
    const roleId = (name: string) => roles.find((r: { name: string }) => r.name === name).id;
    expect(user.roleIds).toEqual([roleId('Read only')]);
    expect(user.serviceAccountId).toMatch(/^sa_/);

    const got = await portcullis(['users', 'get', 'loader'], { env: env() });
    expect(field(got.stdout, 'service account')).toBe(user.serviceAccountId);
    expect(field(got.stdout, 'roles')).toBe('Read only');

    const edited = await portcullis(
      [
        'users',
        'edit',
        'loader',
        '--add-role',
        'Admin',
        '--remove-role',
        'Read only',
        '--no-active',
        '--json',
      ],
      { env: env() },
    );
    expect(edited.code).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({ active: false, roleIds: [roleId('Admin')] });

    const untied = await portcullis(['users', 'edit', user.id, '--service-account', 'none', '--json'], {
      env: env(),
    });
    expect(JSON.parse(untied.stdout).serviceAccountId).toBeNull();

    const listed = await portcullis(['users', 'list', '--json'], { env: env() });
    expect(JSON.parse(listed.stdout).map((u: { name: string }) => u.name)).toContain('loader');

    const deleted = await portcullis(['users', 'delete', 'loader'], { env: env() });
    expect(deleted.code).toBe(0);
    expect((await api(server.baseUrl, 'GET', `/api/v1/users/${user.id}`, { token: admin })).status).toBe(404);

    const refused = await portcullis(['users', 'create', 'orphan', '--service-account', 'no-such-sa'], {
      env: env(),
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('portcullis: not_found: no service account is named no-such-sa\n');
  });

  it('roles list and get', async () => {
    const list = await portcullis(['roles', 'list'], { env: env() });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/│ Read only +│ true +│ \*:get \*:list +│/);
    const got = await portcullis(['roles', 'get', 'Read only', '--json'], { env: env() });
    expect(JSON.parse(got.stdout)).toMatchObject({
      name: 'Read only',
      builtin: true,
      permissions: ['*:get', '*:list'],
    });
    const missing = await portcullis(['roles', 'get', 'role_01aaaaaaaaaaaaaaaaaaaaaaaa'], { env: env() });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^portcullis: not_found: /);
  });

  it('roles create, edit and delete a custom role; a built-in role cannot change (exit 1)', async () => {
    const made = await portcullis(
      [
        'roles',
        'create',
        'incident-reader',
        '--permission',
        'incidents:get',
        '--permission',
        'incidents:list',
        '--json',
      ],
      { env: env() },
    );
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ name: 'incident-reader', builtin: false });
    const edited = await portcullis(['roles', 'edit', 'incident-reader', '--permission', 'incidents:list'], {
      env: env(),
    });
    expect(edited.code).toBe(0);
    expect(field(edited.stdout, 'permissions')).toBe('incidents:list');
    const builtin = await portcullis(['roles', 'edit', 'Read only', '--description', 'mine now'], {
      env: env(),
    });
    expect(builtin.code).toBe(1);
    expect(builtin.stderr).toMatch(/^portcullis: \w+: .+\(request id req_\w+\)\n$/);
    const deleted = await portcullis(['roles', 'delete', 'incident-reader'], { env: env() });
    expect(deleted.code).toBe(0);
    const names = (await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin })).body.items.map(
      (role: { name: string }) => role.name,
    );
    expect(names).not.toContain('incident-reader');
  });

  it('network-policies create, edit, get, delete; a service account takes one by name', async () => {
    const made = await portcullis(
      [
        'network-policies',
        'create',
        'office',
        '--allow',
        '203.0.113.0/24',
        '--block',
        '203.0.113.7',
        '--json',
      ],
      { env: env() },
    );
    expect(made.code).toBe(0);
    const policy = JSON.parse(made.stdout);
    expect(policy).toMatchObject({
      name: 'office',
      allowed: ['203.0.113.0/24'],
      blocked: ['203.0.113.7/32'],
    });

    const edited = await portcullis(
      ['network-policies', 'edit', 'office', '--allow', '198.51.100.0/24', '--json'],
      {
        env: env(),
      },
    );
    expect(JSON.parse(edited.stdout).allowed).toEqual(['198.51.100.0/24']);

    await portcullis(['service-accounts', 'create', 'fenced'], { env: env() });
    const attached = await portcullis(
      ['service-accounts', 'edit', 'fenced', '--network-policy', 'office', '--json'],
      {
        env: env(),
      },
    );
    expect(JSON.parse(attached.stdout).networkPolicyId).toBe(policy.id);
    const got = await portcullis(['network-policies', 'get', 'office'], { env: env() });
    expect(field(got.stdout, 'service accounts')).toBe('fenced');

    const refused = await portcullis(['network-policies', 'delete', 'office'], { env: env() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^portcullis: \w+: /);
    const cascaded = await portcullis(['network-policies', 'delete', 'office', '--cascade'], { env: env() });
    expect(cascaded.code).toBe(0);
    const listed = await portcullis(['network-policies', 'list', '--json'], { env: env() });
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it('token prints only an access token, which works as a Bearer token; a wrong secret exits 1 without echoing it', async () => {
    const made = await portcullis(['quickstart', 'scripted', '--json'], { env: env() });
    const { clientId, clientSecret } = JSON.parse(made.stdout);
    created.push({ secret: clientSecret, run: made });
    const fromEnvironment = await portcullis(['token'], {
      env: {
        PORTCULLIS_URL: server.baseUrl,
        PORTCULLIS_CLIENT_ID: clientId,
        PORTCULLIS_CLIENT_SECRET: clientSecret,
      },
    });
    expect(fromEnvironment.stderr).toBe('');
    expect(fromEnvironment.code).toBe(0);
    expect(fromEnvironment.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const token = fromEnvironment.stdout.trim();
    expect((await api(server.baseUrl, 'GET', '/api/v1/roles', { token })).status).toBe(200);

    const fromFlags = await portcullis(
      [
        'token',
        '--url',
        server.baseUrl,
        '--client-id',
        clientId,
        '--scope',
        'portcullis.roles:list',
        '--json',
      ],
      { env: { PORTCULLIS_CLIENT_SECRET: clientSecret } },
    );
    expect(JSON.parse(fromFlags.stdout)).toMatchObject({
      token_type: 'Bearer',
      scope: 'portcullis.roles:list',
    });

    const wrong = await portcullis(['token', '--url', server.baseUrl, '--client-id', clientId], {
      env: { PORTCULLIS_CLIENT_SECRET: 'pcs_wrong_secret' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toContain('invalid_client');
    expect(wrong.stderr).not.toContain('pcs_wrong_secret');
  });

  it('prints each secret once, in the output of the command that created it, and nowhere else', () => {
    expect(created.length).toBeGreaterThanOrEqual(5);
    for (const { secret, run } of created) {
      expect(occurrences(run.stdout, secret)).toBe(run.args.includes('--json') ? 1 : 2);
      expect(run.stderr).not.toContain(secret);
      const elsewhere = runs.filter(
        (other) => other !== run && `${other.stdout}${other.stderr}`.includes(secret),
      );
      // `token` and `login --client-id` were given the secret; they must not print it either.
      expect(elsewhere).toEqual([]);
      expect(server.logs.join('')).not.toContain(secret);
    }
  });
});

describe('the portcullis command before any server answers', () => {
  const subcommands = [
    [],
    ['start'],
    ['migrate'],
    ['openapi'],
    ['keys'],
    ['keys', 'rotate'],
    ['login'],
    ['logout'],
    ['quickstart'],
    ['token'],
    ['sql'],
    ...['list', 'get', 'create', 'edit', 'delete'].map((verb) => ['service-accounts', verb]),
    ...['generate', 'list', 'revoke'].map((verb) => ['secrets', verb]),
    ...['list', 'get', 'create', 'edit', 'delete'].map((verb) => ['users', verb]),
    ...['list', 'get', 'create', 'edit', 'delete'].map((verb) => ['roles', verb]),
    ...['list', 'get', 'create', 'edit', 'delete'].map((verb) => ['network-policies', verb]),
    ...['list', 'get', 'create', 'edit', 'new-secret', 'delete'].map((verb) => ['client-credentials', verb]),
    ...['list', 'create', 'delete'].map((verb) => ['access-keys', verb]),
    ...['list', 'export', 'tail'].map((verb) => ['audit', verb]),
    ['keys', 'list'],
    ['organizations'],
    ['organizations', 'create'],
    ['admin'],
    ['admin', 'reset-password'],
    ['backup'],
    ['restore'],
    ['doctor'],
  ];

  // Some sixty runs of the command: two at a time, one per core.
  it('shows examples in the help of every command', { timeout: 120_000 }, async () => {
    for (let at = 0; at < subcommands.length; at += 2) {
      const pair = subcommands.slice(at, at + 2);
      const helps = await Promise.all(pair.map((command) => portcullis([...command, '--help'])));
      pair.forEach((command, i) => {
        expect({ command, code: helps[i]!.code }).toEqual({ command, code: 0 });
        expect(helps[i]!.stdout, command.join(' ')).toContain(`$ portcullis ${command.join(' ')}`.trimEnd());
      });
    }
  });

  it('prints its version with --version, also through npx at the repository root', async () => {
    const run = await portcullis(['--version']);
    expect(run.stdout).toBe(`${version}\n`);
    const npx = await new Promise<string>((resolve) => {
      const child = spawn('npx', ['--no-install', 'portcullis', '--version'], {
        cwd: repositoryRoot,
        stdio: 'pipe',
      });
      let out = '';
      child.stdout.on('data', (d) => {
        out += String(d);
      });
      child.once('close', () => resolve(out));
    });
    expect(npx).toBe(`${version}\n`);
  });

  it('exits 3 when the server cannot be reached, and 2 on usage errors', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const unreachable = await portcullis(['service-accounts', 'list', '--url', url], {
      env: { PORTCULLIS_TOKEN: 'x' },
    });
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toContain(`cannot reach ${url}`);
    const usage = [
      await portcullis(['users', 'get']),
      await portcullis(['service-accounts', 'frobnicate']),
      await portcullis(['secrets', 'generate', 'x', '--grace', 'soon'], { env: { PORTCULLIS_TOKEN: 'x' } }),
      await portcullis(['service-accounts', 'edit', 'x'], { env: { PORTCULLIS_TOKEN: 'x' } }),
      await portcullis(['token', '--url', url]),
      await portcullis(['roles', 'list', '--url', url]),
    ];
    expect(usage.map((run) => run.code)).toEqual([2, 2, 2, 2, 2, 2]);
  });
});
