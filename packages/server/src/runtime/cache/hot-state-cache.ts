interface Entry<T> {
  state: T;
  generation: number;
  loadedAt: number;
}

type Load<T> = () => Promise<T | undefined>;

/**
 * What the database says about a key (a client id, a person), kept while the change generation has not
 * moved (no committed change on any node) and for at most `maxAgeMs` — a safety net should a cross-node
 * notification be lost. Bounded: when full it starts over rather than tracking recency, which costs one
 * read per key. Decisions are made per request from the state, never stored in it.
 *
 * Reads are shared: every request for a key that finds no usable entry waits for the one read already
 * under way at its generation. On PostgreSQL a read is several round trips, and at thousands of requests a
 * second each request starting its own would queue on the pool and feed itself. An entry past
 * `refreshAfterMs` is still served while it is read again beside the requests, so the safety net's expiry
 * costs no request a wait; past `maxAgeMs` it is not served at all.
 */
export class HotStateCache<T> {
  private entries = new Map<string, Entry<T>>();
  private reads = new Map<string, { generation: number; state: Promise<T | undefined> }>();
  /** Look-ups served from memory and those that waited for a read, for the metrics. */
  readonly lookups = { hits: 0, misses: 0 };

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 5_000,
    private readonly refreshAfterMs = 4_000,
  ) {}

  /** The state for `key` as of `generation`; `load` reads it from the database when needed. */
  get(key: string, generation: number, now: number, load: Load<T>): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (entry && entry.generation === generation && now - entry.loadedAt <= this.maxAgeMs) {
      if (now - entry.loadedAt > this.refreshAfterMs) {
        // A failed early read changes nothing: the entry stays until its max age, then requests read.
        this.read(key, generation, now, load).catch(() => undefined);
      }
      this.lookups.hits++;
      return Promise.resolve(entry.state);
    }
    this.lookups.misses++;
    return this.read(key, generation, now, load);
  }

  private read(key: string, generation: number, now: number, load: Load<T>): Promise<T | undefined> {
    const running = this.reads.get(key);
    if (running?.generation === generation) return running.state;
    const state = load().then(
      (loaded) => {
        if (this.reads.get(key)?.state === state) this.reads.delete(key);
        this.store(key, loaded, generation, now);
        return loaded;
      },
      (error: unknown) => {
        if (this.reads.get(key)?.state === state) this.reads.delete(key);
        throw error;
      },
    );
    this.reads.set(key, { generation, state });
    return state;
  }

  /** Unknown keys (nothing read) are not kept. A read that a newer one overtook does not replace it. */
  private store(key: string, state: T | undefined, generation: number, loadedAt: number): void {
    const current = this.entries.get(key);
    if (current && (current.generation > generation || current.loadedAt > loadedAt)) return;
    if (!state) {
      this.entries.delete(key);
      return;
    }
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { state, generation, loadedAt });
  }
}
