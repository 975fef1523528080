import { CachedToken } from './cached-token.js';
import { clientCredentialsExchange } from './token-exchange.js';

export interface FeedCredentialsOptions {
  /** Resolved when first needed (it may come from the metadata). */
  tokenEndpoint: () => Promise<string>;
  clientId: string;
  clientSecret: string;
  fetch: typeof fetch;
  now?: () => number;
}

/** The least the feed needs: a token carrying only this permission. */
const feedScope = 'portcullis.introspection:run';

/**
 * The follower's own access token: the token client's machinery (client_credentials, renewed a minute
 * before it expires, one request in flight), asking for the feed's permission only.
 */
export class FeedCredentials {
  private readonly cached: CachedToken;

  constructor(options: FeedCredentialsOptions) {
    const exchange = clientCredentialsExchange({ ...options, scope: feedScope });
    this.cached = new CachedToken(exchange, 60_000, options.now);
  }

  bearer(): Promise<string> {
    return this.cached.get();
  }

  /** After a 401: the token was revoked or Portcullis forgot it; the next call fetches another. */
  discard(value: string): void {
    this.cached.invalidate(value);
  }
}
