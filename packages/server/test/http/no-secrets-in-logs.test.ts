import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { adminPassword, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Runs every flow that handles a secret, token or password — including the ways clients get it wrong —
 * then searches the captured logs and the audit table for any of them.
 */
describeOnEachEngine('secrets stay out of logs and audit events on $engine', (engine) => {
  let server: TestServer;
  const secrets: string[] = [adminPassword];

  beforeAll(async () => {
    server = await startTestServer(engine, {
      PORTCULLIS_LOG_LEVEL: 'trace',
      PORTCULLIS_TOKEN_REQUEST_LOG: 'all',
    });
    const token = await adminToken(server.baseUrl);
    secrets.push(token);
    const client = await createUsableServiceAccount(server.baseUrl, token, 'logged');
    secrets.push(client.clientSecret);
    const form = {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    };
    const issued = await tokenRequest(server.baseUrl, form);
    secrets.push(issued.body.access_token);
    await tokenRequest(
      server.baseUrl,
      { grant_type: 'client_credentials' },
      { basic: { id: client.clientId, secret: client.clientSecret } },
    );
    // Mistakes that put a secret where it does not belong.
    await tokenRequest(server.baseUrl, {
      ...form,
      client_id: client.clientSecret,
      client_secret: client.clientId,
    });
    await tokenRequest(server.baseUrl, form, { query: `?client_secret=${client.clientSecret}` });
    await tokenRequest(server.baseUrl, { ...form, grant_type: client.clientSecret });
    // A secret in the path, where no route is: under /oauth only the route is logged.
    for (const route of [
      `/oauth/token/${client.clientSecret}`,
      `/oauth/${client.clientSecret}`,
      `/tenant/oauth/${client.clientSecret}`,
    ]) {
      await fetch(`${server.baseUrl}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
    }
    await fetch(`${server.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(form),
    });
    await api(server.baseUrl, 'GET', `/api/v1/service-accounts?cursor=${client.clientSecret}`, { token });
    await api(server.baseUrl, 'POST', '/api/v1/service-accounts', {
      token,
      body: { name: 'x', [client.clientSecret]: 1 },
    });
    await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: 'admin@acme.example', password: client.clientSecret },
    });
    await api(server.baseUrl, 'GET', '/api/v1/service-accounts', {
      token: issued.body.access_token.slice(0, -2),
    });
    const personal = await api(server.baseUrl, 'POST', '/api/v1/client-credentials', {
      token,
      body: { name: 'personal', preset: 'read_only' },
    });
    secrets.push(personal.body.clientSecret);
    const personalToken = await tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: personal.body.clientId,
      client_secret: personal.body.clientSecret,
      scope: 'incidents:get',
    });
    secrets.push(personalToken.body.access_token);
    const pair = await api(server.baseUrl, 'POST', '/api/v1/users/me/access-keys', { token });
    secrets.push(pair.body.secretKey);
    const keyPairLogin = await api(server.baseUrl, 'POST', '/v2/login', {
      body: { accessKey: pair.body.accessKey, secretKey: pair.body.secretKey },
    });
    secrets.push(keyPairLogin.body.accessToken);
    const basic = (id: string, secret: string) =>
      `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    await api(server.baseUrl, 'GET', '/api/v1/roles', {
      headers: { authorization: basic(pair.body.accessKey, pair.body.secretKey) },
    });
    await api(server.baseUrl, 'GET', '/api/v1/roles', {
      headers: { authorization: basic(pair.body.secretKey, pair.body.accessKey) },
    });
    await api(server.baseUrl, 'POST', '/v2/login', {
      body: { accessKey: pair.body.secretKey, secretKey: pair.body.accessKey },
    });
    await api(server.baseUrl, 'POST', '/api/v1/authorize', {
      token: personalToken.body.access_token,
      body: { permissions: ['incidents:get'], search: ['incidents'] },
    });
    // The console's session cookie and its CSRF tokens, right and wrong.
    const signedIn = await api(server.baseUrl, 'POST', '/api/v1/auth/session', {
      body: { email: 'admin@acme.example', password: adminPassword },
    });
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
    secrets.push(cookie.slice(cookie.indexOf('=') + 1), signedIn.body.csrfToken);
    const me = await api(server.baseUrl, 'GET', '/api/v1/auth/session', { headers: { cookie } });
    secrets.push(me.body.csrfToken);
    await api(server.baseUrl, 'POST', '/api/v1/roles', {
      headers: { cookie, 'x-csrf-token': signedIn.body.csrfToken },
      body: { name: 'from_console', permissions: ['incidents:get'] },
    });
    await api(server.baseUrl, 'POST', '/api/v1/roles', {
      headers: { cookie, 'x-csrf-token': me.body.csrfToken.slice(0, -1) },
      body: { name: 'refused_console', permissions: ['incidents:get'] },
    });
    await api(server.baseUrl, 'DELETE', '/api/v1/auth/session', {
      headers: { cookie, 'x-csrf-token': me.body.csrfToken },
    });
    await api(server.baseUrl, 'GET', '/api/v1/auth/session', { headers: { cookie } });
  });
  afterAll(async () => server?.close());

  it('captured a real log of the run', () => {
    expect(server.logs.length).toBeGreaterThan(20);
    expect(server.logs.join('')).toContain('/oauth/token');
  });

  it('logs the route of an /oauth request, not its path', () => {
    const paths: string[] = server.logs.map((line) => JSON.parse(line).req?.path).filter(Boolean);
    expect(paths).toContain('/oauth/token');
    expect(paths).toContain('/oauth/…');
    const routes = ['/oauth/token', '/oauth/introspect', '/oauth/revoke', '/oauth/revocations', '/oauth/…'];
    for (const path of paths.filter((p) => p.includes('oauth'))) expect(routes).toContain(path);
  });

  it('never writes a secret, token or password to the log', () => {
    const log = server.logs.join('');
    for (const secret of secrets) expect(log).not.toContain(secret);
    // The secret body without its prefix, in case something re-encodes it.
    for (const secret of secrets.filter((s) => s.startsWith('pcs_')))
      expect(log).not.toContain(secret.slice(4));
  });

  it('never writes a secret, token or password to an audit event', async () => {
    const rows = await server.portcullis.database.db.selectFrom('audit_events').selectAll().execute();
    expect(rows.length).toBeGreaterThan(5);
    const dump = JSON.stringify(rows);
    for (const secret of secrets) expect(dump).not.toContain(secret);
  });
});
