import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { afterAll, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/store/database.js';
import { describeOnEachEngine, type TestDatabase } from '../support/engines.js';
import { eventually } from '../support/eventually.js';
import { adminToken, type ClientPair, createUsableServiceAccount } from '../support/http-client.js';
import { adminEmail, adminPassword, generousLimits } from '../support/test-server.js';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/**
 * The documented window (decision 0008): the 100 ms flush interval plus one round of the writer thread's
 * writes, which runs at a lowered priority and so waits for a core whenever the cores are saturated. With
 * the server, these requests and other test files sharing two cores, a round is allowed 500 ms: a
 * regression to a longer interval, or a batch dropped, loses more than that. The measured bound is in
 * decision 0008.
 */
const intervalMs = 100;
const writeAllowanceMs = 500;
const windowMs = intervalMs + writeAllowanceMs;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function startServer(database: TestDatabase, port: number): ChildProcess {
  const scrubbed = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('PORTCULLIS_')),
  );
  const child = spawn(process.execPath, [cli, 'start'], {
    env: {
      ...scrubbed,
      ...generousLimits,
      PORTCULLIS_HOST: '127.0.0.1',
      PORTCULLIS_PORT: String(port),
      PORTCULLIS_DATA_DIR: database.dataDir,
      PORTCULLIS_DATABASE_URL: database.url,
      PORTCULLIS_CONSOLE_DIR: database.dataDir,
      PORTCULLIS_MASTER_KEY: randomBytes(32).toString('hex'),
      PORTCULLIS_ADMIN_EMAIL: adminEmail,
      PORTCULLIS_ADMIN_PASSWORD: adminPassword,
      PORTCULLIS_LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  return child;
}

interface Acknowledged {
  jti: string;
  /** When the token response had been read, on this process's clock (the server's is the same machine's). */
  at: number;
}

/** Token requests back to back from `connections` loops until `stop` says so; every 200 recorded. */
async function issueUntil(baseUrl: string, client: ClientPair, connections: number, stop: () => boolean) {
  const acknowledged: Acknowledged[] = [];
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
  }).toString();
  const loop = async () => {
    while (!stop()) {
      try {
        const response = await fetch(`${baseUrl}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        });
        const token = (await response.json()) as { access_token?: string };
        const at = Date.now();
        if (response.status === 200 && token.access_token)
          acknowledged.push({ jti: decodeJwt(token.access_token).jti as string, at });
      } catch {
        // The server was killed under this request: it was never acknowledged.
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return acknowledged;
}

async function storedIssuance(database: Database, clientId: string) {
  const rows = await database.db
    .selectFrom('audit_events')
    .select(['details', 'occurred_at'])
    .where('action', '=', 'token.issued')
    .where('target_id', '=', clientId)
    .execute();
  return new Map(rows.map((row) => [JSON.parse(row.details ?? '{}').jti as string, row.occurred_at]));
}

describeOnEachEngine('kill -9 during token issuance on $engine', (engine) => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('loses only issuance events and last-used times acknowledged within the flush window before the kill', {
    timeout: 60_000,
  }, async () => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" (npm test does it first)`);
    const testDb = await engine.create();
    databases.push(testDb);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const server = startServer(testDb, port);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      server.once('exit', (_code, signal) => resolve(signal)),
    );
    await eventually(
      async () => {
        if (server.exitCode !== null) throw new Error('the server exited while starting');
        return (await fetch(`${baseUrl}/health`).catch(() => undefined))?.status === 200;
      },
      { what: 'the server answers /health', timeoutMs: 30_000, everyMs: 100 },
    );
    const client = await createUsableServiceAccount(baseUrl, await adminToken(baseUrl), 'killed_mid_flight');

    let killedAt = Number.POSITIVE_INFINITY;
    const issuing = issueUntil(baseUrl, client, 2, () => Date.now() >= killedAt);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    killedAt = Date.now();
    server.kill('SIGKILL');
    const acknowledged = await issuing;
    expect(await exited).toBe('SIGKILL');

    const database = openDatabase(testDb.url);
    try {
      const stored = await storedIssuance(database, client.clientId);
      const lost = acknowledged.filter((token) => !stored.has(token.jti));
      const oldestLostMs = Math.max(0, ...lost.map((token) => killedAt - token.at));
      process.stdout.write(
        `loss window on ${engine.engine}: ${lost.length} of ${acknowledged.length} acknowledged tokens lost, the oldest acknowledged ${oldestLostMs} ms before the kill\n`,
      );
      // The run must have been under load when it was killed, or it proves nothing.
      expect(acknowledged.length).toBeGreaterThan(20);
      expect(acknowledged.filter((token) => token.at > killedAt - intervalMs).length).toBeGreaterThan(0);
      expect(oldestLostMs).toBeLessThanOrEqual(windowMs);

      // Last-used times: at least the moment of every token acknowledged before the window.
      const settled = acknowledged
        .filter((token) => token.at <= killedAt - windowMs)
        .map((token) => stored.get(token.jti) ?? Number.POSITIVE_INFINITY);
      const lastUsed = await database.db
        .selectFrom('service_accounts')
        .select('last_used_at')
        .where('id', '=', client.clientId)
        .executeTakeFirstOrThrow();
      expect(lastUsed.last_used_at).toBeGreaterThanOrEqual(Math.max(...settled));
    } finally {
      await database.close();
    }
  });
});
