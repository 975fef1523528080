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

/** RFC 6749 §2.3.1: the id and secret are form-encoded before Basic's base64. */
function basic(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}

/**
 * The follower's own access token (client_credentials at the token endpoint), kept until shortly before it
 * expires and then fetched again; one request in flight however many callers wait. The secret goes only to
 * the token endpoint, never into an error message.
 */
export class FeedCredentials {
  private token: { value: string; refreshAt: number } | undefined;
  private fetching: Promise<string> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: FeedCredentialsOptions) {
    this.now = options.now ?? Date.now;
  }

  async bearer(): Promise<string> {
    if (this.token && this.now() < this.token.refreshAt) return this.token.value;
    this.fetching ??= this.fetchToken().finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  /** After a 401: the token was revoked or Portcullis forgot it; the next call fetches another. */
  discard(value: string): void {
    if (this.token?.value === value) this.token = undefined;
  }

  private async fetchToken(): Promise<string> {
    const endpoint = await this.options.tokenEndpoint();
    const requestedAt = this.now();
    const response = await this.options.fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        authorization: basic(this.options.clientId, this.options.clientSecret),
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: feedScope }).toString(),
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: unknown;
      expires_in?: unknown;
      error?: unknown;
    };
    if (!response.ok || typeof body.access_token !== 'string') {
      throw new Error(
        `the token endpoint refused the revocation feed's client ${this.options.clientId}: ${response.status} ${String(body.error ?? '')}`.trim(),
      );
    }
    const lifetimeMs = (typeof body.expires_in === 'number' ? body.expires_in : 300) * 1000;
    // Renewed a minute before it expires (at three quarters of a life shorter than four minutes): never used in
    // its last seconds, where a clock difference or a slow request would find it expired.
    const refreshAt = requestedAt + Math.max(lifetimeMs * 0.75, lifetimeMs - 60_000);
    this.token = { value: body.access_token, refreshAt };
    return body.access_token;
  }
}
