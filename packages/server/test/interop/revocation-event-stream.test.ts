import { EventSource } from 'eventsource';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { eventually } from '../support/eventually.js';
import {
  adminToken,
  api,
  basicAuthorization,
  type ClientPair,
  clientCredentialsToken,
  createResourceServer,
  createUsableServiceAccount,
} from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

type Received = { id: string; data: Record<string, unknown> };

/** A real EventSource (the WHATWG client for Node), its requests carrying `authorization`. */
function follow(url: string, authorization: string) {
  const received: Received[] = [];
  const source = new EventSource(url, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, authorization } }),
  });
  source.addEventListener('revocation', (event) => {
    received.push({ id: event.lastEventId, data: JSON.parse(event.data) });
  });
  const opened = new Promise<void>((resolve, reject) => {
    source.addEventListener('open', () => resolve(), { once: true });
    source.addEventListener('error', () => reject(new Error('the stream did not open')), { once: true });
  });
  return { source, received, opened };
}

/** The first event of a raw event stream: its `id:` and `data:` lines. */
async function firstStreamedEvent(response: Response): Promise<Received> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const block = text.split('\n\n').find((b) => b.includes('\ndata: ') || b.startsWith('data: '));
      if (block) {
        const field = (name: string) =>
          block
            .split('\n')
            .find((line) => line.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        return { id: field('id')!, data: JSON.parse(field('data')!) };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended before an event: ${text}`);
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel();
  }
}

/**
 * The revocation feed as server-sent events (docs/revocation.md): what an EventSource-based follower sees,
 * how it resumes, and when the server ends the stream.
 */
describeOnEachEngine('the revocation feed as an event stream on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let app: ClientPair;
  let resourceServer: ClientPair;
  const feedUrl = () => `${server.baseUrl}/oauth/revocations`;
  const tokenOf = (c: ClientPair) => clientCredentialsToken(server.baseUrl, c);
  /** Revokes a token as the client it was issued to (`app` unless told). */
  const revoke = async (token: string, client = app) =>
    fetch(`${server.baseUrl}/oauth/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basicAuthorization(client),
      },
      body: new URLSearchParams({ token }).toString(),
    });

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
    app = await createUsableServiceAccount(server.baseUrl, admin, 'streamed-app');
    resourceServer = await createResourceServer(server.baseUrl, admin, 'streaming-gateway');
  });
  afterAll(async () => server?.close());

  it('streams each revocation as it commits, with the feed position as event id, as the JSON feed pages it', async () => {
    const start = (await api(server.baseUrl, 'GET', '/oauth/revocations', { token: admin })).body.cursor;
    const follower = follow(
      `${feedUrl()}${start ? `?after=${start}` : ''}`,
      basicAuthorization(resourceServer),
    );
    // An app of its own: rotating its secret below would otherwise stop the shared one's.
    const rotating = await createUsableServiceAccount(server.baseUrl, admin, 'streamed-rotating-app');
    try {
      await follower.opened;
      const token = await tokenOf(rotating);
      expect((await revoke(token, rotating)).status).toBe(200);
      await eventually(async () => follower.received.length === 1, {
        what: 'the token event',
        timeoutMs: 5_000,
      });
      await api(server.baseUrl, 'POST', `/api/v1/service-accounts/${rotating.clientId}/secrets`, {
        token: admin,
      });
      await eventually(async () => follower.received.length === 2, {
        what: 'the subject event',
        timeoutMs: 5_000,
      });

      const jti = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).jti;
      expect(follower.received.map((e) => e.data)).toEqual([
        expect.objectContaining({ kind: 'token', jti, effect: 'void' }),
        expect.objectContaining({ kind: 'subject', subject: rotating.clientId, effect: 'void' }),
      ]);
      const page = await api(server.baseUrl, 'GET', `/oauth/revocations${start ? `?after=${start}` : ''}`, {
        token: admin,
      });
      expect(follower.received.map((e) => e.data)).toEqual(page.body.events);
      expect(follower.received.at(-1)!.id).toBe(page.body.cursor);
    } finally {
      follower.source.close();
    }
  });

  it('resumes after Last-Event-ID, ahead of the after parameter, as a reconnecting EventSource asks', async () => {
    const cursor = async () =>
      (await api(server.baseUrl, 'GET', '/oauth/revocations', { token: admin })).body.cursor as string;
    expect((await revoke(await tokenOf(app))).status).toBe(200);
    const start = await cursor();
    expect((await revoke(await tokenOf(app))).status).toBe(200);
    const firstPosition = await cursor();
    expect((await revoke(await tokenOf(app))).status).toBe(200);
    const secondPosition = await cursor();
    const [, second] = (
      await api(server.baseUrl, 'GET', `/oauth/revocations?after=${start}`, { token: admin })
    ).body.events;

    const stop = new AbortController();
    // The URL still says where the stream first began; the header says how far it got.
    const response = await fetch(`${feedUrl()}?after=${start}`, {
      headers: {
        accept: 'text/event-stream',
        authorization: `Bearer ${admin}`,
        'last-event-id': firstPosition,
      },
      signal: stop.signal,
    });
    try {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const event = await firstStreamedEvent(response);
      expect(event.data).toEqual(second);
      expect(event.id).toBe(secondPosition);
    } finally {
      stop.abort();
    }
  });

  it('ends the stream once its caller may no longer read the feed, and the reconnection is refused', async () => {
    // A resource server of its own, since this test disables it.
    const disabling = await createResourceServer(server.baseUrl, admin, 'disabled-gateway');
    const follower = follow(feedUrl(), basicAuthorization(disabling));
    try {
      await follower.opened;
      const disabled = await api(server.baseUrl, 'PATCH', `/api/v1/service-accounts/${disabling.clientId}`, {
        token: admin,
        body: { enabled: false },
      });
      expect(disabled.status).toBe(200);
      // CLOSED: the stream ended and the EventSource's reconnection got a 401, after which it gives up.
      await eventually(async () => follower.source.readyState === EventSource.CLOSED, {
        what: 'the EventSource gives up',
        timeoutMs: 15_000,
      });
    } finally {
      follower.source.close();
    }
  });

  it('refuses a Last-Event-ID that is not a feed position with 400 validation_failed', async () => {
    for (const lastEventId of ['rev_01JABCDEFGHJKMNPQRSTVWXYZ0', '-1', '9'.repeat(16)]) {
      const response = await fetch(feedUrl(), {
        headers: {
          accept: 'text/event-stream',
          authorization: `Bearer ${admin}`,
          'last-event-id': lastEventId,
        },
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    }
  });

  it('ends open streams at once when the server closes, so closing is not held by them', async () => {
    const closingServer = await startTestServer(engine);
    let closed = false;
    try {
      const response = await fetch(`${closingServer.baseUrl}/oauth/revocations`, {
        headers: {
          accept: 'text/event-stream',
          authorization: `Bearer ${await adminToken(closingServer.baseUrl)}`,
        },
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const ended = (async () => {
        while (!(await reader.read()).done);
      })();
      const closing = performance.now();
      await closingServer.close();
      closed = true;
      expect(performance.now() - closing).toBeLessThan(3000);
      await ended;
    } finally {
      if (!closed) await closingServer.close();
    }
  }, 45_000); // Without the fix the close never ends; let that show as a failed assertion rather than a hang.

  it('refuses a stream to a caller without the introspection permission with 403, not an empty stream', async () => {
    const response = await fetch(feedUrl(), {
      headers: { accept: 'text/event-stream', authorization: basicAuthorization(app) },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('permission_denied');
  });

  it('refuses a stream to a caller without credentials with 401', async () => {
    const response = await fetch(feedUrl(), { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
