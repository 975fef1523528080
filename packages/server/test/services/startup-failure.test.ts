import { createHook } from 'node:async_hooks';
import { expect, it, vi } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { startTestServer } from '../support/test-server.js';

/**
 * Counts the worker threads this process starts and has not ended, by their handles: the key ring's signing
 * thread is unref'd, so process.getActiveResourcesInfo() does not list it, and a leak would go unseen.
 */
function watchWorkers() {
  const live = new Set<number>();
  let started = 0;
  const hook = createHook({
    init: (id, type) => {
      if (type !== 'WORKER') return;
      live.add(id);
      started++;
    },
    destroy: (id) => {
      live.delete(id);
    },
  }).enable();
  return {
    get started() {
      return started;
    },
    get live() {
      return live.size;
    },
    stop: () => hook.disable(),
  };
}

describeOnEachEngine('a start-up that fails part-way, on $engine', (engine) => {
  it('rejects, and stops the signing thread when bootstrap fails after the key ring started', async () => {
    const workers = watchWorkers();
    try {
      await expect(startTestServer(engine, { PORTCULLIS_ADMIN_EMAIL: 'not an email' })).rejects.toMatchObject(
        {
          code: 'validation_failed',
        },
      );
      expect(workers.started).toBeGreaterThan(0);
      await vi.waitFor(() => expect(workers.live).toBe(0));
    } finally {
      workers.stop();
    }
  });

  it('rejects, and stops the signing thread when the key ring cannot open the stored keys', async () => {
    const database = await engine.create();
    const workers = watchWorkers();
    try {
      const first = await startTestServer(engine, {}, database);
      await first.close();
      // Another master key: the stored private keys do not open.
      await expect(startTestServer(engine, {}, database)).rejects.toThrow(
        /cannot be opened with this master key/,
      );
      await vi.waitFor(() => expect(workers.live).toBe(0));
    } finally {
      workers.stop();
      await database.drop();
    }
  });
});
