import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { newId, newIdAt } from '@portcullis/core/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditScanBudget } from '../../src/store/repositories/audit-event-pages.js';
import { type AuditEvent, auditBatchInserter } from '../../src/store/repositories/audit-events.js';
import { describeOnEachEngine, enginesUnderTest } from '../support/engines.js';
import { adminToken, api } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface Item {
  id: string;
  occurredAt: string;
  action: string;
  actor: { id: string | null };
}

/** Seeded events lie in 2025, before anything the server itself records, one second apart. */
const seededFrom = Date.parse('2025-01-01T00:00:00Z');

function seeded(
  organizationId: string,
  n: number,
  offsetMs: number,
  fields: (i: number) => Partial<AuditEvent>,
): AuditEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const occurredAt = seededFrom + i * 1000 + offsetMs;
    return {
      id: newIdAt('auditEvent', occurredAt),
      organizationId,
      occurredAt,
      actorType: 'service_account',
      actorId: null,
      action: 'token.issued',
      targetType: 'service_account',
      targetId: null,
      result: 'success',
      reason: null,
      clientIp: '127.0.0.1',
      requestId: null,
      details: { n: i },
      ...fields(i),
    };
  });
}

describeOnEachEngine('reading the audit log on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  // One actor with more events than a page may read, three of them of a rare action: the newest, one in
  // the middle and the oldest, so the first page's scan ends between the second and the third.
  const busy = newId('serviceAccount');
  const total = auditScanBudget + 2_000;
  const rare = [total - 1, Math.floor(total / 2), 0];
  // Ten events of another actor, at known moments.
  const timed = newId('serviceAccount');

  const get = (path: string) => api(server.baseUrl, 'GET', path, { token: admin });

  async function everyPage(query: string, limit: number) {
    const pages: Item[][] = [];
    const cursors: (string | null)[] = [];
    let cursor: string | null = null;
    do {
      const response = await get(
        `/api/v1/audit-events?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      pages.push(response.body.items);
      cursor = response.body.nextCursor;
      cursors.push(cursor);
    } while (cursor !== null);
    return { pages, cursors, items: pages.flat() };
  }

  async function exported(query: string): Promise<Item[]> {
    const response = await fetch(`${server.baseUrl}/api/v1/audit-events/export?${query}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const text = await response.text();
    return text === ''
      ? []
      : text
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line) as Item);
  }

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
    const organizationId = (await get('/api/v1/organization')).body.id as string;
    const insert = auditBatchInserter(server.portcullis.database);
    const events = [
      ...seeded(organizationId, total, 0, (i) => ({
        actorId: busy,
        targetId: busy,
        action: rare.includes(i) ? 'service_account.secret_generated' : 'token.issued',
      })),
      // Half a second after the busy actor's of the same index.
      ...seeded(organizationId, 10, 500, () => ({ actorId: timed })),
    ];
    for (let i = 0; i < events.length; i += 1000) await insert(events.slice(i, i + 1000));
  });

  afterAll(async () => {
    await server.close();
  });

  it('pages through every event once, newest first, at the size asked', async () => {
    const { pages, items } = await everyPage(`actor=${busy}`, 500);
    expect(items).toHaveLength(total);
    expect(pages.slice(0, -1).every((page) => page.length === 500)).toBe(true);
    expect(new Set(items.map((e) => e.id)).size).toBe(total);
    const ids = items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it('answers short pages with a cursor when filters together match rarely, and still reaches every match', async () => {
    const query = `actor=${busy}&action=service_account.secret_generated`;
    const { pages, cursors, items } = await everyPage(query, 100);
    // The first page read as far as the budget allows and found two; the next found the last one.
    expect(pages.map((page) => page.length)).toEqual([2, 1]);
    expect(cursors[0]).not.toBeNull();
    expect(items.map((e) => (e as unknown as { details: { n: number } }).details.n)).toEqual(rare);
    // Nothing at all matches: empty pages until the log is read through, then no cursor.
    const none = await everyPage(`actor=${busy}&action=nothing.ever`, 100);
    expect(none.items).toEqual([]);
    expect(none.pages.length).toBeGreaterThan(1);
    // The same filter as a prefix, and with a result: the same three events.
    for (const same of [`actor=${busy}&action=service_account.*`, `${query}&result=success`]) {
      expect((await everyPage(same, 100)).items.map((e) => e.id)).toEqual(items.map((e) => e.id));
    }
  });

  it('bounds a time range, from inclusive and to exclusive', async () => {
    const at = (i: number) => new Date(seededFrom + i * 1000 + 500).toISOString();
    const { items } = await everyPage(`actor=${timed}&from=${at(3)}&to=${at(7)}`, 100);
    expect(items.map((e) => e.occurredAt)).toEqual([at(6), at(5), at(4), at(3)]);
    const busyInRange = await everyPage(
      `target=${busy}&from=${new Date(seededFrom + 2000).toISOString()}&to=${new Date(seededFrom + 4000).toISOString()}`,
      100,
    );
    expect(busyInRange.items).toHaveLength(2);
  });

  it('exports every matching event, in the order the list gives them', async () => {
    const all = await exported(`actor=${busy}`);
    expect(all).toHaveLength(total);
    expect(all.map((e) => e.id)).toEqual((await everyPage(`actor=${busy}`, 500)).items.map((e) => e.id));
    const rarely = await exported(`actor=${busy}&action=service_account.secret_generated`);
    expect(rarely).toHaveLength(rare.length);
    expect(await exported(`actor=${busy}&action=nothing.ever`)).toEqual([]);
  });

  it('answers a HEAD of an export with its headers and no body, reading one piece of the log', async () => {
    const reader = server.portcullis.ctx.auditReader;
    const exportChunk = reader.exportChunk;
    let pieces = 0;
    reader.exportChunk = function (...args) {
      pieces++;
      return exportChunk.apply(this, args);
    };
    try {
      const response = await fetch(`${server.baseUrl}/api/v1/audit-events/export?actor=${busy}`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/x-ndjson');
      expect(await response.text()).toBe('');
      // The whole export is thirteen pieces; the answer needs the first.
      expect(pieces).toBe(1);
    } finally {
      reader.exportChunk = exportChunk;
    }
    const anonymous = await fetch(`${server.baseUrl}/api/v1/audit-events/export`, { method: 'HEAD' });
    expect(anonymous.status).toBe(401);
  });

  it('sends an export gzip-encoded when the client accepts it, one gzip stream of the same lines as the plain export', async () => {
    const raw = (query: string, acceptEncoding: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        // node:http, not fetch: fetch would decode the body and hide how it was sent.
        const request = httpGet(
          `${server.baseUrl}/api/v1/audit-events/export?${query}`,
          { headers: { authorization: `Bearer ${admin}`, 'accept-encoding': acceptEncoding } },
          (response) => {
            const parts: Buffer[] = [];
            response.on('data', (part: Buffer) => parts.push(part));
            response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(parts) }));
            response.on('error', reject);
          },
        );
        request.on('error', reject);
      });
    // More events than one piece of an export holds, so the stream is made of several.
    const plain = await raw(`actor=${busy}`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8').trimEnd().split('\n')).toHaveLength(total);
    const gzipped = await raw(`actor=${busy}`, 'br;q=0.9, gzip, deflate');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toContain('accept-encoding');
    expect(gzipped.body.byteLength).toBeLessThan(plain.body.byteLength / 5);
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    for (const refusing of ['gzip;q=0', 'gzip;q=0, *', 'identity']) {
      expect((await raw(`actor=${busy}`, refusing)).headers['content-encoding'], refusing).toBeUndefined();
    }
    expect((await raw(`actor=${busy}`, '*')).headers['content-encoding']).toBe('gzip');
    const nothing = await raw(`actor=${busy}&action=nothing.ever`, 'gzip');
    expect(nothing.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(nothing.body).byteLength).toBe(0);
  });
});

/**
 * better-sqlite3 answers on the thread that asks, so an audit read on the event loop holds every other
 * request behind it (issue 13: exporting pushed /health to 19 s). While an export of many events streams,
 * the server must keep answering as it does when idle. Measured against itself, in the same run: the
 * median /health latency during the export against the median just before it.
 */
describe.each(enginesUnderTest().filter((e) => e.engine === 'sqlite'))(
  'a long audit read on $engine',
  (engine) => {
    let server: TestServer;
    let admin: string;
    const actorId = newId('serviceAccount');

    beforeAll(async () => {
      server = await startTestServer(engine);
      admin = await adminToken(server.baseUrl);
      const organizationId = (await api(server.baseUrl, 'GET', '/api/v1/organization', { token: admin })).body
        .id as string;
      const insert = auditBatchInserter(server.portcullis.database);
      for (let from = 0; from < 60_000; from += 5000) {
        await insert(
          seeded(organizationId, 5000, from * 1000, () => ({
            actorId,
            targetId: actorId,
            details: { pad: 'x'.repeat(200) },
          })),
        );
      }
    });

    afterAll(async () => {
      await server?.close();
    });

    /** /health asked again and again for `ms`; the latency of each answer. */
    async function healthLatencies(ms: number): Promise<number[]> {
      const latencies: number[] = [];
      const until = performance.now() + ms;
      while (performance.now() < until) {
        const start = performance.now();
        expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
        latencies.push(performance.now() - start);
      }
      return latencies;
    }

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

    it('keeps answering while one caller exports sixty thousand events and another lists a filter that matches nothing', async () => {
      await healthLatencies(300);
      const idle = await healthLatencies(1500);
      const stop = new AbortController();
      const headers = { authorization: `Bearer ${admin}` };
      let received = 0;
      const response = await fetch(`${server.baseUrl}/api/v1/audit-events/export`, {
        headers,
        signal: stop.signal,
      });
      const exporting = (async () => {
        for await (const chunk of response.body!) received += (chunk as Uint8Array).byteLength;
      })().catch(() => undefined);
      // Every page of this reads as far as the scan budget allows, and finds nothing.
      let pages = 0;
      const listing = (async () => {
        let cursor: string | null = null;
        while (!stop.signal.aborted) {
          const page = await fetch(
            `${server.baseUrl}/api/v1/audit-events?actor=${actorId}&action=nothing.ever${cursor ? `&cursor=${cursor}` : ''}`,
            { headers, signal: stop.signal },
          );
          cursor = ((await page.json()) as { nextCursor: string | null }).nextCursor;
          pages++;
        }
      })().catch(() => undefined);
      const before = { received, pages };
      const during = await healthLatencies(1500);
      const meanwhile = { received: received - before.received, pages: pages - before.pages };
      stop.abort();
      await Promise.all([exporting, listing]);
      // Both readers went on while /health was asked, and /health answered about as fast as when idle.
      expect(meanwhile.received).toBeGreaterThan(0);
      expect(meanwhile.pages).toBeGreaterThan(0);
      expect(median(during), `idle ${median(idle)} ms`).toBeLessThan(4 * median(idle));
    });
  },
);
