import { expect, it, vi } from 'vitest';
import { systemCaller } from '../../src/services/context.js';
import { readRevocationFeed } from '../../src/services/revocation/read-revocation-feed.js';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api } from '../support/http-client.js';
import { startTestServer } from '../support/test-server.js';

/**
 * The feed pauses between polls with `setTimeout` from `node:timers/promises` (250 ms). When `stretchToMs`
 * is set, that pause lasts this long instead, and `onPause` hears when it begins: "the next poll" is then
 * far beyond any bound asserted here, so a wait that ends at the next poll cannot pass on a lucky timing.
 * The real timer runs, with the feed's own signal; unset, nothing changes.
 */
const feedPause = vi.hoisted(() => ({
  stretchToMs: undefined as number | undefined,
  onPause: undefined as (() => void) | undefined,
}));
vi.mock('node:timers/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:timers/promises')>();
  const setTimeout = ((delay, value, options) => {
    if (feedPause.stretchToMs === undefined) return actual.setTimeout(delay, value, options);
    const pausing = actual.setTimeout(feedPause.stretchToMs, value, options);
    feedPause.onPause?.();
    return pausing;
  }) as typeof actual.setTimeout;
  return { ...actual, setTimeout, default: { ...actual, setTimeout } };
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeOnEachEngine('long-polls of the revocation feed on $engine', (engine) => {
  it('answer at once, with nothing new and the cursor unchanged, when the server closes', async () => {
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
  }, 45_000); // Without the fix the close waits out the 30 s long-poll; let that show as a failed assertion.

  it('end their wait as soon as they are aborted, not at the next poll nor at the end of the wait', async () => {
    const server = await startTestServer(engine);
    try {
      // The next poll would be 60 s away and the wait ends in 30 s: either would miss the 5 s bound below.
      feedPause.stretchToMs = 60_000;
      const paused = new Promise<void>((resolve) => {
        feedPause.onPause = resolve;
      });
      const stop = new AbortController();
      const reading = readRevocationFeed(server.portcullis.ctx, systemCaller(), undefined, 30, stop.signal);
      reading.catch(() => undefined); // Still pending when this test fails: it then fails after the close.
      // Abort only once the first poll found nothing and the pause between polls has begun.
      const pausedInTime = await Promise.race([paused.then(() => true), sleep(10_000).then(() => false)]);
      expect(pausedInTime, 'the feed paused between polls').toBe(true);
      stop.abort();
      const answer = await Promise.race([
        reading,
        sleep(5_000).then(() => 'still waiting 5 s after the abort'),
      ]);
      expect(answer).toMatchObject({ events: [] });
    } finally {
      feedPause.stretchToMs = undefined;
      feedPause.onPause = undefined;
      await server.close();
    }
  });
});
