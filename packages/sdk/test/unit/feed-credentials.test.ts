import { describe, expect, it } from 'vitest';
import { FeedCredentials } from '../../src/feed-credentials.js';

/** A token endpoint in a function: counts its requests and answers each with a new token. */
function tokenEndpoint(expiresIn = 300) {
  const requests: { authorization: string | null; body: string }[] = [];
  const fetchFn = (async (_url: string, init: RequestInit) => {
    requests.push({ authorization: new Headers(init.headers).get('authorization'), body: String(init.body) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    return Response.json({
      access_token: `token-${requests.length}`,
      token_type: 'Bearer',
      expires_in: expiresIn,
    });
  }) as unknown as typeof fetch;
  return { requests, fetchFn };
}

describe("the revocation follower's own token", () => {
  it('asks once however many callers wait, with Basic credentials and only the feed permission', async () => {
    const endpoint = tokenEndpoint();
    const credentials = new FeedCredentials({
      tokenEndpoint: async () => 'https://auth.example.com/oauth/token',
      clientId: 'sa_feed',
      clientSecret: 'pcs_secret',
      fetch: endpoint.fetchFn,
    });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => credentials.bearer()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(endpoint.requests).toEqual([
      {
        authorization: `Basic ${Buffer.from('sa_feed:pcs_secret').toString('base64')}`,
        body: 'grant_type=client_credentials&scope=portcullis.introspection%3Arun',
      },
    ]);
  });

  it('keeps the token until a minute before it expires, then fetches the next one', async () => {
    let now = 1_000_000;
    const endpoint = tokenEndpoint(400);
    const credentials = new FeedCredentials({
      tokenEndpoint: async () => 'https://auth.example.com/oauth/token',
      clientId: 'sa_feed',
      clientSecret: 'pcs_secret',
      fetch: endpoint.fetchFn,
      now: () => now,
    });
    expect(await credentials.bearer()).toBe('token-1');
    now += 339_000;
    expect(await credentials.bearer()).toBe('token-1');
    now += 2_000;
    expect(await credentials.bearer()).toBe('token-2');
  });

  it('fetches a fresh token after the feed refused the one it had', async () => {
    const endpoint = tokenEndpoint();
    const credentials = new FeedCredentials({
      tokenEndpoint: async () => 'https://auth.example.com/oauth/token',
      clientId: 'sa_feed',
      clientSecret: 'pcs_secret',
      fetch: endpoint.fetchFn,
    });
    credentials.discard(await credentials.bearer());
    expect(await credentials.bearer()).toBe('token-2');
  });

  it('says which client was refused without repeating its secret', async () => {
    const refusing = (async () =>
      Response.json({ error: 'invalid_client' }, { status: 401 })) as unknown as typeof fetch;
    const credentials = new FeedCredentials({
      tokenEndpoint: async () => 'https://auth.example.com/oauth/token',
      clientId: 'sa_feed',
      clientSecret: 'pcs_secret',
      fetch: refusing,
    });
    const error = await credentials.bearer().catch((e: Error) => e);
    expect(String(error)).toContain('sa_feed: 401 invalid_client');
    expect(String(error)).not.toContain('pcs_secret');
  });
});
