import { type PortcullisError, statusOf } from '@portcullis/core/errors';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Fast enough for a token, slow enough for a database read under load: 0.5 ms to 2.5 s. */
const requestBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** A revocation reaches a waiting follower within a poll interval (250 ms) unless something is wrong. */
const feedLagBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export type RateLimitedEndpoint = 'token' | 'login';
export type RateLimitKind = 'address' | 'subject';
export type FeedFollowerMode = 'stream' | 'long_poll';

/**
 * The instruments that move as requests are served: counters and histograms only, no label made from
 * input (a refusal's reason is an audit reason or an error code, both literals in our code; no client id,
 * address or organization), so a request costs a few increments and the series stay few. What can be read
 * when scraped (backlogs, pool use, key age) is read then: scraped-gauges.ts.
 */
export class PortcullisMetrics {
  readonly registry = new Registry();
  private readonly tokenRequests = new Counter({
    name: 'portcullis_token_requests_total',
    help: 'POST /oauth/token requests answered, by result (issued, refused, failed) and reason (an audit reason or an error code; "none" when issued).',
    labelNames: ['result', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly issued = this.tokenRequests.labels('issued', 'none');
  private readonly issuanceSeconds = new Histogram({
    name: 'portcullis_token_issuance_duration_seconds',
    help: 'Time from routing a POST /oauth/token request to its token being ready, for issued tokens.',
    buckets: requestBuckets,
    registers: [this.registry],
  });
  private readonly rateLimitRefusals = new Counter({
    name: 'portcullis_rate_limit_refusals_total',
    help: 'Requests refused 429 by a rate limit, by endpoint (token, login) and limit (address, subject).',
    labelNames: ['endpoint', 'limit'] as const,
    registers: [this.registry],
  });
  private readonly feedFollowers = new Gauge({
    name: 'portcullis_revocation_feed_followers',
    help: 'Revocation-feed followers connected to this node: open event streams, and long-polls waiting for the next event.',
    labelNames: ['mode'] as const,
    registers: [this.registry],
  });
  private readonly feedLag = new Histogram({
    name: 'portcullis_revocation_feed_delivery_lag_seconds',
    help: 'Time from a revocation event being recorded to its delivery to a follower that was waiting for it.',
    buckets: feedLagBuckets,
    registers: [this.registry],
  });
  private readonly querySeconds = new Histogram({
    name: 'portcullis_database_query_duration_seconds',
    help: "Queries on the server's main database connections (not the writer's or the audit reader's threads).",
    buckets: requestBuckets,
    registers: [this.registry],
  });
  private readonly queryErrors = new Counter({
    name: 'portcullis_database_query_errors_total',
    help: "Queries on the server's main database connections that failed.",
    registers: [this.registry],
  });

  constructor() {
    // Series that exist from the start, so a dashboard finds every node before its first token.
    this.issued.inc(0);
    for (const mode of ['stream', 'long_poll'] as const) this.feedFollowers.set({ mode }, 0);
  }

  /** Node's and the process's own (CPU, memory, event-loop delay, GC); only when metrics are served. */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry });
  }

  tokenIssued(seconds: number): void {
    this.issued.inc();
    if (seconds >= 0) this.issuanceSeconds.observe(seconds);
  }

  tokenRefused(error: PortcullisError): void {
    const result = statusOf(error.code) >= 500 ? 'failed' : 'refused';
    this.tokenRequests.inc({ result, reason: error.auditReason ?? error.code });
  }

  rateLimited(endpoint: RateLimitedEndpoint, limit: RateLimitKind): void {
    this.rateLimitRefusals.inc({ endpoint, limit });
  }

  /** A follower starts waiting on the feed; call the returned function when it stops. */
  followerWaiting(mode: FeedFollowerMode): () => void {
    this.feedFollowers.inc({ mode });
    return () => this.feedFollowers.dec({ mode });
  }

  feedDelivered(lagSeconds: number): void {
    this.feedLag.observe(Math.max(0, lagSeconds));
  }

  /** Kysely's log hook: every query on the main connections, with its time. */
  readonly queryDone = (event: { level: 'query' | 'error'; queryDurationMillis: number }): void => {
    this.querySeconds.observe(event.queryDurationMillis / 1000);
    if (event.level === 'error') this.queryErrors.inc();
  };

  /** The text exposition format, and its content type. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
