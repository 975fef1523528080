import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enginesUnderTest } from '../support/engines.js';
import { eventually } from '../support/eventually.js';
import { adminToken, api, tokenRequest } from '../support/http-client.js';
import { type CommandRun, portcullisCommand, startPortcullisCommand } from '../support/portcullis-command.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/**
 * These commands reach storage only through the API, whose routes the storage suite runs on both engines:
 * one engine shows the command does its part.
 */
const engine = enginesUnderTest().find((candidate) => candidate.engine === 'sqlite')!;

describe('portcullis client-credentials, access-keys and audit against a running server', () => {
  let server: TestServer;
  let home: string;
  let env: Record<string, string>;
  /** Every run, and each secret with the run that created it, to show where each secret was printed. */
  const runs: CommandRun[] = [];
  const created: { secret: string; run: CommandRun }[] = [];
  const portcullis = async (args: string[]) => {
    const run = await portcullisCommand(args, env);
    runs.push(run);
    return run;
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    home = mkdtempSync(path.join(tmpdir(), 'portcullis-cli-home-'));
    env = {
      HOME: home,
      PORTCULLIS_URL: server.baseUrl,
      PORTCULLIS_TOKEN: await adminToken(server.baseUrl),
    };
  });
  afterAll(async () => {
    await server?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('client-credentials create, list, get, edit, new-secret and delete; each secret gets a token', {
    timeout: 60_000,
  }, async () => {
    const made = await portcullis([
      'client-credentials',
      'create',
      'weekly-report',
      '--preset',
      'read-only',
      '--json',
    ]);
    expect(made.code).toBe(0);
    const credential = JSON.parse(made.stdout);
    created.push({ secret: credential.clientSecret, run: made });
    expect(credential.permissions).toEqual(['*:get', '*:list']);
    const token = (secret: string) =>
      tokenRequest(
        server.baseUrl,
        { grant_type: 'client_credentials' },
        { basic: { id: credential.clientId, secret } },
      );
    expect((await token(credential.clientSecret)).status).toBe(200);

    const table = await portcullis(['client-credentials', 'list']);
    expect(table.stdout).toContain('weekly-report');
    expect(table.stdout).toContain('*:get *:list');
    const listed = JSON.parse((await portcullis(['client-credentials', 'list', '--json'])).stdout);
    expect(listed.map((c: { id: string }) => c.id)).toEqual([credential.id]);

    const disabled = await portcullis(['client-credentials', 'edit', 'weekly-report', '--disable', '--json']);
    expect(JSON.parse(disabled.stdout).enabled).toBe(false);
    expect((await token(credential.clientSecret)).status).toBe(401);
    await portcullis(['client-credentials', 'edit', credential.id, '--enable']);

    const renewed = await portcullis(['client-credentials', 'new-secret', 'weekly-report', '--json']);
    const { clientSecret } = JSON.parse(renewed.stdout);
    created.push({ secret: clientSecret, run: renewed });
    expect((await token(clientSecret)).status).toBe(200);
    expect((await token(credential.clientSecret)).status).toBe(401);

    const shown = await portcullis(['client-credentials', 'get', 'weekly-report']);
    expect(shown.stdout).toMatch(/enabled\s+│ true/);
    expect((await portcullis(['client-credentials', 'delete', 'weekly-report'])).code).toBe(0);
    const gone = await portcullis(['client-credentials', 'get', credential.id]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('not_found');
  });

  it('client-credentials create exits 1 with the API’s code for a permission outside the catalog, and makes nothing', async () => {
    const refused = await portcullis([
      'client-credentials',
      'create',
      'odd',
      '--permission',
      'nonsense:frobnicate',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^portcullis: [a-z_]+: /);
    expect(refused.stdout).toBe('');
    const listed = JSON.parse((await portcullis(['client-credentials', 'list', '--json'])).stdout);
    expect(listed).toEqual([]);
  });

  // The longer tests run the command a dozen times, each a second or two on a busy machine.
  it('access-keys create, list and delete; the pair logs in at /v2/login', { timeout: 60_000 }, async () => {
    const made = await portcullis([
      'access-keys',
      'create',
      '--description',
      'terraform on my laptop',
      '--json',
    ]);
    expect(made.code).toBe(0);
    const { accessKey, secretKey } = JSON.parse(made.stdout);
    created.push({ secret: secretKey, run: made });
    const login = await api(server.baseUrl, 'POST', '/v2/login', { body: { accessKey, secretKey } });
    expect(login.status).toBe(200);

    const listed = JSON.parse((await portcullis(['access-keys', 'list', '--json'])).stdout);
    expect(listed).toEqual([expect.objectContaining({ accessKey, description: 'terraform on my laptop' })]);
    expect((await portcullis(['access-keys', 'list'])).stdout).toContain(accessKey);

    expect((await portcullis(['access-keys', 'delete', accessKey])).code).toBe(0);
    const again = await portcullis(['access-keys', 'delete', accessKey]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not_found');
    expect((await api(server.baseUrl, 'POST', '/v2/login', { body: { accessKey, secretKey } })).status).toBe(
      401,
    );
  });

  it('audit list filters, as a table and as JSON; export streams the same events as NDJSON; a bad filter is usage', {
    timeout: 60_000,
  }, async () => {
    const listed = await portcullis([
      'audit',
      'list',
      '--action',
      'client_credential.*',
      '--limit',
      '500',
      '--json',
    ]);
    expect(listed.code).toBe(0);
    const events = JSON.parse(listed.stdout) as { id: string; action: string }[];
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.every((event) => event.action.startsWith('client_credential.'))).toBe(true);
    expect((await portcullis(['audit', 'list', '--action', 'client_credential.*'])).stdout).toContain(
      'client_credential.deleted',
    );

    const exported = await portcullis(['audit', 'export', '--action', 'client_credential.*']);
    expect(exported.code).toBe(0);
    const lines = exported.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string });
    expect(lines.map((event) => event.id)).toEqual(events.map((event) => event.id));

    const bad = await portcullis(['audit', 'list', '--result', 'maybe']);
    expect(bad.code).toBe(2);
  });

  it('audit tail shows the last events, then each new one once, as it happens', async () => {
    const tail = startPortcullisCommand(['audit', 'tail', '-n', '2', '--interval', '1', '--json'], env);
    try {
      const parsed = () =>
        tail
          .output()
          .stdout.split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { id: string; action: string; target: { id: string } });
      await eventually(() => parsed().length === 2, { what: 'the last two events', timeoutMs: 15_000 });
      const made = await api(server.baseUrl, 'POST', '/api/v1/service-accounts', {
        token: env.PORTCULLIS_TOKEN,
        body: { name: 'tailed' },
      });
      expect(made.status).toBe(201);
      const followed = await eventually(() => parsed().find((event) => event.target.id === made.body.id), {
        what: 'the new event',
        timeoutMs: 15_000,
      });
      expect(followed.action).toBe('service_account.created');
      // Polls later, nothing is shown twice.
      const next = await api(server.baseUrl, 'POST', '/api/v1/service-accounts', {
        token: env.PORTCULLIS_TOKEN,
        body: { name: 'tailed-next' },
      });
      await eventually(() => parsed().some((event) => event.target.id === next.body.id), {
        what: 'the next event',
        timeoutMs: 15_000,
      });
      const ids = parsed().map((event) => event.id);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await tail.stop();
    }
  });

  it('prints each secret once, in the output of the command that created it, and nowhere else', () => {
    expect(created.length).toBe(3);
    for (const { secret, run } of created) {
      expect(occurrences(run.stdout, secret)).toBe(1);
      const elsewhere = runs.filter(
        (other) => other !== run && (other.stdout.includes(secret) || other.stderr.includes(secret)),
      );
      expect(elsewhere).toEqual([]);
      expect(server.logs.join('')).not.toContain(secret);
    }
  });
});
