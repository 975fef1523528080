import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enginesUnderTest } from '../support/engines.js';
import { eventually } from '../support/eventually.js';
import {
  adminToken,
  api,
  basicAuthorization,
  type ClientPair,
  createResourceServer,
  createUsableServiceAccount,
} from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Slow and idle connections are closed within the configured bounds, connections over the caps are
 * refused as they open, and everyone else keeps being served. Storage plays no part: SQLite only.
 * Bounds are small here; the slack on each is generous, since the machine running the tests may be busy.
 */
const sqlite = enginesUnderTest().find((e) => e.engine === 'sqlite')!;
const slackMs = 3000;

interface RawConnection {
  socket: Socket;
  /** Everything the server sent. */
  received: () => string;
  /** Resolves with the milliseconds from opening to closing. */
  closed: Promise<number>;
  isClosed: () => boolean;
}

/** A TCP connection to the server, from `localAddress` (any 127/8 address reaches the loopback). */
async function open(baseUrl: string, localAddress = '127.0.0.1'): Promise<RawConnection> {
  const { port } = new URL(baseUrl);
  const started = performance.now();
  const socket = connect({ host: '127.0.0.1', port: Number(port), localAddress });
  let text = '';
  let done = false;
  socket.on('data', (chunk) => {
    text += chunk.toString('latin1');
  });
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => {
      done = true;
      resolve(performance.now() - started);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, received: () => text, closed, isClosed: () => done };
}

/** Writes `chunk` every `everyMs` until the connection closes. */
function trickle(connection: RawConnection, chunk: string, everyMs: number): void {
  const timer = setInterval(() => {
    if (connection.isClosed()) clearInterval(timer);
    else connection.socket.write(chunk);
  }, everyMs);
  void connection.closed.then(() => clearInterval(timer));
}

/** How long until the connection closes, or `undefined` if it is still open after `withinMs`. */
async function closedWithin(connection: RawConnection, withinMs: number): Promise<number | undefined> {
  return Promise.race([
    connection.closed,
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), withinMs)),
  ]);
}

/** Normal requests, one after another, while `during` runs: every one must be answered 200. */
async function servedThroughout(baseUrl: string, during: Promise<unknown>): Promise<number[]> {
  const statuses: number[] = [];
  let over = false;
  const finished = during.finally(() => {
    over = true;
  });
  while (!over) {
    statuses.push((await fetch(`${baseUrl}/health`)).status);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await finished;
  return statuses;
}

describe('connection timeouts', () => {
  const bounds = { headers: 1, request: 2, keepAlive: 1, idle: 1 };
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(sqlite, {
      PORTCULLIS_HEADERS_TIMEOUT_SECONDS: String(bounds.headers),
      PORTCULLIS_REQUEST_TIMEOUT_SECONDS: String(bounds.request),
      PORTCULLIS_KEEP_ALIVE_TIMEOUT_SECONDS: String(bounds.keepAlive),
      PORTCULLIS_IDLE_TIMEOUT_SECONDS: String(bounds.idle),
    });
  });
  afterAll(async () => server?.close());

  it('closes a request whose body trickles in, with 408, within the request timeout', async () => {
    const slow = await open(server.baseUrl);
    slow.socket.write(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: portcullis\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\n\r\n{',
    );
    trickle(slow, ' ', 200);
    const closing = closedWithin(slow, bounds.request * 1000 + slackMs);
    const statuses = await servedThroughout(server.baseUrl, closing);
    expect(await closing).toBeDefined();
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it('closes a connection whose request head never ends, within the head timeout', async () => {
    const slow = await open(server.baseUrl);
    slow.socket.write('GET /health HTTP/1.1\r\nHost: portcullis\r\n');
    trickle(slow, 'X-Slow: 1\r\n', 200);
    const closing = closedWithin(slow, bounds.headers * 1000 + slackMs);
    const statuses = await servedThroughout(server.baseUrl, closing);
    expect(await closing).toBeDefined();
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it('closes a connection that sends nothing, within the head timeout', async () => {
    const silent = await open(server.baseUrl);
    expect(await closedWithin(silent, bounds.headers * 1000 + slackMs)).toBeDefined();
  });

  it('closes an idle kept-alive connection after the keep-alive timeout', async () => {
    const idle = await open(server.baseUrl);
    idle.socket.write('GET /health HTTP/1.1\r\nHost: portcullis\r\nConnection: keep-alive\r\n\r\n');
    await eventually(() => idle.received().includes('\r\n\r\n'), { what: 'the answer', timeoutMs: 5000 });
    expect(idle.received()).toMatch(/^HTTP\/1\.1 200 /);
    const answeredAt = performance.now();
    const closedAfter = await closedWithin(idle, bounds.keepAlive * 1000 + slackMs);
    expect(closedAfter).toBeDefined();
    expect(performance.now() - answeredAt).toBeLessThan(bounds.keepAlive * 1000 + slackMs);
  });

  it('closes a connection whose client stops reading its answers, within the idle timeout', async () => {
    const stalled = await open(server.baseUrl);
    stalled.socket.pause();
    // Far more answer than the socket buffers hold, so the server is left waiting to write.
    const request = 'GET /docs/static/swagger-ui-bundle.js HTTP/1.1\r\nHost: portcullis\r\n\r\n';
    stalled.socket.write(request.repeat(40));
    const statuses = await servedThroughout(
      server.baseUrl,
      new Promise((resolve) => setTimeout(resolve, bounds.idle * 1000 + slackMs)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    // The server's close waits behind the unread bytes: reading them reaches it at once, where a
    // connection still open would stream on (40 answers of the bundle) and then be kept alive.
    stalled.socket.resume();
    expect(await closedWithin(stalled, 2000)).toBeDefined();
    // What the buffers held when it stopped, not the 40 answers (over 50 MB).
    expect(stalled.received().length).toBeLessThan(20 * 1024 * 1024);
  });

  describe('leaves a revocation feed waiting longer than every timeout alone', () => {
    let admin: string;
    let follower: ClientPair;
    const waitSeconds = 4;

    beforeAll(async () => {
      admin = await adminToken(server.baseUrl);
      follower = await createResourceServer(server.baseUrl, admin, 'follower');
    });

    it('answers a long-poll after its whole wait', async () => {
      const headers = { authorization: basicAuthorization(follower) };
      const first = await api(server.baseUrl, 'GET', '/oauth/revocations', { headers });
      const after = first.body.cursor === null ? '' : `&after=${first.body.cursor}`;
      const started = performance.now();
      const polled = await api(server.baseUrl, 'GET', `/oauth/revocations?wait=${waitSeconds}${after}`, {
        headers,
      });
      expect(polled.status).toBe(200);
      expect(polled.body.events).toEqual([]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(waitSeconds * 1000 - 100);
    });

    it('keeps an event stream open while it is quiet, and delivers the next event', async () => {
      const disabled = await createUsableServiceAccount(server.baseUrl, admin, 'to-disable');
      const first = await api(server.baseUrl, 'GET', '/oauth/revocations', {
        headers: { authorization: basicAuthorization(follower) },
      });
      const response = await fetch(
        `${server.baseUrl}/oauth/revocations${first.body.cursor === null ? '' : `?after=${first.body.cursor}`}`,
        { headers: { authorization: basicAuthorization(follower), accept: 'text/event-stream' } },
      );
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      let text = '';
      const reading = (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return 'ended';
          text += new TextDecoder().decode(value);
          if (text.includes(disabled.clientId)) return 'delivered';
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000));
      await api(server.baseUrl, 'PATCH', `/api/v1/service-accounts/${disabled.clientId}`, {
        token: admin,
        body: { enabled: false },
      });
      expect(await reading).toBe('delivered');
      await reader.cancel();
    });
  });
});

describe('connection caps', () => {
  const caps = { total: 12, perAddress: 6 };
  const headersTimeoutSeconds = 2;
  let server: TestServer;
  const held: RawConnection[] = [];

  const openConnections = () =>
    new Promise<number>((resolve, reject) =>
      server.portcullis.app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    );

  beforeAll(async () => {
    server = await startTestServer(sqlite, {
      PORTCULLIS_HEADERS_TIMEOUT_SECONDS: String(headersTimeoutSeconds),
      PORTCULLIS_REQUEST_TIMEOUT_SECONDS: String(headersTimeoutSeconds),
      PORTCULLIS_KEEP_ALIVE_TIMEOUT_SECONDS: '1',
      PORTCULLIS_MAX_CONNECTIONS: String(caps.total),
      PORTCULLIS_MAX_CONNECTIONS_PER_ADDRESS: String(caps.perAddress),
    });
  });
  afterAll(async () => {
    for (const connection of held) connection.socket.destroy();
    await server?.close();
  });

  /** Connections over a cap are closed as they open, with no answer; held ones get a 408 later. */
  async function refusedAtOnce(localAddress: string): Promise<void> {
    const extra = await open(server.baseUrl, localAddress);
    expect(await closedWithin(extra, slackMs)).toBeDefined();
    expect(extra.received()).toBe('');
  }

  it('refuses an address its connections over the cap, while other addresses are served', async () => {
    const fromOne = await Promise.all(
      Array.from({ length: caps.perAddress }, () => open(server.baseUrl, '127.0.0.2')),
    );
    held.push(...fromOne);
    await refusedAtOnce('127.0.0.2');
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
    // The refusal came before the held connections' own timeout, which then closes them with a 408.
    expect(fromOne.every((c) => !c.isClosed())).toBe(true);
    for (const connection of fromOne) {
      expect(await closedWithin(connection, headersTimeoutSeconds * 1000 + slackMs)).toBeDefined();
      expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
    }
  });

  it('refuses connections over the total cap until the timeouts free room', async () => {
    // Idle kept-alive connections of earlier requests count too: start from none.
    await eventually(async () => (await openConnections()) === 0, {
      what: 'no open connection',
      timeoutMs: 10_000,
    });
    const addresses = ['127.0.0.3', '127.0.0.4'];
    const filling = await Promise.all(
      addresses.flatMap((address) =>
        Array.from({ length: caps.total / addresses.length }, () => open(server.baseUrl, address)),
      ),
    );
    held.push(...filling);
    await eventually(async () => (await openConnections()) === caps.total, {
      what: 'the total cap reached',
      timeoutMs: 5000,
    });
    await refusedAtOnce('127.0.0.5');
    await Promise.all(filling.map((c) => closedWithin(c, headersTimeoutSeconds * 1000 + slackMs)));
    expect(filling.every((c) => c.isClosed() && /^HTTP\/1\.1 408 /.test(c.received()))).toBe(true);
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
  });
});
