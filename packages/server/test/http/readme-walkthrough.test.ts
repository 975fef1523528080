import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, tokenRequest } from '../support/http-client.js';
import { type ProcessRun, runProcess } from '../support/run-process.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

/** The walkthrough section's shell blocks: the start command, then what the second terminal runs. */
function walkthroughBlocks(): { start: string; steps: string } {
  const from = readme.indexOf('## Five minutes');
  const section = readme.slice(from, readme.indexOf('\n## ', from + 1));
  const [start, ...steps] = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  if (!start || steps.length === 0) throw new Error('README.md: the walkthrough section has no sh blocks');
  return { start, steps: steps.join('\n') };
}

/** The second terminal's commands, pointed at this server and this clone, wherever they run. */
function walkthroughScript(baseUrl: string): string {
  const { steps } = walkthroughBlocks();
  if (!/^B=\S+/m.test(steps) || !/^P=\S+/m.test(steps)) {
    throw new Error('README.md: the walkthrough no longer sets B= (the server) and P= (the clone)');
  }
  return steps.replace(/^B=\S+/m, `B=${baseUrl}`).replace(/^P=\S+/m, `P=${repoRoot}`);
}

/** The administrator the README's start command sets, so the server here is the one it describes. */
function walkthroughAdmin(): Record<string, string> {
  const { start } = walkthroughBlocks();
  const email = /PORTCULLIS_ADMIN_EMAIL=(\S+)/.exec(start)?.[1];
  const password = /PORTCULLIS_ADMIN_PASSWORD='([^']+)'/.exec(start)?.[1];
  if (!email || !password) throw new Error('README.md: the start command no longer sets the administrator');
  return { PORTCULLIS_ADMIN_EMAIL: email, PORTCULLIS_ADMIN_PASSWORD: password };
}

type ShellRun = ProcessRun;

/** As a script that stops at the first failure would run it, from a folder that is not the clone. */
async function runShell(script: string): Promise<ShellRun> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'portcullis-readme-'));
  try {
    return await runProcess('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** The walkthrough needs curl and jq. Without them it is skipped with a banner, except in CI, where it fails. */
const missingTools = ['curl', 'jq'].filter((tool) => spawnSync(tool, ['--version']).error);
const shellRunnable = missingTools.length === 0 || process.env.CI === 'true';
if (!shellRunnable) {
  console.warn(`\n*** README shell walkthrough SKIPPED: ${missingTools.join(' and ')} not installed ***\n`);
}

/**
 * The README's curl walkthrough, step by step, over real HTTP. Each step is a test that first takes the
 * steps before it on a service account of its own, so any step passes alone and in any order.
 */
describeOnEachEngine('README walkthrough on $engine', (engine) => {
  let server: TestServer;
  let token: string;
  let serviceAccounts = 0;

  beforeAll(async () => {
    server = await startTestServer(engine);
    token = await adminToken(server.baseUrl);
  });
  afterAll(async () => server?.close());

  // The steps a later step starts from, each as the README takes it.
  const createServiceAccount = async (name = `nightly-etl-${++serviceAccounts}`) =>
    api(server.baseUrl, 'POST', '/api/v1/service-accounts', {
      token,
      body: { name, description: 'loads the warehouse' },
    });
  const generateSecret = (serviceAccountId: string) =>
    api(server.baseUrl, 'POST', `/api/v1/service-accounts/${serviceAccountId}/secrets`, { token });
  const withSecret = async () => {
    const serviceAccountId: string = (await createServiceAccount()).body.id;
    const clientSecret: string = (await generateSecret(serviceAccountId)).body.clientSecret;
    return { serviceAccountId, clientSecret };
  };
  const readOnlyRole = async () =>
    (await api(server.baseUrl, 'GET', '/api/v1/roles', { token })).body.items.find(
      (r: { name: string }) => r.name === 'Read only',
    );
  const tieUser = async (serviceAccountId: string, roleId: string, name = `etl-${serviceAccountId}`) =>
    api(server.baseUrl, 'POST', '/api/v1/users', {
      token,
      body: {
        name,
        serviceAccountId,
        roleIds: [roleId],
        defaultDatabase: 'warehouse',
      },
    });
  const tiedToUser = async () => {
    const client = await withSecret();
    const user = await tieUser(client.serviceAccountId, (await readOnlyRole()).id);
    return { ...client, userName: user.body.name as string };
  };

  it('answers the health check when the database answers', async () => {
    const health = await api(server.baseUrl, 'GET', '/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('signs the bootstrap admin in with email and password', async () => {
    const login = await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: 'ADMIN@acme.example', password: 'correct horse battery staple' },
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String) });
    expect(login.body.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect(
      (await api(server.baseUrl, 'GET', '/api/v1/service-accounts', { token: login.body.accessToken }))
        .status,
    ).toBe(200);
  });

  it('creates a service account', async () => {
    const created = await createServiceAccount('nightly-etl');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'nightly-etl',
      description: 'loads the warehouse',
      createdAt: expect.any(String),
    });
    expect(created.body.id).toMatch(/^sa_/);
    const serviceAccountId = created.body.id;
    const listed = await api(server.baseUrl, 'GET', '/api/v1/service-accounts', { token });
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(serviceAccountId);
    const fetched = await api(server.baseUrl, 'GET', `/api/v1/service-accounts/${serviceAccountId}`, {
      token,
    });
    expect(fetched.body).toEqual(created.body);
  });

  it('generates a secret, shown in that response only', async () => {
    const serviceAccountId = (await createServiceAccount()).body.id;
    const secret = await generateSecret(serviceAccountId);
    expect(secret.status).toBe(201);
    expect(secret.body.clientId).toBe(serviceAccountId);
    expect(secret.body.clientSecret).toMatch(/^pcs_[0-9A-Za-z]{49}$/);
    expect(secret.headers.get('cache-control')).toBe('no-store');
    const clientSecret = secret.body.clientSecret;
    const again = await api(server.baseUrl, 'GET', `/api/v1/service-accounts/${serviceAccountId}`, { token });
    expect(JSON.stringify(again.body)).not.toContain(clientSecret);
  });

  it('refuses a token until a user ties the service account to an account', async () => {
    const { serviceAccountId, clientSecret } = await withSecret();
    const refused = await tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: serviceAccountId,
      client_secret: clientSecret,
    });
    expect(refused).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
    const readOnly = await readOnlyRole();
    expect(readOnly).toMatchObject({ builtin: true, permissions: ['*:get', '*:list'] });
    const user = await tieUser(serviceAccountId, readOnly.id, 'etl');
    expect(user.status).toBe(201);
    expect(user.body).toMatchObject({
      serviceAccountId,
      defaultDatabase: 'warehouse',
      roleIds: [readOnly.id],
    });
  });

  it('exchanges the secret for a JWT that verifies against the published JWKS', async () => {
    const { serviceAccountId, clientSecret } = await tiedToUser();
    const issued = await tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: serviceAccountId,
      client_secret: clientSecret,
      audience: 'https://api.acme.example',
    });
    expect(issued.status).toBe(200);
    expect(issued.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
      scope: expect.stringMatching(/^\*:get \*:list actions:get actions:list /),
    });
    expect(issued.headers.get('cache-control')).toBe('no-store');
    expect(issued.headers.get('pragma')).toBe('no-cache');
    expect(issued.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);

    const jwks = createRemoteJWKSet(new URL(`${server.baseUrl}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(issued.body.access_token, jwks, {
      issuer: server.baseUrl,
      audience: 'https://api.acme.example',
      typ: 'at+jwt',
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({
      sub: serviceAccountId,
      client_id: serviceAccountId,
      jti: expect.any(String),
      scope: expect.stringMatching(/^\*:get \*:list actions:get actions:list /),
      account_id: expect.stringMatching(/^acct_/),
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
  });

  it('accepts client_secret_basic as well as client_secret_post', async () => {
    const { serviceAccountId, clientSecret } = await tiedToUser();
    const issued = await tokenRequest(
      server.baseUrl,
      { grant_type: 'client_credentials' },
      { basic: { id: serviceAccountId, secret: clientSecret } },
    );
    expect(issued.status).toBe(200);
    // Without an audience the token is for Portcullis's own API, and the API accepts it.
    const jwks = createRemoteJWKSet(new URL(`${server.baseUrl}/.well-known/jwks.json`));
    await jwtVerify(issued.body.access_token, jwks, { issuer: server.baseUrl, audience: server.baseUrl });
  });

  it('stops the previous secret the moment a new one is generated', async () => {
    const { serviceAccountId, clientSecret } = await tiedToUser();
    const form = { grant_type: 'client_credentials', client_id: serviceAccountId };
    expect((await tokenRequest(server.baseUrl, { ...form, client_secret: clientSecret })).status).toBe(200);
    const rotated = await generateSecret(serviceAccountId);
    expect((await tokenRequest(server.baseUrl, { ...form, client_secret: clientSecret })).status).toBe(401);
    expect(
      (await tokenRequest(server.baseUrl, { ...form, client_secret: rotated.body.clientSecret })).status,
    ).toBe(200);
  });

  it('refuses to drop a service account while a user is tied to it', async () => {
    const { serviceAccountId, userName } = await tiedToUser();
    const refused = await api(server.baseUrl, 'DELETE', `/api/v1/service-accounts/${serviceAccountId}`, {
      token,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'service_account_linked',
      details: { users: [{ name: userName }] },
    });
  });

  it('deletes an unlinked service account, after which it is gone', async () => {
    const spare = await api(server.baseUrl, 'POST', '/api/v1/service-accounts', {
      token,
      body: { name: 'spare' },
    });
    expect(
      (await api(server.baseUrl, 'DELETE', `/api/v1/service-accounts/${spare.body.id}`, { token })).status,
    ).toBe(204);
    const gone = await api(server.baseUrl, 'GET', `/api/v1/service-accounts/${spare.body.id}`, { token });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
  });

  it('publishes the current and next signing keys, the current one matching the kid of a token', async () => {
    const jwks = await api(server.baseUrl, 'GET', '/.well-known/jwks.json');
    const { accessToken } = (
      await api(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'admin@acme.example', password: 'correct horse battery staple' },
      })
    ).body;
    // The current key and the next one, published before it signs anything; never a private part.
    expect(jwks.body.keys).toHaveLength(2);
    for (const key of jwks.body.keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
    expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).toContain(
      decodeProtectedHeader(accessToken).kid,
    );
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = await api(server.baseUrl, 'GET', '/api/v1/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    const rendered = await fetch(`${server.baseUrl}/docs`);
    expect(rendered.status).toBe(200);
    expect(rendered.headers.get('content-type')).toContain('text/html');
    expect(await rendered.text()).toContain('swagger');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/oauth/token',
        '/api/v1/service-accounts',
        '/api/v1/service-accounts/{id}/secrets',
      ]),
    );
  });
});

describeOnEachEngine("the README's shell walkthrough on $engine", (engine) => {
  const runs = shellRunnable;

  it.skipIf(!runs)(
    'runs as written from another folder: a verified token and a set-up in SQL with its secret',
    async () => {
      const server = await startTestServer(engine, walkthroughAdmin());
      try {
        const run = await runShell(walkthroughScript(server.baseUrl));
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        // Step 6 prints the verified claims, then the SQL script answers.
        expect(run.stdout).toMatch(/sub: 'sa_\w+'/);
        expect(run.stdout).toContain("aud: 'https://api.acme.example'");
        expect(run.stdout).toContain("scope: '*:get *:list actions:get actions:list ");
        const sql = JSON.parse(run.stdout.slice(run.stdout.lastIndexOf('{"statements"')));
        expect(sql.statements[2].rows[0][2]).toMatch(/^pcs_/);
      } finally {
        await server.close();
      }
    },
  );

  it.skipIf(!runs)(
    "stops loudly at the first step when the administrator is not the README's, creating nothing",
    async () => {
      const server = await startTestServer(engine, {
        ...walkthroughAdmin(),
        PORTCULLIS_ADMIN_PASSWORD: 'a password the README does not know',
      });
      try {
        const run = await runShell(walkthroughScript(server.baseUrl));
        expect(run.code).not.toBe(0);
        expect(run.stderr).toMatch(/curl: \(22\) The requested URL returned error: 401/);
        expect(run.stderr.match(/curl: \(22\)/g)).toHaveLength(1);
        const serviceAccounts = await server.portcullis.database.db
          .selectFrom('service_accounts')
          .select('id')
          .execute();
        expect(serviceAccounts).toEqual([]);
      } finally {
        await server.close();
      }
    },
  );
});
