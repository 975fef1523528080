import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/services/context.js';
import { readRevocationFeed } from '../../src/services/revocation/read-revocation-feed.js';
import { enginesUnderTest } from '../support/engines.js';
import { adminToken, api } from '../support/http-client.js';
import { startTestServer } from '../support/test-server.js';

describe.each(enginesUnderTest())('long-polls of the revocation feed on $engine', (engine) => {
  it.skipIf(!engine.available)(
    'answer at once, with nothing new and the cursor unchanged, when the server closes',
    async () => {
      const server = await startTestServer(engine);
      let closed = false;
      try {
        const token = await adminToken(server.baseUrl);
        const now = await api(server.baseUrl, 'GET', '/oauth/revocations', { token });
        expect(now.status).toBe(200);
        const after = now.body.cursor === null ? '' : `&after=${now.body.cursor}`;
        const longPoll = api(server.baseUrl, 'GET', `/oauth/revocations?wait=30${after}`, { token });
        // Well into the wait, past a poll or two.
        await sleep(600);
        const closing = performance.now();
        await server.close();
        closed = true;
        expect(performance.now() - closing).toBeLessThan(3000);
        expect(await longPoll).toMatchObject({ status: 200, body: { events: [], cursor: now.body.cursor } });
      } finally {
        if (!closed) await server.close();
      }
    },
    // Without the fix the close waits out the 30 s long-poll; let that show as a failed assertion.
    45_000,
  );

  it.skipIf(!engine.available)(
    'end their wait as soon as they are aborted, not at the next poll',
    async () => {
      const server = await startTestServer(engine);
      try {
        const stop = new AbortController();
        const reading = readRevocationFeed(server.portcullis.ctx, systemCaller(), undefined, 30, stop.signal);
        // Polls are 250 ms apart: at 300 ms the second wait has barely begun.
        await sleep(300);
        const aborted = performance.now();
        stop.abort();
        expect(await reading).toMatchObject({ events: [] });
        expect(performance.now() - aborted).toBeLessThan(100);
      } finally {
        await server.close();
      }
    },
  );
});
