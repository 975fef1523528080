import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * `?name=` is a case-insensitive substring whose every character means itself, on both engines (issue 14):
 * `_` and `%` are not LIKE wildcards, and neither `\` nor `!` is an escape.
 */
describeOnEachEngine('the service-account name filter on $engine', (engine) => {
  let server: TestServer;
  let operator: string;

  const named = async (name: string) => {
    const response = await api(
      server.baseUrl,
      'GET',
      `/api/v1/service-accounts?name=${encodeURIComponent(name)}`,
      { token: operator },
    );
    expect(response.status).toBe(200);
    return response.body.items.map((sa: { name: string }) => sa.name).sort();
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    operator = await adminToken(server.baseUrl);
    for (const name of ['fb_net_x', 'FB_NET_X2', 'fb-net-x', 'fbanetbx', 'fb.net.x']) {
      const created = await api(server.baseUrl, 'POST', '/api/v1/service-accounts', {
        token: operator,
        body: { name },
      });
      expect(created.status).toBe(201);
    }
  });
  afterAll(async () => server?.close());

  it('matches an underscore only as an underscore', async () => {
    expect(await named('fb_net_x')).toEqual(['FB_NET_X2', 'fb_net_x']);
    expect(await named('_')).toEqual(['FB_NET_X2', 'fb_net_x']);
  });

  it('ignores case the same way on both engines', async () => {
    expect(await named('Fb_NeT')).toEqual(['FB_NET_X2', 'fb_net_x']);
    expect(await named('NET.X')).toEqual(['fb.net.x']);
  });

  it('matches a percent sign, a backslash and an exclamation mark only as themselves', async () => {
    expect(await named('%')).toEqual([]);
    expect(await named('fb%x')).toEqual([]);
    expect(await named('\\')).toEqual([]);
    expect(await named('fb\\_net')).toEqual([]);
    // `!` is the filter's own escape character: unescaped, `fb!_net` would read as `fb_net`.
    expect(await named('!')).toEqual([]);
    expect(await named('fb!_net')).toEqual([]);
  });

  it('still finds every name containing the text', async () => {
    expect(await named('net')).toEqual(['FB_NET_X2', 'fb-net-x', 'fb.net.x', 'fb_net_x', 'fbanetbx']);
  });
});
