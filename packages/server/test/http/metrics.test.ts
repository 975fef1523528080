import { readFileSync } from 'node:fs';
import { newId } from '@portcullis/core/ids';
import { generateClientSecret } from '@portcullis/core/secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnEachEngine, enginesUnderTest } from '../support/engines.js';
import { eventually } from '../support/eventually.js';
import {
  adminToken,
  api,
  type ClientPair,
  clientCredentialsToken,
  createResourceServer,
  createUsableServiceAccount,
  tokenRequest,
} from '../support/http-client.js';
import { type Scrape, scrape } from '../support/prometheus-scrape.js';
import { freePort, startTestServer, type TestServer } from '../support/test-server.js';

const dashboard = JSON.parse(
  readFileSync(new URL('../../../../docs/grafana-dashboard.json', import.meta.url), 'utf8'),
) as { panels: { targets?: { expr: string }[] }[] };

/** Metric names the dashboard's queries use, a histogram's by its family's name. */
function dashboardMetricNames(): string[] {
  const exprs = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
  const names = exprs.flatMap((expr) => [...expr.matchAll(/\b((?:portcullis|process|nodejs)_[a-z0-9_]+)/g)]);
  return [...new Set(names.map((m) => (m[1] ?? '').replace(/_(bucket|sum|count)$/, '')))];
}

/** Metrics one engine has and the other cannot. */
const engineOnly = {
  postgres: [
    'portcullis_database_pool_connections',
    'portcullis_database_pool_max_connections',
    'portcullis_database_pool_waiting_queries',
  ],
  sqlite: ['portcullis_sqlite_file_bytes'],
};

const perClientLimit = 20;

describeOnEachEngine('metrics on a listener of their own ($engine)', (engine) => {
  let server: TestServer;
  let metricsUrl: string;
  let admin: string;
  let client: ClientPair;

  beforeAll(async () => {
    const metricsPort = await freePort();
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    server = await startTestServer(engine, {
      PORTCULLIS_METRICS_PORT: String(metricsPort),
      PORTCULLIS_TOKEN_RATE_LIMIT_PER_CLIENT: String(perClientLimit),
    });
    admin = await adminToken(server.baseUrl);
    client = await createUsableServiceAccount(server.baseUrl, admin, 'metered');
  });
  afterAll(() => server?.close());

  it('counts issued tokens and each refusal by its reason, and times issuance', async () => {
    const before = await scrape(metricsUrl);
    const form = { grant_type: 'client_credentials', client_id: client.clientId };
    const answers = await Promise.all([
      tokenRequest(server.baseUrl, { ...form, client_secret: client.clientSecret }),
      tokenRequest(server.baseUrl, { ...form, client_secret: client.clientSecret }),
      tokenRequest(server.baseUrl, { ...form, client_secret: client.clientSecret }),
      tokenRequest(server.baseUrl, { ...form, client_secret: generateClientSecret() }),
      tokenRequest(server.baseUrl, { ...form, client_secret: generateClientSecret() }),
      tokenRequest(server.baseUrl, { ...form, client_id: newId('serviceAccount'), client_secret: 'pcs_x' }),
      tokenRequest(server.baseUrl, { ...form, client_secret: client.clientSecret, scope: 'incidents:list' }),
      tokenRequest(server.baseUrl, { client_id: client.clientId, client_secret: client.clientSecret }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 401, 401, 401, 400, 400]);
    const after = await scrape(metricsUrl);

    const moved = (labels: Record<string, string>) =>
      after.value('portcullis_token_requests_total', labels) -
      before.value('portcullis_token_requests_total', labels);
    expect(moved({ result: 'issued', reason: 'none' })).toBe(3);
    expect(moved({ result: 'refused', reason: 'wrong_secret' })).toBe(2);
    expect(moved({ result: 'refused', reason: 'malformed_secret' })).toBe(1);
    expect(moved({ result: 'refused', reason: 'scope_exceeds_effective' })).toBe(1);
    expect(moved({ result: 'refused', reason: 'invalid_request' })).toBe(1);
    const histogram = 'portcullis_token_issuance_duration_seconds';
    expect(after.count(histogram) - before.count(histogram)).toBe(3);
    // Three issued, two wrong secrets and the narrowed scope looked the client up; the malformed secret
    // and the request without a grant type were refused before any look-up.
    const lookups = (s: Scrape) =>
      s.value('portcullis_client_cache_lookups_total', { result: 'hit' }) +
      s.value('portcullis_client_cache_lookups_total', { result: 'miss' });
    expect(lookups(after) - lookups(before)).toBe(6);
  });

  it("counts API requests' look-ups of the caller's cached state: a person's second call is served from memory", async () => {
    const before = await scrape(metricsUrl);
    for (let i = 0; i < 3; i++) {
      expect((await api(server.baseUrl, 'GET', '/api/v1/roles', { token: admin })).status).toBe(200);
    }
    const after = await scrape(metricsUrl);
    const moved = (result: string) =>
      after.value('portcullis_login_cache_lookups_total', { result }) -
      before.value('portcullis_login_cache_lookups_total', { result });
    // Nothing changed between the calls, so at most the first one read the database.
    expect(moved('hit') + moved('miss')).toBe(3);
    expect(moved('hit')).toBeGreaterThanOrEqual(2);
  });

  it('counts rate-limit refusals by endpoint and limit', async () => {
    const before = await scrape(metricsUrl);
    const stranger = newId('serviceAccount');
    const statuses: number[] = [];
    for (let i = 0; i <= perClientLimit; i++) {
      const answer = await tokenRequest(server.baseUrl, {
        grant_type: 'client_credentials',
        client_id: stranger,
        client_secret: generateClientSecret(),
      });
      statuses.push(answer.status);
    }
    expect(statuses.at(-1)).toBe(429);
    const after = await scrape(metricsUrl);
    const labels = { endpoint: 'token', limit: 'subject' };
    expect(
      after.value('portcullis_rate_limit_refusals_total', labels) -
        before.value('portcullis_rate_limit_refusals_total', labels),
    ).toBe(1);
    const refused = { result: 'refused', reason: 'too_many_requests' };
    expect(
      after.value('portcullis_token_requests_total', refused) -
        before.value('portcullis_token_requests_total', refused),
    ).toBe(1);
  });

  it('shows a waiting revocation-feed follower, and the lag of the event it was sent', async () => {
    const follower = await createResourceServer(server.baseUrl, admin, 'follower');
    const followerToken = await clientCredentialsToken(server.baseUrl, follower);
    const head = await api(server.baseUrl, 'GET', '/oauth/revocations', { token: followerToken });
    const before = await scrape(metricsUrl);
    const longPoll = api(server.baseUrl, 'GET', `/oauth/revocations?wait=20&after=${head.body.cursor ?? 0}`, {
      token: followerToken,
    });
    await eventually(
      async () =>
        (await scrape(metricsUrl)).value('portcullis_revocation_feed_followers', { mode: 'long_poll' }) === 1,
      { what: 'the long-poll is counted as a follower', timeoutMs: 5_000 },
    );
    const doomed = await createUsableServiceAccount(server.baseUrl, admin, 'doomed');
    await api(server.baseUrl, 'PATCH', `/api/v1/service-accounts/${doomed.clientId}`, {
      token: admin,
      body: { enabled: false },
    });
    const answer = await longPoll;
    expect(answer.body.events.length).toBeGreaterThan(0);
    const after = await scrape(metricsUrl);
    expect(after.value('portcullis_revocation_feed_followers', { mode: 'long_poll' })).toBe(0);
    const lag = 'portcullis_revocation_feed_delivery_lag_seconds';
    expect(after.count(lag) - before.count(lag)).toBe(answer.body.events.length);
  });

  it("reports the database's queries, and its pool (PostgreSQL) or its files (SQLite)", async () => {
    const before = await scrape(metricsUrl);
    await api(server.baseUrl, 'GET', '/api/v1/service-accounts', { token: admin });
    const after = await scrape(metricsUrl);
    const queries = 'portcullis_database_query_duration_seconds';
    expect(after.count(queries)).toBeGreaterThan(before.count(queries));
    if (engine.engine === 'postgres') {
      expect(after.value('portcullis_database_pool_max_connections')).toBe(10);
      const open =
        after.value('portcullis_database_pool_connections', { state: 'in_use' }) +
        after.value('portcullis_database_pool_connections', { state: 'idle' });
      expect(open).toBeGreaterThan(0);
      expect(after.value('portcullis_database_pool_waiting_queries')).toBe(0);
    } else {
      expect(after.value('portcullis_sqlite_file_bytes', { file: 'database' })).toBeGreaterThan(0);
    }
    for (const name of engineOnly[engine.engine === 'postgres' ? 'sqlite' : 'postgres']) {
      expect(after.names).not.toContain(name);
    }
  });

  it('reports batches, the signing key and the process', async () => {
    const now = await scrape(metricsUrl);
    expect(now.value('portcullis_batch_backlog', { batch: 'issuance_audit' })).toBeGreaterThanOrEqual(0);
    expect(now.value('portcullis_batch_dropped_total', { batch: 'issuance_audit' })).toBe(0);
    expect(now.value('portcullis_signing_key_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(now.value('portcullis_signing_key_table_age_seconds')).toBeLessThan(60);
    expect(now.value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(now.names).toContain('nodejs_eventloop_lag_seconds');
  });

  it('serves every metric the Grafana dashboard in docs/ queries', async () => {
    const names = (await scrape(metricsUrl)).names;
    const others = engineOnly[engine.engine === 'postgres' ? 'sqlite' : 'postgres'];
    const expected = dashboardMetricNames().filter((name) => !others.includes(name));
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.filter((name) => !names.includes(name))).toEqual([]);
  });

  it('is not served on the public listener when no token is configured', async () => {
    const answer = await fetch(`${server.baseUrl}/metrics`);
    expect(answer.status).toBe(404);
  });
});

const sqlite = enginesUnderTest().find((e) => e.engine === 'sqlite');

describe('metrics on the public listener behind a token', () => {
  const token = 'a'.repeat(20) + generateClientSecret().slice(4);
  let server: TestServer;

  beforeAll(async () => {
    if (!sqlite) throw new Error('SQLite is always under test');
    server = await startTestServer(sqlite, { PORTCULLIS_METRICS_TOKEN: token });
  });
  afterAll(() => server?.close());

  it('refuses a scrape without the token, or with another, as 401 with a Bearer challenge', async () => {
    const without = await fetch(`${server.baseUrl}/metrics`);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBe('Bearer realm="portcullis"');
    const wrong = await fetch(`${server.baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${token.slice(0, -1)}x` },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('portcullis_');
  });

  it('serves the token holder, counting what happened', async () => {
    const admin = await adminToken(server.baseUrl);
    const client = await createUsableServiceAccount(server.baseUrl, admin, 'scraped');
    await clientCredentialsToken(server.baseUrl, client);
    const metrics = await scrape(`${server.baseUrl}/metrics`, { authorization: `Bearer ${token}` });
    expect(metrics.value('portcullis_token_requests_total', { result: 'issued', reason: 'none' })).toBe(1);
  });
});
