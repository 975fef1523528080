import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

interface Run {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string>): Run {
  const scrubbed = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('PORTCULLIS_')),
  );
  const child = spawn(process.execPath, [cli, ...args], { env: { ...scrubbed, ...env }, stdio: 'pipe' });
  const result: Run = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  child.stdout?.on('data', (d) => {
    result.stdout += String(d);
  });
  child.stderr?.on('data', (d) => {
    result.stderr += String(d);
  });
  return result;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, process: Run): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null) throw new Error(`server exited early: ${process.stderr}`);
    try {
      if ((await fetch(`${url}/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer: ${process.stdout}\n${process.stderr}`);
}

/** `portcullis start` as a user runs it: a fresh directory, no configuration at all but a port. */
describe('the portcullis command', () => {
  let workDir: string;
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" (npm test does it first)`);
    workDir = mkdtempSync(path.join(tmpdir(), 'portcullis-cli-'));
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('starts on embedded SQLite under ./data, prints a generated admin password once, and restarts cleanly', async () => {
    const port = await freePort();
    const dataDir = path.join(workDir, 'data');
    const env = { PORTCULLIS_PORT: String(port), PORTCULLIS_DATA_DIR: dataDir };

    const first = run(['start'], env);
    await waitForHealth(`http://127.0.0.1:${port}`, first);
    const password = /admin password: (\S+)/.exec(first.stdout)?.[1];
    expect(password).toBeDefined();
    expect(first.stdout).toContain('PORTCULLIS_MASTER_KEY');
    expect(statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(dataDir, 'portcullis.db'))).toBe(true);

    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@acme.example', password }),
    });
    expect(login.status).toBe(200);
    // The password goes to the terminal once, never through the logger.
    expect(first.stdout.split(password!).length - 1).toBe(1);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = run(['start'], env);
    await waitForHealth(`http://127.0.0.1:${port}`, second);
    expect(second.stdout).not.toContain('admin password');
    expect(second.stdout).not.toContain('generated a master key');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('warns that the bootstrap administrator settings are ignored on a database that has its administrator', async () => {
    const port = await freePort();
    const password = 'a password nobody may read';
    const env = {
      PORTCULLIS_PORT: String(port),
      PORTCULLIS_DATA_DIR: path.join(workDir, 'bootstrapped'),
      PORTCULLIS_ADMIN_EMAIL: 'admin@acme.example',
      PORTCULLIS_ADMIN_PASSWORD: password,
    };
    const first = run(['start'], env);
    await waitForHealth(`http://127.0.0.1:${port}`, first);
    expect(first.stdout).not.toContain('ignored');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = run(['start'], { ...env, PORTCULLIS_ADMIN_PASSWORD: 'a different password' });
    await waitForHealth(`http://127.0.0.1:${port}`, second);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const warning = second.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
      .find((line) => line.ignored);
    expect(warning).toMatchObject({
      level: 40,
      ignored: ['PORTCULLIS_ADMIN_EMAIL', 'PORTCULLIS_ADMIN_PASSWORD'],
    });
    expect(warning.msg).toContain('made on an empty database only');
    expect(warning.msg).toContain(path.join(env.PORTCULLIS_DATA_DIR, 'portcullis.db'));
    expect(second.stdout).not.toContain('a different password');
    expect(second.stdout).not.toContain(password);
  });

  it('logs JSON lines to a pipe, and readable lines when PORTCULLIS_LOG_FORMAT=pretty', async () => {
    const port = await freePort();
    const env = { PORTCULLIS_PORT: String(port), PORTCULLIS_DATA_DIR: path.join(workDir, 'formats') };
    const json = run(['start'], env);
    await waitForHealth(`http://127.0.0.1:${port}`, json);
    json.child.kill('SIGTERM');
    expect(await json.exited).toBe(0);
    const listening = json.stdout.split('\n').find((line) => line.includes('Server listening'));
    expect(JSON.parse(listening ?? '')).toMatchObject({
      level: 30,
      msg: expect.stringContaining(String(port)),
    });

    const pretty = run(['start'], { ...env, PORTCULLIS_LOG_FORMAT: 'pretty' });
    await waitForHealth(`http://127.0.0.1:${port}`, pretty);
    pretty.child.kill('SIGTERM');
    expect(await pretty.exited).toBe(0);
    expect(pretty.stdout).toMatch(
      /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: Server listening at http:\/\/127\.0\.0\.1:\d+$/m,
    );
    expect(pretty.stdout).toMatch(/INFO: incoming request GET \/health \{"reqId":"req_\w+"\}$/m);
    expect(pretty.stdout).not.toMatch(/^\{/m);
  });

  it('stops with a message naming a malformed setting', async () => {
    const bad = run(['start'], { PORTCULLIS_PORT: 'eighty', PORTCULLIS_DATA_DIR: path.join(workDir, 'bad') });
    expect(await bad.exited).toBe(78);
    expect(bad.stderr).toMatch(/configuration error: PORTCULLIS_PORT: expected an integer/);
  });

  it('stops with a message naming an unknown setting', async () => {
    const bad = run(['start'], {
      PORTCULLIS_LOGLEVEL: 'debug',
      PORTCULLIS_DATA_DIR: path.join(workDir, 'bad'),
    });
    expect(await bad.exited).toBe(78);
    expect(bad.stderr).toContain('PORTCULLIS_LOGLEVEL: unknown setting');
  });

  it('rotates the signing key with "portcullis keys rotate", on a database that exists', async () => {
    const env = { PORTCULLIS_DATA_DIR: path.join(workDir, 'rotate') };
    const missing = run(['keys', 'rotate'], env);
    expect(await missing.exited).toBe(1);
    expect(await run(['migrate'], env).exited).toBe(0);
    const first = run(['keys', 'rotate'], env);
    expect(await first.exited).toBe(0);
    const [, retired, current] = /rotated: (key_\w+) retired, (key_\w+) current/.exec(first.stdout) ?? [];
    expect(retired).toBeDefined();
    expect(current).not.toBe(retired);
    const second = run(['keys', 'rotate'], env);
    expect(await second.exited).toBe(0);
    expect(second.stdout).toContain(`rotated: ${current} retired`);
  });

  it('migrates a database with "portcullis migrate" and reports an up-to-date one', async () => {
    const env = { PORTCULLIS_DATA_DIR: path.join(workDir, 'migrate') };
    const first = run(['migrate'], env);
    expect(await first.exited).toBe(0);
    expect(first.stdout).toContain('applied: 0001-initial');
    const second = run(['migrate'], env);
    expect(await second.exited).toBe(0);
    expect(second.stdout).toContain('database is up to date');
  });
});
