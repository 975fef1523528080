import { setTimeout as sleep } from 'node:timers/promises';
import { createParser } from 'eventsource-parser';
import type { FeedCredentials } from './feed-credentials.js';
import type { RevocationEvent, RevocationList } from './revocation-list.js';
import type { Logger } from './verifier-options.js';

export interface RevocationFollowerOptions {
  feedUrl: string;
  credentials: FeedCredentials;
  list: RevocationList;
  fetch: typeof fetch;
  logger: Logger;
  maxStalenessSeconds: number;
  onStale: 'closed' | 'open';
  transport: 'auto' | 'event-stream' | 'long-poll';
  now?: () => number;
}

export type FeedState = 'starting' | 'live' | 'reconnecting' | 'stopped';

export interface FollowerStatus {
  state: FeedState;
  transport: 'event-stream' | 'long-poll';
  /** The last feed position applied; null before the first event. */
  cursor: string | null;
  stalenessSeconds: number;
  /** Unreachable past `maxStalenessSeconds`, or never caught up yet. */
  stale: boolean;
  /** What stale means now: tokens refused (`closed`) or accepted unchecked (`open`). */
  onStale: 'closed' | 'open';
  acceptingTokens: boolean;
  /** Why the last connection failed, while reconnecting. */
  lastError: string | undefined;
}

/** Portcullis sends a comment line every 15 s on an idle stream; a stream silent longer is dead. */
const streamSilenceMs = 20_000;
const longPollWaitSeconds = 25;
/** A long-poll may be answered this late (its wait, plus reading and writing) before it counts as lost. */
const longPollMarginMs = 5_000;
const firstBackoffMs = 250;
const longestBackoffMs = 30_000;
/** A connection that lasted this long before failing was healthy: its failure starts the backoff over. */
const healthyConnectionMs = 30_000;
/** A stream that ends sooner than this counts as a failure, so a flapping proxy gets backoff. */
const shortestHealthyStreamMs = 1_000;

class FeedRefused extends Error {
  override name = 'FeedRefused';
}

/**
 * Follows Portcullis's revocation feed in the background and applies it to the revocation list. On each
 * (re)connection it first catches up with JSON pages until one is empty, then holds one event stream open
 * (resuming with Last-Event-ID) or, when streams are not offered, one long-poll after another. Failures are
 * retried with jittered exponential backoff for as long as the follower runs.
 *
 * Staleness is how long it has not known the feed to be up to date: 0 while a stream is open and heard from
 * within its heartbeat (or a long-poll is outstanding within its wait), else the time since it last was.
 */
export class RevocationFollower {
  private cursor: string | undefined;
  private transport: 'event-stream' | 'long-poll';
  private state: FeedState = 'starting';
  private readonly startedAt: number;
  private lastHeardAt: number | undefined;
  private liveUntil = Number.NEGATIVE_INFINITY;
  private caughtUp = false;
  private readonly caughtUpOnce: Promise<void>;
  private resolveCaughtUp!: () => void;
  private lastError: string | undefined;
  private staleAnnounced = false;
  private outageAnnounced = false;
  private stopped = false;
  private connection: AbortController | undefined;
  private readonly pause = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: RevocationFollowerOptions) {
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
    this.transport = options.transport === 'long-poll' ? 'long-poll' : 'event-stream';
    this.caughtUpOnce = new Promise((resolve) => {
      this.resolveCaughtUp = resolve;
    });
  }

  start(): void {
    this.running ??= this.run();
    let sweeps = 0;
    this.timer = setInterval(() => {
      this.announceStaleness();
      // Every ten minutes, like Portcullis's own retention.
      if (++sweeps % 600 === 0) this.options.list.forgetExpired();
    }, 1_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.state = 'stopped';
    clearInterval(this.timer);
    this.connection?.abort();
    this.pause.abort();
    await this.running;
  }

  /** Resolves once the follower has caught up with the feed for the first time, or after `timeoutMs`. */
  async whenCaughtUp(timeoutMs: number): Promise<boolean> {
    if (this.caughtUp) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([this.caughtUpOnce.then(() => true as const), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  stalenessSeconds(): number {
    const now = this.now();
    if (now < this.liveUntil) return 0;
    return Math.max(0, (now - (this.lastHeardAt ?? this.startedAt)) / 1000);
  }

  isStale(): boolean {
    return !this.caughtUp || this.stalenessSeconds() > this.options.maxStalenessSeconds;
  }

  /** False while stale and failing closed: the verifier then refuses every token. */
  acceptsTokens(): boolean {
    const stale = this.announceStaleness();
    return !stale || this.options.onStale === 'open';
  }

  status(): FollowerStatus {
    const stale = this.isStale();
    return {
      state: this.state,
      transport: this.transport,
      cursor: this.cursor ?? null,
      stalenessSeconds: this.stalenessSeconds(),
      stale,
      onStale: this.options.onStale,
      acceptingTokens: !stale || this.options.onStale === 'open',
      lastError: this.state === 'live' ? undefined : this.lastError,
    };
  }

  /** Logs once when the bound is crossed and once when the feed is back; returns whether stale. */
  private announceStaleness(): boolean {
    const stale = this.isStale();
    // Before the first catch-up it is stale too, but start-up is not an outage until the bound has passed.
    if (stale && !this.staleAnnounced && this.stalenessSeconds() > this.options.maxStalenessSeconds) {
      this.staleAnnounced = true;
      this.options.logger.error(
        this.options.onStale === 'closed'
          ? 'Portcullis revocation feed unreachable past its bound: refusing every token until it is back (fail closed)'
          : 'Portcullis revocation feed unreachable past its bound: accepting tokens without revocation checks (fail open)',
        {
          stalenessSeconds: Math.round(this.stalenessSeconds()),
          maxStalenessSeconds: this.options.maxStalenessSeconds,
          lastError: this.lastError,
        },
      );
    } else if (!stale && this.staleAnnounced) {
      this.staleAnnounced = false;
      this.options.logger.info('Portcullis revocation feed caught up again: revocation checks resumed');
    }
    return stale;
  }

  private async run(): Promise<void> {
    for (let attempt = 0; !this.stopped; ) {
      const began = this.now();
      const transport = this.transport;
      try {
        await this.catchUp();
        if (transport === 'long-poll') await this.longPoll();
        else await this.stream();
        // Switching to long-polls is no failure; a stream that ends at once again and again is.
        if (transport === this.transport && this.now() - began < shortestHealthyStreamMs) {
          throw new Error('the feed ended at once');
        }
        attempt = 0;
      } catch (error) {
        if (this.stopped) return;
        this.connectionLost(error);
        // A connection that served a while starts the backoff over; one that failed at once continues it.
        if (this.now() - began >= healthyConnectionMs) attempt = 0;
        const ceiling = Math.min(longestBackoffMs, firstBackoffMs * 2 ** attempt++);
        await sleep(ceiling / 2 + Math.random() * (ceiling / 2), undefined, {
          signal: this.pause.signal,
        }).catch(() => undefined);
      }
    }
  }

  private heard(forMs: number): void {
    const now = this.now();
    this.lastHeardAt = now;
    this.liveUntil = now + forMs;
  }

  private connectionLost(error: unknown): void {
    this.liveUntil = Number.NEGATIVE_INFINITY;
    this.state = 'reconnecting';
    this.lastError = error instanceof Error ? error.message : String(error);
    if (!this.outageAnnounced) {
      this.outageAnnounced = true;
      this.options.logger.warn('Portcullis revocation feed unreachable; reconnecting with backoff', {
        error: this.lastError,
      });
    }
  }

  private connected(): void {
    this.state = 'live';
    if (this.outageAnnounced) {
      this.outageAnnounced = false;
      this.options.logger.info('Portcullis revocation feed reachable again');
    }
  }

  private apply(event: RevocationEvent, position: string | undefined): void {
    this.options.list.apply(event);
    if (position) this.cursor = position;
  }

  /** One request to the feed with the follower's token; a 401 drops the token so the next gets a fresh one. */
  private async request(accept: 'application/json' | 'text/event-stream', waitSeconds: number) {
    const url = new URL(this.options.feedUrl);
    if (this.cursor !== undefined) url.searchParams.set('after', this.cursor);
    if (waitSeconds > 0) url.searchParams.set('wait', String(waitSeconds));
    const token = await this.options.credentials.bearer();
    const connection = new AbortController();
    this.connection = connection;
    const headers: Record<string, string> = { accept, authorization: `Bearer ${token}` };
    if (accept === 'text/event-stream' && this.cursor !== undefined) headers['last-event-id'] = this.cursor;
    const response = await this.options.fetch(url, { headers, signal: connection.signal });
    if (response.status === 401) this.options.credentials.discard(token);
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new FeedRefused(`the revocation feed answered ${response.status}`);
    }
    return { response, connection };
  }

  private async page(waitSeconds: number): Promise<number> {
    const { response } = await this.request('application/json', waitSeconds);
    const page = (await response.json()) as {
      events?: (RevocationEvent & { id?: string })[];
      cursor?: unknown;
    };
    for (const event of page.events ?? []) this.options.list.apply(event);
    if (typeof page.cursor === 'string') this.cursor = page.cursor;
    return page.events?.length ?? 0;
  }

  private async catchUp(): Promise<void> {
    while ((await this.page(0)) > 0 && !this.stopped);
    this.heard(longPollMarginMs);
    this.connected();
    if (!this.caughtUp) {
      this.caughtUp = true;
      this.resolveCaughtUp();
    }
  }

  private async longPoll(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      await this.page(longPollWaitSeconds);
      this.heard(longPollWaitSeconds * 1000 + longPollMarginMs);
    }
  }

  /** Returns when Portcullis ends the stream (it restarts, or re-authentication failed); throws on failures. */
  private async stream(): Promise<void> {
    const { response, connection } = await this.request('text/event-stream', 0);
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream')) {
      await response.body?.cancel().catch(() => undefined);
      if (this.options.transport === 'auto') {
        this.transport = 'long-poll';
        return;
      }
      throw new Error(`the revocation feed answered ${type || 'no content type'}, not an event stream`);
    }
    if (!response.body) throw new Error('the revocation feed answered without a body');
    this.heard(streamSilenceMs);
    const parser = createParser({
      onEvent: (message) => {
        if (message.event !== 'revocation') return;
        try {
          this.apply(JSON.parse(message.data) as RevocationEvent, message.id);
        } catch {
          this.options.logger.warn('Portcullis revocation feed sent an event that is not JSON', {
            id: message.id,
          });
        }
      },
    });
    const watchdog = setInterval(() => {
      if (this.now() >= this.liveUntil) connection.abort();
    }, 1_000);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        this.heard(streamSilenceMs);
        parser.feed(value);
      }
    } catch (error) {
      if (connection.signal.aborted && !this.stopped) throw new Error('the revocation stream fell silent');
      throw error;
    } finally {
      clearInterval(watchdog);
      reader.releaseLock();
    }
  }
}
