import { describe, expect, it } from 'vitest';
import { readSettings } from '../../src/settings.js';

const feed = { DEMO_API_FEED_CLIENT_ID: 'sa_feed', DEMO_API_FEED_CLIENT_SECRET: 'pcs_feed' };

describe('the demo API settings', () => {
  it('needs only the feed credentials: Portcullis on 8080, the demo API on 8081, the demo audience', () => {
    expect(readSettings(feed)).toEqual({
      portcullisUrl: 'http://127.0.0.1:8080',
      host: '127.0.0.1',
      port: 8081,
      audience: 'https://api.acme.example',
      feed: { clientId: 'sa_feed', clientSecret: 'pcs_feed' },
    });
  });

  it('names every problem at once', () => {
    expect(() => readSettings({ PORTCULLIS_URL: 'portcullis', DEMO_API_PORT: '80a' })).toThrow(
      'PORTCULLIS_URL must be a URL; DEMO_API_PORT must be a port number from 0 to 65535; ' +
        'DEMO_API_FEED_CLIENT_ID is required; DEMO_API_FEED_CLIENT_SECRET is required',
    );
  });

  it.each(['-1', '65536', '1.5', 'http'])('refuses port %j', (port) => {
    expect(() => readSettings({ ...feed, DEMO_API_PORT: port })).toThrow(
      'DEMO_API_PORT must be a port number',
    );
  });
});
