import { describe, expect, it } from 'vitest';
import { HotStateCache } from '../../src/runtime/cache/hot-state-cache.js';

// The cache never looks inside a state; a tagged stand-in shows which read a request was given.
interface Tagged {
  tag: string;
}
const stateOf = (tag: string): Tagged => ({ tag });
const tagOf = (state: Tagged | undefined) => state?.tag;

/** A read that completes when the test says so, counting how often it was started. */
function controlledRead() {
  const pending: ((state: Tagged | undefined) => void)[] = [];
  return {
    started: () => pending.length,
    load: () => new Promise<Tagged | undefined>((resolve) => pending.push(resolve)),
    finish: (index: number, state: Tagged | undefined) => pending[index]!(state),
  };
}

describe('hot state cache', () => {
  it('gives every concurrent request for one client the same single read', async () => {
    const cache = new HotStateCache<Tagged>();
    const read = controlledRead();
    const requests = Array.from({ length: 50 }, () => cache.get('sa_1 ', 1, 0, read.load));
    expect(read.started()).toBe(1);
    read.finish(0, stateOf('first'));
    expect((await Promise.all(requests)).map(tagOf)).toEqual(Array(50).fill('first'));
    expect(tagOf(await cache.get('sa_1 ', 1, 10, read.load))).toBe('first');
    expect(read.started()).toBe(1);
  });

  it('does not let a request after a change join a read that began before it', async () => {
    const cache = new HotStateCache<Tagged>();
    const read = controlledRead();
    const before = cache.get('sa_1 ', 1, 0, read.load);
    const after = cache.get('sa_1 ', 2, 0, read.load);
    expect(read.started()).toBe(2);
    read.finish(1, stateOf('after the change'));
    read.finish(0, stateOf('before the change'));
    expect(tagOf(await before)).toBe('before the change');
    expect(tagOf(await after)).toBe('after the change');
    // The older read finished last but does not replace the newer generation's entry.
    expect(tagOf(await cache.get('sa_1 ', 2, 1, read.load))).toBe('after the change');
    expect(read.started()).toBe(2);
  });

  it('serves an entry near its max age at once while reading it again, then serves the new read', async () => {
    const cache = new HotStateCache<Tagged>(10, 5_000, 4_000);
    const read = controlledRead();
    const first = cache.get('sa_1 ', 1, 0, read.load);
    read.finish(0, stateOf('old'));
    await first;

    expect(tagOf(await cache.get('sa_1 ', 1, 4_500, read.load))).toBe('old');
    expect(read.started()).toBe(2);
    expect(tagOf(await cache.get('sa_1 ', 1, 4_600, read.load))).toBe('old');
    expect(read.started()).toBe(2);
    read.finish(1, stateOf('refreshed'));
    await Promise.resolve();
    expect(tagOf(await cache.get('sa_1 ', 1, 4_700, read.load))).toBe('refreshed');
    expect(read.started()).toBe(2);
  });

  it('never serves an entry past its max age, even while a refresh is slow', async () => {
    const cache = new HotStateCache<Tagged>(10, 5_000, 4_000);
    const read = controlledRead();
    const first = cache.get('sa_1 ', 1, 0, read.load);
    read.finish(0, stateOf('old'));
    await first;
    void cache.get('sa_1 ', 1, 4_500, read.load);
    const late = cache.get('sa_1 ', 1, 5_001, read.load);
    let settled = false;
    void late.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    read.finish(1, stateOf('refreshed'));
    expect(tagOf(await late)).toBe('refreshed');
  });

  it('keeps no entry for an unknown client and shares no failed read', async () => {
    const cache = new HotStateCache<Tagged>();
    const read = controlledRead();
    const unknown = cache.get('sa_gone ', 1, 0, read.load);
    read.finish(0, undefined);
    expect(await unknown).toBeUndefined();
    void cache.get('sa_gone ', 1, 1, read.load);
    expect(read.started()).toBe(2);

    const failing = cache.get('sa_down ', 1, 0, () => Promise.reject(new Error('database down')));
    await expect(failing).rejects.toThrow('database down');
    const retried = cache.get('sa_down ', 1, 1, async () => stateOf('back'));
    expect(tagOf(await retried)).toBe('back');
  });
});
