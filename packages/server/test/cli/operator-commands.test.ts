import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine, type TestDatabase } from '../support/engines.js';
import { adminToken, api } from '../support/http-client.js';
import { type CommandRun, portcullisCommand } from '../support/portcullis-command.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const occurrences = (text: string, part: string) => text.split(part).length - 1;
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface Finding {
  check: string;
  verdict: string;
  detail: string;
}

describeOnEachEngine(
  'portcullis operator commands on the database of a running server on $engine',
  (engine) => {
    const masterKey = randomBytes(32).toString('hex');
    let database: TestDatabase;
    let server: TestServer;
    let running = false;
    let scratch: string;
    let env: Record<string, string>;
    const runs: CommandRun[] = [];
    const created: { secret: string; run: CommandRun }[] = [];
    const portcullis = async (
      args: string[],
      options: { stdin?: string; env?: Record<string, string> } = {},
    ) => {
      const run = await portcullisCommand(args, { ...env, ...options.env }, options.stdin);
      runs.push(run);
      return run;
    };
    const signIn = (email: string, password: string) =>
      api<{ accessToken: string }>(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email, password },
      });

    beforeAll(async () => {
      database = await engine.create();
      server = await startTestServer(engine, { PORTCULLIS_MASTER_KEY: masterKey }, database);
      running = true;
      scratch = mkdtempSync(path.join(tmpdir(), 'portcullis-operator-'));
      env = {
        HOME: scratch,
        PORTCULLIS_DATABASE_URL: database.url,
        PORTCULLIS_DATA_DIR: database.dataDir,
        PORTCULLIS_MASTER_KEY: masterKey,
        PORTCULLIS_HOST: '127.0.0.1',
        PORTCULLIS_PORT: new URL(server.baseUrl).port,
      };
    });
    afterAll(async () => {
      if (running) await server?.close();
      await database?.drop();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    it('keys list shows the keys the server publishes, with their states, and no key material', async () => {
      const listed = await portcullis(['keys', 'list', '--json']);
      expect(listed.code).toBe(0);
      const keys = JSON.parse(listed.stdout) as Record<string, unknown>[];
      for (const key of keys) {
        expect(Object.keys(key).sort()).toEqual([
          'activatedAt',
          'algorithm',
          'createdAt',
          'id',
          'retiredAt',
          'state',
        ]);
      }
      expect(keys.map((key) => key.state).sort()).toEqual(['current', 'next']);
      const jwks = await api<{ keys: { kid: string }[] }>(server.baseUrl, 'GET', '/.well-known/jwks.json');
      expect(keys.map((key) => key.id).sort()).toEqual(jwks.body.keys.map((key) => key.kid).sort());
      const table = await portcullis(['keys', 'list']);
      expect(table.stdout).toContain('current');
      expect(table.stdout).not.toMatch(/v1\.[\w-]+\.[\w-]+|"d"|PRIVATE/);
    });

    it('organizations create makes it with its first administrator, who signs in; a taken name exits 1 and changes nothing', {
      timeout: 60_000,
    }, async () => {
      const made = await portcullis([
        'organizations',
        'create',
        'globex',
        '--programmatic-access',
        'available',
        '--admin-email',
        'ops@globex.example',
        '--json',
      ]);
      expect(made.code).toBe(0);
      const organization = JSON.parse(made.stdout);
      created.push({ secret: organization.adminPassword, run: made });
      const session = await signIn('ops@globex.example', organization.adminPassword);
      expect(session.status).toBe(200);
      const own = await api(server.baseUrl, 'GET', '/api/v1/organization', {
        token: session.body.accessToken,
      });
      expect(own.body).toMatchObject({
        id: organization.id,
        name: 'globex',
        programmaticAccessAvailable: true,
        programmaticAccessEnabled: false,
      });

      const operator = await adminToken(server.baseUrl);
      const before = await api(server.baseUrl, 'GET', '/api/v1/organizations', { token: operator });
      const again = await portcullis([
        'organizations',
        'create',
        'globex',
        '--admin-email',
        'other@globex.example',
      ]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('organization_exists');
      expect(again.stdout).toBe('');
      const after = await api(server.baseUrl, 'GET', '/api/v1/organizations', { token: operator });
      expect(after.body).toEqual(before.body);
      expect((await signIn('other@globex.example', organization.adminPassword)).status).toBe(401);
    });

    it('admin reset-password sets a new password, ends the login’s sessions and is audited; an unknown email exits 1', {
      timeout: 60_000,
    }, async () => {
      const first = await portcullis(
        ['organizations', 'create', 'initech', '--admin-email', 'it@initech.example', '--password-stdin'],
        {
          stdin: 'the first password of initech\n',
        },
      );
      expect(first.code).toBe(0);
      const old = await signIn('it@initech.example', 'the first password of initech');
      expect(old.status).toBe(200);

      const reset = await portcullis(['admin', 'reset-password', 'IT@initech.example', '--password-stdin'], {
        stdin: 'a brand new password for initech\n',
      });
      expect(reset.code).toBe(0);
      expect(reset.stdout).toContain('it@initech.example');
      expect(reset.stdout).not.toContain('a brand new password');
      const stale = await api(server.baseUrl, 'GET', '/api/v1/auth/session', { token: old.body.accessToken });
      expect(stale.status).toBe(401);
      expect((await signIn('it@initech.example', 'the first password of initech')).status).toBe(401);
      const fresh = await signIn('it@initech.example', 'a brand new password for initech');
      expect(fresh.status).toBe(200);
      const audit = await api(server.baseUrl, 'GET', '/api/v1/audit-events?action=login.password_reset', {
        token: fresh.body.accessToken,
      });
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          actor: { type: 'system', id: null },
          requestId: 'cli:admin-reset-password',
          details: { by: 'operator', lockoutCleared: false },
        }),
      ]);

      const unknown = await portcullis(['admin', 'reset-password', 'nobody@initech.example']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('not_found');
    });

    it('doctor passes every check with the server’s settings, and fails the master key with another', async () => {
      const healthy = await portcullis(['doctor', '--json']);
      expect(healthy.code).toBe(0);
      const findings = JSON.parse(healthy.stdout) as Finding[];
      expect(Object.fromEntries(findings.map((f) => [f.check, f.verdict]))).toEqual({
        configuration: 'ok',
        database: 'ok',
        migrations: 'ok',
        'master key': 'ok',
        clock: 'ok',
        // This test's server is listening there.
        'listen address': 'warn',
      });

      const wrongKey = await portcullis(['doctor'], {
        env: { PORTCULLIS_MASTER_KEY: randomBytes(32).toString('hex') },
      });
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.stdout).toMatch(/master key\s+│ fail/);
      expect(wrongKey.stdout).toContain('1 check(s) failed.');
    });

    const onSqlite = engine.engine === 'sqlite';

    it.runIf(!onSqlite)('backup and restore point to pg_dump and pg_restore, and exit 2', async () => {
      const backup = await portcullis(['backup', path.join(scratch, 'copy.db')]);
      expect(backup.code).toBe(2);
      expect(backup.stderr).toContain('pg_dump');
      const restore = await portcullis(['restore', path.join(scratch, 'copy.db')]);
      expect(restore.code).toBe(2);
      expect(restore.stderr).toContain('pg_restore');
    });

    const copy = () => path.join(scratch, 'copy.db');
    const file = () => database.url.slice('sqlite:'.length);

    it.runIf(onSqlite)(
      'backup copies the database while the server runs; restore refuses while it runs',
      async () => {
        const backup = await portcullis(['backup', copy(), '--json']);
        expect(backup.code).toBe(0);
        expect(JSON.parse(backup.stdout)).toMatchObject({ backup: copy(), migration: expect.any(String) });
        const again = await portcullis(['backup', copy()]);
        expect(again.code).toBe(1);
        expect(again.stderr).toContain('exists');

        // Not read here: closing a descriptor of the file would drop this process's locks on it, the server's.
        const before = statSync(file()).ino;
        const refused = await portcullis(['restore', copy()]);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('open in another process');
        expect(statSync(file()).ino).toBe(before);
      },
    );

    // The longer tests run the command a dozen times, each a second or two on a busy machine.
    it.runIf(onSqlite)(
      'restore, with the server stopped, puts the backup back after refusing a file that is not a Portcullis database',
      { timeout: 60_000 },
      async () => {
        expect(
          (await portcullis(['organizations', 'create', 'after-backup', '--admin-email', 'a@after.example']))
            .code,
        ).toBe(0);
        await server.close();
        running = false;

        const junk = path.join(scratch, 'junk.db');
        writeFileSync(junk, 'not a database');
        const before = digest(file());
        const refused = await portcullis(['restore', junk]);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('not a SQLite database');
        expect(digest(file())).toBe(before);

        const restored = await portcullis(['restore', copy(), '--json']);
        expect(restored.code).toBe(0);
        const { replacedKeptAs } = JSON.parse(restored.stdout);
        expect(existsSync(replacedKeptAs)).toBe(true);
        const gone = await portcullis(['admin', 'reset-password', 'a@after.example']);
        expect(gone.stderr).toContain('not_found');
        const kept = await portcullis(['admin', 'reset-password', 'ops@globex.example', '--json']);
        expect(kept.code).toBe(0);
        created.push({ secret: JSON.parse(kept.stdout).password, run: kept });
        const doctor = JSON.parse((await portcullis(['doctor', '--json'])).stdout) as Finding[];
        expect(doctor.filter((f) => f.verdict !== 'ok')).toEqual([]);
      },
    );

    it('prints each generated password once, in the output of the command that made it, and nowhere else', () => {
      expect(created.length).toBe(onSqlite ? 2 : 1);
      for (const { secret, run } of created) {
        expect(occurrences(run.stdout, secret)).toBe(1);
        expect(
          runs.filter((other) => other !== run && `${other.stdout}${other.stderr}`.includes(secret)),
        ).toEqual([]);
        expect(server.logs.join('')).not.toContain(secret);
      }
    });
  },
);
