import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../server/test/support/eventually.js';
import { FeedCredentials } from '../src/feed-credentials.js';
import { RevocationFollower } from '../src/revocation-follower.js';
import { RevocationList } from '../src/revocation-list.js';
import { capturingLogger } from './support/portcullis.js';

/**
 * A feed that offers no event stream (an older Portcullis, or a proxy that strips them): JSON pages only,
 * long-polls held until an event is published. Its token endpoint hands out numbered tokens, and it
 * refuses the first one it sees once, as a feed does after a token was revoked.
 */
class JsonOnlyFeed {
  readonly requests: {
    accept: string | undefined;
    wait: string | null;
    authorization: string | undefined;
  }[] = [];
  tokensIssued = 0;
  private readonly events: object[] = [];
  private readonly waiting: (() => void)[] = [];
  private refusedOnce = false;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.answer(req, res));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  publish(event: object): void {
    this.events.push(event);
    for (const wake of this.waiting.splice(0)) wake();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname === '/token') {
      this.tokensIssued++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: `token-${this.tokensIssued}`, expires_in: 3600 }));
      return;
    }
    this.requests.push({
      accept: req.headers.accept,
      wait: url.searchParams.get('wait'),
      authorization: req.headers.authorization,
    });
    if (req.headers.authorization === 'Bearer token-1' && !this.refusedOnce) {
      this.refusedOnce = true;
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_token"}');
      return;
    }
    const after = Number(url.searchParams.get('after') ?? 0);
    if (after >= this.events.length && Number(url.searchParams.get('wait') ?? 0) > 0) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    const events = this.events.slice(after);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ events, cursor: String(after + events.length) }));
  }
}

describe('the revocation follower against a feed without event streams', () => {
  const feed = new JsonOnlyFeed();
  const list = new RevocationList();
  const logger = capturingLogger();
  let follower: RevocationFollower;

  beforeAll(async () => {
    await feed.start();
    follower = new RevocationFollower({
      feedUrl: `${feed.url}/feed`,
      credentials: new FeedCredentials({
        tokenEndpoint: async () => `${feed.url}/token`,
        clientId: 'sa_feed',
        clientSecret: 'pcs_secret',
        fetch,
      }),
      list,
      fetch,
      logger,
      maxStalenessSeconds: 60,
      onStale: 'closed',
      transport: 'auto',
    });
    follower.start();
  });
  afterAll(async () => {
    await follower?.stop();
    await feed.stop();
  });

  it('fetches a fresh token after a 401 and catches up', async () => {
    expect(await follower.whenCaughtUp(10_000)).toBe(true);
    expect(feed.requests[0]).toMatchObject({ authorization: 'Bearer token-1' });
    expect(feed.tokensIssued).toBe(2);
  });

  it('long-polls once the stream request is answered with JSON, and applies what the polls bring', async () => {
    await eventually(() => feed.requests.some((r) => r.wait === '25'), {
      what: 'a long-poll is outstanding',
      timeoutMs: 10_000,
    });
    expect(feed.requests.some((r) => r.accept === 'text/event-stream')).toBe(true);
    expect(follower.status()).toMatchObject({ transport: 'long-poll', state: 'live', stale: false });

    feed.publish({ kind: 'token', jti: 'revoked-jti' });
    feed.publish({ kind: 'subject', subject: 'sa_downgraded', notBefore: 2_000 });
    await eventually(() => list.isRevoked('revoked-jti', 'sa_1', 1), {
      what: 'the jti applied',
      timeoutMs: 2_000,
    });
    await eventually(() => list.isRevoked('other', 'sa_downgraded', 1_999), {
      what: 'the not-before applied',
      timeoutMs: 2_000,
    });
    expect(follower.status().cursor).toBe('2');
    expect(follower.stalenessSeconds()).toBe(0);
  });
});
