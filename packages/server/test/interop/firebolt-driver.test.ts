import http from 'node:http';
import type { HttpsAgent } from 'agentkeepalive';
import { Firebolt } from 'firebolt-sdk';
import { NodeHttpClient } from 'firebolt-sdk/build/src/http/node.js';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerHeaders } from '../../src/http/response-headers.js';
import { systemCaller } from '../../src/services/context.js';
import { createOrganizationWithAdmin } from '../../src/services/organizations/create-organization-with-admin.js';
import { describeOnEachEngine } from '../support/engines.js';
import {
  adminToken,
  api,
  type ClientPair,
  clientCredentialsToken,
  tokenRequest,
} from '../support/http-client.js';
import { countAuditEvents } from '../support/state-snapshot.js';
import { flushBackgroundWrites, startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

// biome-ignore lint/suspicious/noExplicitAny: answers are inspected field by field.
type Json = any;

const fireboltAudience = 'https://api.firebolt.io';

/** What the driver throws: its error classes are not exported, so they are told apart by name. */
interface DriverError {
  constructor: { name: string };
  message: string;
  status?: number;
  code?: string;
  raw?: Json;
}

async function failureOf(attempt: Promise<unknown>): Promise<DriverError> {
  try {
    await attempt;
  } catch (error) {
    return error as DriverError;
  }
  throw new Error('expected the driver to fail');
}

/**
 * The unmodified npm `firebolt-sdk` (pinned; its wire protocol is in docs/sql.md, "Firebolt's drivers")
 * against a real Portcullis: the Firebolt seed's statements verbatim, results read back through the
 * driver's own decoding, and its failures as the driver raises them.
 */
describeOnEachEngine('the Firebolt Node driver against Portcullis on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let ops: ClientPair;
  const agents: http.Agent[] = [];
  const db = () => server.portcullis.database.db;

  const sqlAt = (at: { baseUrl: string; token: string }, query: string, account?: string) =>
    api<Json>(at.baseUrl, 'POST', '/api/v1/sql', {
      token: at.token,
      body: { query, ...(account ? { account } : {}) },
    });
  const sql = (query: string, account?: string) =>
    sqlAt({ baseUrl: server.baseUrl, token: admin }, query, account);

  /** A service account made by SQL as the bootstrap admin: its user holds `role`, and it has a secret. */
  const serviceAccountWithRole = async (
    name: string,
    role: string,
    at = { baseUrl: server.baseUrl, token: admin },
  ): Promise<ClientPair> => {
    const made = await sqlAt(
      at,
      `CREATE SERVICE ACCOUNT ${name}; CREATE USER ${name}_user WITH SERVICE_ACCOUNT = ${name} ROLE = "${role}";
       CALL fb_GENERATESERVICEACCOUNTKEY('${name}');`,
    );
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const [, clientId, clientSecret] = made.body.statements[2].rows[0];
    return { clientId, clientSecret };
  };

  /**
   * The driver as a user sets it up, but for plain http: its stock client builds an https agent for every
   * host, which Node refuses for an http: URL (ERR_INVALID_PROTOCOL), so the stock client gets a plain
   * agent through the driver's public `dependencies.httpClient` option. Portcullis in production is
   * behind TLS, where the driver needs nothing of this. One Firebolt() and one client per connection: each
   * login sets the client's authenticator. `useCache: false`, or the driver's process-wide cache would
   * carry tokens and engine URLs from one test to the next.
   */
  const driverFor = (apiEndpoint = server.baseUrl) => {
    const httpClient = new NodeHttpClient();
    const agent = new http.Agent({ keepAlive: true });
    agents.push(agent);
    httpClient.getAgent = () => agent as unknown as HttpsAgent;
    return Firebolt({ apiEndpoint, dependencies: { httpClient, logger: { info() {} } } });
  };
  const connectionOptions = (client: ClientPair, account: string, database?: string) => ({
    auth: { client_id: client.clientId, client_secret: client.clientSecret },
    account,
    useCache: false,
    ...(database ? { database } : {}),
  });
  const connect = (client: ClientPair, account = 'default', database?: string) =>
    driverFor().connect(connectionOptions(client, account, database));

  /**
   * The requests the server logged for a path, counted from the log lines written so far: a request's line
   * that names its path, the incoming one, or for the token endpoint (every request logged here) the one
   * written as it ends.
   */
  const requestsTo = (path: string) =>
    server.logs
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg?: string; req?: { path?: string } })
      .filter(
        (line) =>
          (line.msg === 'incoming request' || line.msg === 'request completed') && line.req?.path === path,
      ).length;

  beforeAll(async () => {
    server = await startTestServer(engine, {
      PORTCULLIS_SQL_MAX_SCRIPT_BYTES: '4096',
      PORTCULLIS_TOKEN_REQUEST_LOG: 'all',
    });
    admin = await adminToken(server.baseUrl);
    ops = await serviceAccountWithRole('ops', 'Admin');
  });
  afterAll(async () => {
    for (const agent of agents) agent.destroy();
    await server?.close();
  });

  it("runs the Firebolt seed's statements verbatim, reads them back typed, and the generated secret logs in", async () => {
    const connection = await connect(ops, 'default', 'db1');
    const created = await connection.execute(
      `CREATE SERVICE ACCOUNT IF NOT EXISTS "service_account_name" WITH DESCRIPTION = 'service account 1';`,
    );
    expect(await created.fetchResult()).toEqual({ data: [], meta: [], statistics: null });

    const key = await (
      await connection.execute(`CALL fb_GENERATESERVICEACCOUNTKEY('service_account_name');`)
    ).fetchResult();
    expect(key.meta.map((m) => [m.name, m.type])).toEqual([
      ['service_account_name', 'text'],
      ['service_account_id', 'text'],
      ['secret', 'text'],
    ]);
    const [name, clientId, secret] = key.data[0] as string[];
    expect(name).toBe('service_account_name');

    await connection.execute('CREATE USER alex WITH SERVICE_ACCOUNT = service_account_name;');
    await connection.execute(
      `CREATE NETWORK POLICY office WITH ALLOWED_IP_LIST = ('127.0.0.1', '10.0.0.0/8') DESCRIPTION = 'office';
       ALTER SERVICE ACCOUNT service_account_name SET NETWORK_POLICY = office;
       CREATE ROLE incident_reader;
       GRANT get, list ON incidents TO incident_reader;
       GRANT ROLE incident_reader TO USER alex;`,
    );

    const accounts = await (
      await connection.execute(
        "SELECT service_account_name, network_policy_name, is_enabled, created FROM information_schema.service_accounts WHERE service_account_name = 'service_account_name'",
      )
    ).fetchResult();
    expect(accounts.meta.map((m) => m.type)).toEqual(['text', 'text null', 'boolean', 'timestamptz']);
    const [account] = accounts.data as unknown[][];
    expect(account!.slice(0, 3)).toEqual(['service_account_name', 'office', true]);
    expect(account![3]).toBeInstanceOf(Date);
    expect(Math.abs((account![3] as Date).getTime() - Date.now())).toBeLessThan(60_000);
    expect(accounts.statistics).toMatchObject({ scannedRows: 1 });

    const policies = await (
      await connection.execute(
        "SELECT allowed_ips, blocked_ips FROM information_schema.network_policies WHERE network_policy_name = 'office'",
      )
    ).fetchResult();
    expect(policies.meta.map((m) => m.type)).toEqual(['array(text)', 'array(text)']);
    expect(policies.data).toEqual([[['127.0.0.1/32', '10.0.0.0/8'], []]]);
    const grants = await (
      await connection.execute(
        "SELECT grantee, role_name, is_grantable FROM information_schema.applicable_roles WHERE grantee = 'alex'",
      )
    ).fetchResult();
    expect(grants.data).toEqual([['alex', 'incident_reader', false]]);

    // The secret from the CALL's row logs in, as the driver does (audience Firebolt's API)…
    const issued = await tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: clientId!,
      client_secret: secret!,
      audience: fireboltAudience,
    });
    expect(issued.status).toBe(200);
    expect(decodeJwt(issued.body.access_token)).toMatchObject({ aud: fireboltAudience });
    expect(String(decodeJwt(issued.body.access_token).scope).split(' ').sort()).toEqual([
      'incidents:get',
      'incidents:list',
    ]);
    // …and through the driver, which checks its connection with `select 1`.
    const alex = { clientId: clientId!, clientSecret: secret! };
    await driverFor().testConnection(connectionOptions(alex, 'default'));
    const one = await (await (await connect(alex)).execute('SELECT 1')).fetchResult();
    expect(one.data).toEqual([[1]]);
    expect(one.meta.map((m) => m.type)).toEqual(['int']);
  });

  it("answers a script with its last statement's result; what came before it ran", async () => {
    const connection = await connect(ops);
    const read = await (
      await connection.execute(
        "CREATE ROLE first_of_two; SELECT role_name, is_builtin FROM information_schema.enabled_roles WHERE role_name = 'first_of_two'",
      )
    ).fetchResult();
    expect(read.data).toEqual([['first_of_two', false]]);
    const empty = await (
      await connection.execute("SELECT role_name FROM information_schema.roles WHERE role_name = 'none'")
    ).fetchResult();
    expect(empty).toMatchObject({ data: [], meta: [{ name: 'role_name', type: 'text' }] });
  });

  it('refuses DROP SERVICE ACCOUNT while a user is tied to it: ApiError 400 with our message, nothing changed', async () => {
    const connection = await connect(ops);
    await connection.execute(
      'CREATE SERVICE ACCOUNT tied; CREATE USER tied_user WITH SERVICE_ACCOUNT = tied;',
    );
    const statement = 'CREATE ROLE never_made;\n  DROP SERVICE ACCOUNT "tied";';
    const refused = await expectUnchanged(db(), () =>
      failureOf(connection.execute('DROP SERVICE ACCOUNT "tied";')),
    );
    expect(refused.constructor.name).toBe('ApiError');
    expect(refused.status).toBe(400);
    expect(refused.code).toBe('service_account_linked');
    expect(refused.message).toContain('ALTER USER "tied_user" SET SERVICE_ACCOUNT = DEFAULT;');
    expect(refused.raw.errors).toEqual([
      expect.objectContaining({
        code: 'service_account_linked',
        name: 'ServiceAccountLinked',
        severity: 'ERROR',
        source: 'User Error',
        location: { failingLine: 1, startOffset: 0, endOffset: 'DROP SERVICE ACCOUNT "tied"'.length },
      }),
    ]);

    // In a script, the location is the failing statement's, and the message says what ran before it.
    const second = await failureOf(connection.execute(statement));
    expect(second.status).toBe(400);
    expect(second.raw.errors[0].location).toEqual({
      failingLine: 2,
      startOffset: statement.indexOf('DROP'),
      endOffset: statement.length - 1,
    });
    expect(second.raw.message).toContain('statement 2 of the script; the statement before it ran');
    const roles = await sql("SELECT role_name FROM information_schema.roles WHERE role_name = 'never_made'");
    expect(roles.body.statements[0].rows).toEqual([['never_made']]);
  });

  it('reports a syntax error with its line and column, and runs nothing of the script', async () => {
    const connection = await connect(ops);
    const script = "CREATE ROLE not_run;\nCREATE SERVICE ACCOUNT x WITH DESCRIPTION 'oops';";
    const refused = await expectUnchanged(db(), () => failureOf(connection.execute(script)));
    expect(refused.constructor.name).toBe('ApiError');
    expect(refused.status).toBe(400);
    expect(refused.code).toBe('sql_syntax_error');
    expect(refused.message).toContain('Syntax error at line 2, column 43');
    const offset = script.indexOf("'oops'");
    expect(refused.raw.errors[0].location).toEqual({
      failingLine: 2,
      startOffset: offset,
      endOffset: offset,
    });
    expect(refused.raw.details).toMatchObject({ line: 2, column: 43, found: "'oops'" });
  });

  it("refuses a Read-only service account's change with a 400, sent once and never retried, changing nothing", async () => {
    const reader = await serviceAccountWithRole('reader', 'Read only');
    const connection = await connect(reader);
    const read = await (await connection.execute('SHOW SERVICE ACCOUNTS')).fetchResult();
    expect(read.data.length).toBeGreaterThan(0);

    const queriesBefore = requestsTo('/firebolt/query');
    const loginsBefore = requestsTo('/oauth/token');
    // The driver's login is audited in the background: written now, so it is not counted as the refusal's.
    await flushBackgroundWrites(server);
    const auditBefore = await countAuditEvents(db());
    const refused = await expectUnchanged(db(), () =>
      failureOf(connection.execute('CREATE SERVICE ACCOUNT read_only_made_this')),
    );
    // A 401 or 403 would have had the driver log in again and send the statement a second time.
    expect(requestsTo('/firebolt/query') - queriesBefore).toBe(1);
    expect(requestsTo('/oauth/token') - loginsBefore).toBe(0);
    expect(refused.constructor.name).toBe('ApiError');
    expect(refused.status).toBe(400);
    expect(refused.code).toBe('permission_denied');
    expect(refused.message).toContain('portcullis.service_accounts:create');
    expect(await countAuditEvents(db())).toBe(auditBefore);
  });

  it("raises AccountNotFoundError for an account that is not in the caller's organization", async () => {
    expect((await failureOf(connect(ops, 'no_such_account'))).constructor.name).toBe('AccountNotFoundError');
    const globex = await createOrganizationWithAdmin(server.portcullis.ctx, systemCaller(), {
      name: 'globex',
      programmaticAccessAvailable: true,
      programmaticAccessEnabled: true,
      admin: { email: 'admin@globex.example', name: 'Globex', password: 'globex admin password' },
    });
    const theirs = await db()
      .selectFrom('accounts')
      .select('id')
      .where('organization_id', '=', globex.id)
      .executeTakeFirstOrThrow();
    expect((await failureOf(connect(ops, theirs.id))).constructor.name).toBe('AccountNotFoundError');
  });

  it('sends the account with every query, and applies SET as the driver sends it', async () => {
    const analytics = await api<Json>(server.baseUrl, 'POST', '/api/v1/accounts', {
      token: admin,
      body: { name: 'analytics' },
    });
    const token = await clientCredentialsToken(server.baseUrl, ops, { audience: fireboltAudience });
    const lookup = await api<Json>(server.baseUrl, 'GET', '/web/v3/account/analytics/engineUrl', { token });
    expect(lookup.status).toBe(200);
    expect(lookup.body).toEqual({ engineUrl: `${server.baseUrl}/firebolt/?account=${analytics.body.id}` });

    const connection = await connect(ops, 'analytics');
    await connection.execute('CREATE USER in_analytics');
    const users = (account: string) =>
      sql("SELECT user_name FROM information_schema.users WHERE user_name LIKE 'in_%'", account);
    expect((await users('analytics')).body.statements[0].rows).toEqual([['in_analytics']]);
    expect((await users('default')).body.statements[0].rows).toEqual([]);

    // The driver sends `SET k = v` as `SELECT 1?k=v`, and k=v with every later query if that succeeded.
    await connection.execute("SET time_zone = 'UTC'");
    const unknown = await failureOf(connection.execute('SET no_such_setting = 1'));
    expect(unknown).toMatchObject({ status: 400, code: 'sql_unknown_setting' });
    await connection.execute('SET account = default');
    await connection.execute('CREATE USER in_default');
    expect((await users('default')).body.statements[0].rows).toEqual([['in_default']]);
  });

  it('streams rows in JSONLines_Compact for executeStream', async () => {
    const connection = await connect(ops);
    const streamed = await connection.executeStream(
      "SELECT service_account_name, is_enabled FROM information_schema.service_accounts WHERE service_account_name IN ('ops', 'reader') ORDER BY service_account_name",
    );
    const { data } = await streamed.streamResult();
    const rows: unknown[] = [];
    data.on('data', (row) => rows.push(row));
    await new Promise((resolve, reject) => data.on('end', resolve).on('error', reject));
    expect(rows).toEqual([
      ['ops', true],
      ['reader', true],
    ]);
  });

  it("accepts tokens for this API and for Firebolt's, and no other audience", async () => {
    const engineUrl = (token?: string) =>
      api<Json>(server.baseUrl, 'GET', '/web/v3/account/default/engineUrl', token ? { token } : {});
    expect((await engineUrl(await clientCredentialsToken(server.baseUrl, ops))).status).toBe(200);
    const firebolts = await clientCredentialsToken(server.baseUrl, ops, { audience: fireboltAudience });
    expect((await engineUrl(firebolts)).status).toBe(200);

    const elsewhere = await clientCredentialsToken(server.baseUrl, ops, {
      audience: 'https://api.acme.example',
    });
    const refused = await engineUrl(elsewhere);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      code: 'unauthenticated',
      message: 'The access token is not meant for this API.',
    });
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="portcullis", error="invalid_token"');
    const query = await api<Json>(server.baseUrl, 'POST', '/firebolt/query?output_format=JSON_Compact', {
      token: elsewhere,
      body: 'SELECT 1',
    });
    expect(query.status).toBe(401);
    expect((await engineUrl()).status).toBe(401);

    // Firebolt's audience opens the Firebolt routes only, not the rest of the API.
    expect((await api(server.baseUrl, 'GET', '/api/v1/roles', { token: firebolts })).status).toBe(401);
  });

  it('speaks the protocol over plain HTTP: empty answers unlabelled, the API headers, 400 for bad input', async () => {
    const token = await clientCredentialsToken(server.baseUrl, ops, { audience: fireboltAudience });
    const query = (body: string | Buffer, parameters = 'output_format=JSON_Compact') =>
      fetch(`${server.baseUrl}/firebolt/query?${parameters}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });

    const empty = await query('USE DATABASE "db1"', 'output_format=JSON_Compact&database=db1&engine=e1');
    expect(empty.status).toBe(200);
    expect(empty.headers.get('content-type')).toBeNull();
    expect(await empty.text()).toBe('');
    for (const [name, value] of Object.entries(answerHeaders))
      expect(empty.headers.get(name), name).toBe(value);

    const rows = await query('SELECT 1, TRUE');
    expect(rows.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(rows.headers.get('cache-control')).toBe('no-store');
    expect(await rows.json()).toMatchObject({
      meta: [
        { name: '?column?', type: 'integer' },
        { name: '?column?', type: 'boolean' },
      ],
      data: [[1, true]],
      rows: 1,
      statistics: { rows_read: 1, bytes_read: 10, elapsed: expect.any(Number) },
    });

    const refusals: [string | Buffer, string, string][] = [
      ['SELECT 1', 'output_format=TabSeparatedWithNamesAndTypes', 'validation_failed'],
      ['SELECT 1', 'output_format=JSON_Compact&database=a&database=b', 'validation_failed'],
      ['SELECT 1', 'output_format=JSON_Compact&async=true', 'sql_unknown_setting'],
      [Buffer.from([0x53, 0x45, 0x4c, 0xff]), 'output_format=JSON_Compact', 'malformed_body'],
      ['SELECT 1\u0000', 'output_format=JSON_Compact', 'validation_failed'],
      ['SELECT 1', 'output_format=JSON_Compact&query_label=%FF', 'validation_failed'],
      [`SELECT 1 -- ${'x'.repeat(5000)}`, 'output_format=JSON_Compact', 'sql_script_too_large'],
      ['x'.repeat(20_000), 'output_format=JSON_Compact', 'payload_too_large'],
    ];
    for (const [body, parameters, code] of refusals) {
      const refused = await query(body, parameters);
      expect(refused.status, code).toBe(400);
      expect(refused.headers.get('cache-control'), code).toBe('no-store');
      expect(((await refused.json()) as Json).code, code).toBe(code);
    }
  });
  describe('an issuer with a path', () => {
    let tenant: TestServer;
    afterAll(async () => tenant?.close());

    it('hands out an engine URL under the issuer, which reaches the query endpoint', async () => {
      tenant = await startTestServer(engine, (baseUrl) => ({ PORTCULLIS_ISSUER: `${baseUrl}/tenant` }));
      const at = { baseUrl: tenant.baseUrl, token: await adminToken(tenant.baseUrl) };
      const client = await serviceAccountWithRole('pathed', 'Admin', at);
      const token = await clientCredentialsToken(tenant.baseUrl, client, { audience: fireboltAudience });
      const lookup = await api<Json>(tenant.baseUrl, 'GET', '/web/v3/account/default/engineUrl', { token });
      expect(lookup.body.engineUrl).toMatch(
        new RegExp(`^${tenant.baseUrl}/tenant/firebolt/\\?account=acct_`),
      );

      // The driver posts its queries to /tenant/firebolt/query, which Portcullis maps onto its root route.
      const connection = await driverFor(tenant.baseUrl).connect(connectionOptions(client, 'default'));
      const read = await (
        await connection.execute(
          "CREATE ROLE under_a_path; SELECT role_name FROM information_schema.roles WHERE role_name = 'under_a_path'",
        )
      ).fetchResult();
      expect(read.data).toEqual([['under_a_path']]);
    });
  });
});
