import { generateClientSecret } from '@portcullis/core/secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enginesUnderTest } from '../support/engines.js';
import {
  adminToken,
  type ClientPair,
  createUsableServiceAccount,
  tokenRequest,
} from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const sqlite = enginesUnderTest().find((e) => e.engine === 'sqlite');

interface Logged {
  server: TestServer;
  client: ClientPair;
}

async function loggedServer(env: Record<string, string>): Promise<Logged> {
  if (!sqlite) throw new Error('SQLite is always under test');
  const server = await startTestServer(sqlite, env);
  const client = await createUsableServiceAccount(server.baseUrl, await adminToken(server.baseUrl), 'logged');
  return { server, client };
}

/** Runs `requests` and returns the log lines the server wrote meanwhile, raw. */
async function linesDuring(server: TestServer, requests: () => Promise<unknown>): Promise<string[]> {
  const from = server.logs.length;
  await requests();
  return server.logs.slice(from);
}

const issue = ({ server, client }: Logged, extra: Record<string, string> = {}) =>
  tokenRequest(server.baseUrl, {
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
    ...extra,
  });

async function issueMany(logged: Logged, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await issue(logged);
    expect(answer.status).toBe(200);
    tokens.push(answer.body.access_token);
  }
  return tokens;
}

const tokenLines = (lines: string[]) =>
  lines.map((line) => JSON.parse(line)).filter((entry) => entry.req?.path === '/oauth/token');

describe('the token endpoint log', () => {
  let byDefault: Logged;
  let all: Logged;
  let off: Logged;

  beforeAll(async () => {
    [byDefault, all, off] = await Promise.all([
      loggedServer({ PORTCULLIS_LOG_LEVEL: 'info' }),
      loggedServer({ PORTCULLIS_LOG_LEVEL: 'info', PORTCULLIS_TOKEN_REQUEST_LOG: 'all' }),
      loggedServer({ PORTCULLIS_LOG_LEVEL: 'info', PORTCULLIS_TOKEN_REQUEST_LOG: 'off' }),
    ]);
  });
  afterAll(() => Promise.all([byDefault, all, off].map((logged) => logged?.server.close())));

  it('costs under 100 bytes per issued token at info by default, logging every hundredth request', async () => {
    const count = 200;
    let tokens: string[] = [];
    const lines = await linesDuring(byDefault.server, async () => {
      tokens = await issueMany(byDefault, count);
    });
    const bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0);
    expect(bytes / count).toBeLessThan(100);
    expect(tokenLines(lines)).toHaveLength(2);
    const logged = lines.join('');
    for (const secret of [byDefault.client.clientSecret, ...tokens]) expect(logged).not.toContain(secret);
  });

  it('logs every refusal whatever the sampling, with the address, status and reason, and no secret', async () => {
    for (const logged of [byDefault, off]) {
      const wrongSecret = generateClientSecret();
      const lines = await linesDuring(logged.server, () => issue(logged, { client_secret: wrongSecret }));
      const [completed] = tokenLines(lines);
      expect(completed).toMatchObject({
        msg: 'request completed',
        req: { method: 'POST', path: '/oauth/token', remoteAddress: '127.0.0.1' },
        res: { statusCode: 401 },
      });
      const refused = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request refused');
      expect(refused).toMatchObject({
        code: 'invalid_client',
        reason: 'wrong_secret',
        reqId: completed.reqId,
      });
      expect(lines.join('')).not.toContain(wrongSecret);
    }
  });

  it('writes nothing for issued tokens when off', async () => {
    const lines = await linesDuring(off.server, () => issueMany(off, 20));
    expect(lines).toEqual([]);
  });

  it('writes one line per request when all are logged, carrying what the incoming line would have', async () => {
    const lines = await linesDuring(all.server, () => issueMany(all, 5));
    const logged = tokenLines(lines);
    expect(logged).toHaveLength(5);
    expect(lines).toHaveLength(5);
    for (const entry of logged) {
      expect(entry).toMatchObject({
        msg: 'request completed',
        req: { method: 'POST', path: '/oauth/token', remoteAddress: '127.0.0.1' },
        res: { statusCode: 200 },
      });
      expect(entry.responseTime).toBeGreaterThan(0);
    }
  });
});
