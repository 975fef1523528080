import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnDefaultEngine } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { type ProcessRun, runProcess } from '../support/run-process.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

type Finished = ProcessRun;

/** `portcullis sql …` as a subprocess, with only the PORTCULLIS_ variables given here. */
function portcullisSql(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<Finished> {
  const scrubbed = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('PORTCULLIS_')),
  );
  return runProcess(process.execPath, [cli, 'sql', ...args], {
    env: { ...scrubbed, ...options.env },
    stdin: options.stdin,
  });
}

/** The same, on a terminal: util-linux `script` gives the command a pseudo-terminal for its input. */
function portcullisSqlOnTerminal(): Promise<Finished> {
  const child = spawn('script', ['-qec', `"${process.execPath}" "${cli}" sql`, '/dev/null'], {
    stdio: 'pipe',
  });
  let stdout = '';
  child.stdout.on('data', (d) => {
    stdout += String(d);
  });
  child.stdin.end();
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr: '' })));
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The cells of the table row that starts with `first`, as drawn by the table output. */
function tableRow(output: string, first: string): string[] | undefined {
  return output
    .split('\n')
    .filter((line) => line.startsWith('│'))
    .map((line) =>
      line
        .split('│')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .find((cells) => cells[0] === first);
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" (npm test does it first)`);
});

describeOnDefaultEngine('portcullis sql against a server on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let workDir: string;
  const env = () => ({ PORTCULLIS_URL: server.baseUrl, PORTCULLIS_TOKEN: admin });
  const roleNames = async () =>
    (await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin })).body.items.map(
      (role: { name: string }) => role.name,
    );

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
    workDir = mkdtempSync(path.join(tmpdir(), 'portcullis-sql-cli-'));
  });
  afterAll(async () => {
    rmSync(workDir, { recursive: true, force: true });
    await server?.close();
  });

  it('prints the rows of a statement given with -e as a table', async () => {
    await api(server.baseUrl, 'POST', '/api/v1/service-accounts', { token: admin, body: { name: 'tabled' } });
    const run = await portcullisSql(
      [
        '-e',
        "SELECT service_account_name, is_enabled, network_policy_name FROM information_schema.service_accounts WHERE service_account_name = 'tabled'",
      ],
      { env: env() },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(tableRow(run.stdout, 'service_account_name')).toEqual([
      'service_account_name',
      'is_enabled',
      'network_policy_name',
    ]);
    expect(tableRow(run.stdout, 'tabled')).toEqual(['tabled', 'true', 'NULL']);
    expect(run.stdout).toContain('(1 row)');
  });

  it('runs a file of several statements in order: a line for each change, a table for each query', async () => {
    const file = path.join(workDir, 'setup.sql');
    writeFileSync(
      file,
      `-- the reporting set-up
CREATE ROLE analysts;
CREATE SERVICE ACCOUNT "reporting" WITH DESCRIPTION = 'nightly reports';
SELECT service_account_name, service_account_description
  FROM information_schema.service_accounts WHERE service_account_name = 'reporting';
CREATE USER reporter WITH SERVICE_ACCOUNT = reporting;
`,
    );
    const run = await portcullisSql([file], { env: env() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('OK  CREATE ROLE analysts');
    expect(lines[1]).toBe('OK  CREATE SERVICE ACCOUNT "reporting" WITH DESCRIPTION = \'nightly reports\'');
    expect(tableRow(run.stdout, 'reporting')).toEqual(['reporting', 'nightly reports']);
    expect(lines.at(-2)).toBe('OK  CREATE USER reporter WITH SERVICE_ACCOUNT = reporting');
    expect(await roleNames()).toContain('analysts');
    const users = (await api(server.baseUrl, 'GET', '/api/v1/users', { token: admin })).body.items;
    expect(users.map((user: { name: string }) => user.name)).toContain('reporter');
  });

  it('reads the script from standard input when given no file and no -e', async () => {
    const run = await portcullisSql([], { env: env(), stdin: 'CREATE ROLE from_stdin;\n' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('OK  CREATE ROLE from_stdin\n');
    expect(await roleNames()).toContain('from_stdin');
  });

  it('prints the API’s answer as one JSON document with --format json', async () => {
    const run = await portcullisSql(['--format', 'json', '-e', 'CREATE ROLE json_role; SHOW ROLES'], {
      env: env(),
    });
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer.statements).toHaveLength(2);
    expect(answer.statements[0]).toEqual({
      index: 0,
      statement: 'CREATE ROLE json_role',
      line: 1,
      column: 1,
      columns: [],
      rows: [],
    });
    expect(answer.statements[1].columns[0]).toEqual({ name: 'role_name', type: 'text' });
    expect(answer.statements[1].rows.map((row: unknown[]) => row[0])).toContain('json_role');
  });

  it('exits 1 on a refusal, with the code, message, place and failing statement on stderr', async () => {
    const run = await portcullisSql(
      ['-e', 'CREATE ROLE before_refusal;\nCREATE SERVICE ACCOUNT bad WITH NETWORK_POLICY = no_such_policy;'],
      { env: env() },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('OK  CREATE ROLE before_refusal\n');
    const [headline, place] = run.stderr.split('\n');
    expect(headline).toMatch(/^ERROR {2}not_found: .*no_such_policy/);
    expect(place).toBe(
      '  at line 2, column 1, in statement 2: CREATE SERVICE ACCOUNT bad WITH NETWORK_POLICY = no_such_policy',
    );
    expect(run.stderr).toMatch(/request id: req_\w+/);

    const json = await portcullisSql(['--format', 'json', '-e', 'DROP ROLE no_such_role'], { env: env() });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).error.code).toBe('not_found');
    expect(json.stderr).toMatch(/^ERROR {2}not_found: /);
  });

  it('exits 1 naming the refusal when the token is not accepted', async () => {
    const run = await portcullisSql(['-e', 'SHOW ROLES'], {
      env: { PORTCULLIS_URL: server.baseUrl, PORTCULLIS_TOKEN: 'not-a-token' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ERROR {2}unauthenticated: /);
  });

  it('acts in the account --account names', async () => {
    await api(server.baseUrl, 'POST', '/api/v1/accounts', { token: admin, body: { name: 'staging' } });
    const created = await portcullisSql(['--account', 'staging', '-e', 'CREATE USER in_staging'], {
      env: env(),
    });
    expect(created.code).toBe(0);
    const read = 'SELECT user_name FROM information_schema.users';
    const inStaging = await portcullisSql(['--account', 'staging', '-e', read], { env: env() });
    expect(tableRow(inStaging.stdout, 'in_staging')).toEqual(['in_staging']);
    const inDefault = await portcullisSql(['-e', read], { env: env() });
    expect(inDefault.code).toBe(0);
    expect(tableRow(inDefault.stdout, 'in_staging')).toBeUndefined();
  });

  it('exchanges PORTCULLIS_CLIENT_ID and PORTCULLIS_CLIENT_SECRET for a token', async () => {
    const client = await createUsableServiceAccount(server.baseUrl, admin, 'automation');
    const users = (await api(server.baseUrl, 'GET', '/api/v1/users', { token: admin })).body.items;
    const user = users.find(
      (u: { serviceAccountId: string | null }) => u.serviceAccountId === client.clientId,
    );
    const roles = (await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin })).body.items;
    const adminRole = roles.find((role: { name: string }) => role.name === 'Admin');
    const granted = await api(server.baseUrl, 'PUT', `/api/v1/users/${user.id}/roles/${adminRole.id}`, {
      token: admin,
    });
    expect(granted.status).toBeLessThan(300);

    const clientEnv = {
      PORTCULLIS_URL: server.baseUrl,
      PORTCULLIS_CLIENT_ID: client.clientId,
      PORTCULLIS_CLIENT_SECRET: client.clientSecret,
    };
    const run = await portcullisSql(['-e', 'CREATE ROLE by_automation'], { env: clientEnv });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await roleNames()).toContain('by_automation');

    const wrong = await portcullisSql(['-e', 'SHOW ROLES'], {
      env: { ...clientEnv, PORTCULLIS_CLIENT_SECRET: 'a wrong secret' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('invalid_client');
    expect(wrong.stderr).not.toContain('a wrong secret');
  });

  it('prints the secret CALL fb_GENERATESERVICEACCOUNTKEY makes, which works at /oauth/token, and logs it nowhere', async () => {
    const run = await portcullisSql(
      [
        '-e',
        "CREATE SERVICE ACCOUNT keyed; CREATE USER keyed_user WITH SERVICE_ACCOUNT = keyed; CALL fb_GENERATESERVICEACCOUNTKEY('keyed');",
      ],
      { env: env() },
    );
    expect(run.code).toBe(0);
    expect(tableRow(run.stdout, 'service_account_name')).toEqual([
      'service_account_name',
      'service_account_id',
      'secret',
    ]);
    const [, clientId, secret] = tableRow(run.stdout, 'keyed') ?? [];
    expect(secret).toBeTruthy();
    const issued = await tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: clientId!,
      client_secret: secret!,
    });
    expect(issued.status).toBe(200);
    expect(run.stdout.split(secret!)).toHaveLength(2);
    expect(run.stderr).not.toContain(secret);
    expect(server.logs.join('')).not.toContain(secret);
  });
});

describe('portcullis sql before any server answers', () => {
  const token = { PORTCULLIS_TOKEN: 'any' };

  it('exits 3 when the server cannot be reached', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await portcullisSql(['--url', url, '-e', 'SHOW ROLES'], { env: token });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`cannot reach ${url}`);
  });

  it('prints its usage and exits 2 when given nothing to run on a terminal', async () => {
    const run = await portcullisSqlOnTerminal();
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Usage: portcullis sql [options] [file]');
    expect(run.stdout).toContain('Exit codes:');
  });

  it('exits 2 on other usage errors', async () => {
    const usage = [
      await portcullisSql([], { env: token, stdin: '  \n' }),
      await portcullisSql(['setup.sql', '-e', 'SHOW ROLES'], { env: token }),
      await portcullisSql(['--format', 'xml', '-e', 'SHOW ROLES'], { env: token }),
      await portcullisSql(['does-not-exist.sql'], { env: token }),
      await portcullisSql(['--url', 'ftp://example.com', '-e', 'SHOW ROLES'], { env: token }),
      await portcullisSql(['-e', 'SHOW ROLES']),
    ];
    expect(usage.map((run) => run.code)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(usage.map((run) => run.stderr.split('\n')[0])).toEqual([
      'portcullis: the script is empty: nothing to run',
      'portcullis: give a file or -e, not both',
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json.",
      expect.stringContaining('portcullis: cannot read does-not-exist.sql: ENOENT'),
      'portcullis: ftp://example.com: expected an http:// or https:// URL',
      expect.stringContaining('portcullis: no credentials'),
    ]);
  });

  it('shows examples and the exit codes in its help', async () => {
    const run = await portcullisSql(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("$ portcullis sql -e 'SHOW SERVICE ACCOUNTS'");
    expect(run.stdout).toMatch(/^ {2}3 {2}the server cannot be reached$/m);
  });
});
