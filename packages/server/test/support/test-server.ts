import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/load-config.js';
import { createPortcullis, type Portcullis } from '../../src/server.js';
import type { EngineUnderTest, TestDatabase } from './engines.js';

export const adminEmail = 'admin@acme.example';
export const adminPassword = 'correct horse battery staple';

export interface TestServer {
  baseUrl: string;
  portcullis: Portcullis;
  database: TestDatabase;
  /** Every log line the server wrote, raw. */
  logs: string[];
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Suites send many requests, right and wrong, from 127.0.0.1: the limits and lockouts stay on (their code
 * runs) but far out of reach, unless a test sets its own.
 */
export const generousLimits = {
  PORTCULLIS_TOKEN_RATE_LIMIT_PER_ADDRESS: '1000000',
  PORTCULLIS_TOKEN_RATE_LIMIT_PER_CLIENT: '1000000',
  PORTCULLIS_LOGIN_RATE_LIMIT_PER_ADDRESS: '1000000',
  PORTCULLIS_LOGIN_RATE_LIMIT_PER_LOGIN: '1000000',
  PORTCULLIS_LOCKOUT_CLIENT_FAILURES: '100000',
  PORTCULLIS_LOCKOUT_LOGIN_FAILURES: '100000',
};

/**
 * A real Portcullis on a real port and a fresh database of the given engine. `env` may be a function of
 * the base URL, for settings (an issuer with a path) that must name the port chosen here.
 */
export async function startTestServer(
  engine: EngineUnderTest,
  env: Record<string, string> | ((baseUrl: string) => Record<string, string>) = {},
  existing?: TestDatabase,
): Promise<TestServer> {
  const database = existing ?? (await engine.create());
  const port = await freePort();
  const overrides = typeof env === 'function' ? env(`http://127.0.0.1:${port}`) : env;
  const config = loadConfig({
    PORTCULLIS_HOST: '127.0.0.1',
    PORTCULLIS_PORT: String(port),
    PORTCULLIS_DATA_DIR: database.dataDir,
    PORTCULLIS_DATABASE_URL: database.url,
    PORTCULLIS_ISSUER: `http://127.0.0.1:${port}`,
    PORTCULLIS_ADMIN_EMAIL: adminEmail,
    PORTCULLIS_ADMIN_PASSWORD: adminPassword,
    PORTCULLIS_LOG_LEVEL: 'info',
    PORTCULLIS_MASTER_KEY: randomBytes(32).toString('hex'),
    // No console unless a test gives one: what `/` answers must not depend on whether it was built.
    PORTCULLIS_CONSOLE_DIR: database.dataDir,
    ...generousLimits,
    ...overrides,
  });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  let portcullis: Portcullis;
  try {
    portcullis = await createPortcullis(config, { logStream });
    // `config.port`: a suite that restarts Portcullis passes the port it had, so followers find it again.
    await portcullis.app.listen({ host: '127.0.0.1', port: config.port });
  } catch (error) {
    if (!existing) await database.drop();
    throw error;
  }
  return {
    baseUrl: `http://127.0.0.1:${config.port}`,
    portcullis,
    database,
    logs,
    close: async () => {
      await portcullis.close();
      if (!existing) await database.drop();
    },
  };
}

export interface TwoNodes {
  database: TestDatabase;
  nodeA: TestServer;
  nodeB: TestServer;
  close(): Promise<void>;
}

/**
 * Two Portcullis servers on one fresh database, as a deployment of two nodes runs: the same master key
 * and the same issuer (node A's address), each with its own memory.
 */
export async function startTwoNodes(engine: EngineUnderTest): Promise<TwoNodes> {
  const database = await engine.create();
  const masterKey = randomBytes(32).toString('hex');
  const nodeA = await startTestServer(engine, { PORTCULLIS_MASTER_KEY: masterKey }, database);
  const nodeB = await startTestServer(
    engine,
    { PORTCULLIS_MASTER_KEY: masterKey, PORTCULLIS_ISSUER: nodeA.baseUrl },
    database,
  );
  return {
    database,
    nodeA,
    nodeB,
    close: async () => {
      await nodeB.close();
      await nodeA.close();
      await database.drop();
    },
  };
}

/**
 * Commits what the server's batchers hold (issuance audit events, last-used times), so a token an earlier
 * test was issued is not written while a later test counts the audit log.
 */
export async function flushBackgroundWrites(server: TestServer): Promise<void> {
  await server.portcullis.ctx.issuanceAudit.flush();
  await server.portcullis.ctx.usage.flush();
}
