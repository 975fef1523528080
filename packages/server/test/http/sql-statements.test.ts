import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, tokenRequest } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectUnchanged } from '../support/unchanged.js';

// biome-ignore lint/suspicious/noExplicitAny: answers are inspected field by field.
type Json = any;

/**
 * Firebolt's SQL admin language over `POST /api/v1/sql` (issue 16): the seed's statements verbatim, a
 * complete set-up read back from information_schema, and the script rules — a failure stops the script and
 * changes nothing, a script that does not parse runs nothing, each statement needs the caller's permissions.
 */
describeOnEachEngine('SQL admin statements on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  const db = () => server.portcullis.database.db;

  const sql = (query: string, token = admin, extra: Record<string, unknown> = {}) =>
    api<Json>(server.baseUrl, 'POST', '/api/v1/sql', { token, body: { query, ...extra } });
  const rowsOf = async (query: string) => {
    const answer = await sql(query);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.statements.at(-1) as { columns: { name: string; type: string }[]; rows: unknown[][] };
  };
  const token = (clientId: string, clientSecret: string) =>
    tokenRequest(server.baseUrl, {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
  });
  afterAll(async () => server?.close());

  it("runs the Firebolt seed's statements verbatim, and the generated secret works at /oauth/token", async () => {
    const created = await sql(
      `CREATE SERVICE ACCOUNT IF NOT EXISTS "service_account_name" WITH DESCRIPTION = 'service account 1';
       CALL fb_GENERATESERVICEACCOUNTKEY('service_account_name');
       CREATE USER alex WITH SERVICE_ACCOUNT = service_account_name;`,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const key = created.body.statements[1];
    expect(key.columns.map((c: { name: string }) => c.name)).toEqual([
      'service_account_name',
      'service_account_id',
      'secret',
    ]);
    const [name, clientId, secret] = key.rows[0];
    expect(name).toBe('service_account_name');
    const issued = await token(clientId, secret);
    expect(issued.status).toBe(200);
    expect(decodeJwt(issued.body.access_token).sub).toMatch(/^sa_/);
    // The answer that made it is the only place the secret appears.
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(server.logs.join('')).not.toContain(secret);
    const audit = await db().selectFrom('audit_events').select('details').execute();
    expect(JSON.stringify(audit)).not.toContain(secret);

    // Dropping is refused while a user is tied to it, and the refusal says how to untie it.
    const refused = await sql('DROP SERVICE ACCOUNT "service_account_name";');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('service_account_linked');
    expect(refused.body.error.message).toContain('ALTER USER "alex" SET SERVICE_ACCOUNT = DEFAULT;');

    const dropped = await sql(
      'ALTER USER "alex" SET SERVICE_ACCOUNT = DEFAULT; DROP SERVICE ACCOUNT "service_account_name";',
    );
    expect(dropped.status, JSON.stringify(dropped.body)).toBe(200);
    expect((await token(clientId, secret)).status).toBe(401);
  });

  it('generating a key again stops the previous secret at once', async () => {
    await sql('CREATE SERVICE ACCOUNT rotated; CREATE USER rotated_user WITH SERVICE_ACCOUNT = rotated;');
    const first = (await rowsOf("CALL fb_GENERATESERVICEACCOUNTKEY('rotated')")).rows[0]!;
    const second = (await rowsOf("CALL fb_GENERATESERVICEACCOUNTKEY('rotated')")).rows[0]!;
    expect(second[1]).toBe(first[1]);
    expect((await token(first[1] as string, first[2] as string)).status).toBe(401);
    expect((await token(second[1] as string, second[2] as string)).status).toBe(200);
  });

  it('scripts a complete set-up — policy, service account, secret, role, user, grants — and reads it back', async () => {
    const setUp = await sql(
      `CREATE NETWORK POLICY office WITH ALLOWED_IP_LIST = ('127.0.0.1', '10.0.0.0/8') BLOCKED_IP_LIST = ('10.9.9.9') DESCRIPTION = 'office';
       CREATE SERVICE ACCOUNT reporter WITH DESCRIPTION = 'nightly' NETWORK_POLICY = office CONNECTION_PREFERENCE = PREFER_PUBLIC;
       CREATE ROLE incident_reader;
       GRANT get, list ON incidents TO incident_reader;
       CREATE USER reporter_user WITH SERVICE_ACCOUNT = reporter ROLE = incident_reader;
       CALL fb_GENERATESERVICEACCOUNTKEY('reporter');`,
    );
    expect(setUp.status, JSON.stringify(setUp.body)).toBe(200);
    const [, clientId, secret] = setUp.body.statements[5].rows[0];
    const issued = await token(clientId, secret);
    expect(issued.status).toBe(200);
    expect(String(decodeJwt(issued.body.access_token).scope).split(' ').sort()).toEqual([
      'incidents:get',
      'incidents:list',
    ]);

    const accounts = await rowsOf(
      "SELECT service_account_name, network_policy_name, service_account_description, connection_preference, is_enabled FROM information_schema.service_accounts WHERE service_account_name = 'reporter'",
    );
    expect(accounts.rows).toEqual([['reporter', 'office', 'nightly', 'PREFER_PUBLIC', true]]);
    const users = await rowsOf(
      "SELECT user_name, service_account_name, login_name FROM information_schema.users WHERE user_name LIKE 'reporter%'",
    );
    expect(users.rows).toEqual([['reporter_user', 'reporter', null]]);
    const policies = await rowsOf(
      "SELECT network_policy_name, allowed_ips, blocked_ips FROM information_schema.network_policies WHERE network_policy_name IN ('office')",
    );
    expect(policies.rows).toEqual([['office', ['127.0.0.1/32', '10.0.0.0/8'], ['10.9.9.9/32']]]);
    const grants = await rowsOf(
      "SELECT grantee, role_name FROM information_schema.applicable_roles WHERE grantee = 'reporter_user'",
    );
    expect(grants.rows).toEqual([['reporter_user', 'incident_reader']]);
    const shown = await rowsOf('SHOW ROLES');
    expect(shown.rows.map((row) => row[0])).toContain('incident_reader');

    // Revoking a permission downgrades the credential: its next token no longer carries it.
    expect((await sql('REVOKE list ON incidents FROM incident_reader')).status).toBe(200);
    const downgraded = await token(clientId, secret);
    expect(decodeJwt(downgraded.body.access_token).scope).toBe('incidents:get');
  });

  it('adds and removes network policy entries one by one and renames the policy', async () => {
    await sql("CREATE NETWORK POLICY edits WITH ALLOWED_IP_LIST = ('192.0.2.1')");
    await sql("ALTER NETWORK POLICY edits ADD ALLOWED_IP_LIST = ('192.0.2.2', '192.0.2.1')");
    await sql("ALTER NETWORK POLICY edits REMOVE ALLOWED_IP_LIST = ('192.0.2.1')");
    await sql('ALTER NETWORK POLICY edits RENAME TO edited');
    const read = await rowsOf(
      "SELECT network_policy_name, allowed_ips FROM information_schema.network_policies WHERE network_policy_name = 'edited'",
    );
    expect(read.rows).toEqual([['edited', ['192.0.2.2/32']]]);
  });

  it('stops at the first failing statement: what ran stays done, the failing one changes nothing, the rest never run', async () => {
    const answer = await sql(
      'CREATE ROLE stopped_first; CREATE SERVICE ACCOUNT bad WITH NETWORK_POLICY = no_such_policy; CREATE ROLE stopped_third;',
    );
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
    expect(answer.body.error.message).toContain('no_such_policy');
    expect(answer.body.failedStatement).toMatchObject({ index: 1, line: 1 });
    expect(answer.body.statements.map((s: { statement: string }) => s.statement)).toEqual([
      'CREATE ROLE stopped_first',
    ]);
    const roles = await rowsOf('SHOW ROLES');
    const names = roles.rows.map((row) => row[0]);
    expect(names).toContain('stopped_first');
    expect(names).not.toContain('stopped_third');
    await expectUnchanged(db(), () => sql('CREATE SERVICE ACCOUNT bad WITH NETWORK_POLICY = no_such_policy'));
  });

  it('runs nothing from a script that does not parse, and says where and what was expected', async () => {
    const answer = await expectUnchanged(db(), () =>
      sql('CREATE ROLE never_made;\nCREATE SERVICE ACCOUNT x WITH IS_ENABLED = TRUE;'),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('sql_syntax_error');
    expect(answer.body.error.details).toMatchObject({ line: 2, found: 'IS_ENABLED' });
    expect(answer.body.failedStatement).toBeUndefined();
    expect(answer.body.statements).toEqual([]);
  });

  it('drops a missing object quietly with IF EXISTS and refuses it as not_found without', async () => {
    const quiet = await expectUnchanged(db(), () =>
      sql(
        'DROP SERVICE ACCOUNT IF EXISTS gone; DROP LOGIN IF EXISTS "gone@acme.example"; DROP USER IF EXISTS gone; DROP ROLE IF EXISTS gone; DROP NETWORK POLICY IF EXISTS gone; ALTER NETWORK POLICY IF EXISTS gone SET DESCRIPTION = \'x\'',
      ),
    );
    expect(quiet.status, JSON.stringify(quiet.body)).toBe(200);
    for (const statement of [
      'DROP SERVICE ACCOUNT gone',
      'DROP LOGIN "gone@acme.example"',
      'DROP USER gone',
      'DROP ROLE gone',
      'DROP NETWORK POLICY gone',
    ]) {
      const refused = await expectUnchanged(db(), () => sql(statement));
      expect(refused.status, statement).toBe(404);
      expect(refused.body.error.message, statement).toContain('"gone');
    }
  });

  it('takes a text/plain script', async () => {
    const answer = await api<Json>(server.baseUrl, 'POST', '/api/v1/sql', {
      token: admin,
      body: 'SELECT 1',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.statements[0].rows).toEqual([[1]]);
  });

  it('refuses a script over the maximum size before reading it', async () => {
    const long = `SELECT 1; ${'-- padding\n'.repeat(110_000)}`;
    const answer = await expectUnchanged(db(), () => sql(long));
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('sql_script_too_large');
  });

  it('acts with the caller’s permissions: a Read-only person can read but not create, and cannot grant beyond what they hold', async () => {
    await sql(
      `CREATE LOGIN "reader@acme.example" WITH FIRST_NAME = 'Rea' LAST_NAME = 'Der';
       CREATE USER reader WITH LOGIN = "reader@acme.example" ROLE = "Read only";`,
    );
    const logins = await rowsOf(
      "SELECT login_name, first_name, last_name, is_enabled FROM information_schema.logins WHERE login_name = 'reader@acme.example'",
    );
    expect(logins.rows).toEqual([['reader@acme.example', 'Rea', 'Der', true]]);
    const readerId = (
      await db()
        .selectFrom('logins')
        .select('id')
        .where('email', '=', 'reader@acme.example')
        .executeTakeFirstOrThrow()
    ).id;
    const password = 'a reader password 1';
    expect(
      (
        await api(server.baseUrl, 'PUT', `/api/v1/logins/${readerId}/password`, {
          token: admin,
          body: { password },
        })
      ).status,
    ).toBe(204);
    const reader = (
      await api<Json>(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'reader@acme.example', password },
      })
    ).body.accessToken as string;
    expect((await sql('SHOW SERVICE ACCOUNTS', reader)).status).toBe(200);
    const refused = await expectUnchanged(db(), () => sql('CREATE SERVICE ACCOUNT not_allowed', reader));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('permission_denied');
    const exceeds = await expectUnchanged(db(), () => sql('GRANT * ON * TO incident_reader', reader));
    expect(exceeds.status).toBe(403);
  });

  it('holds a role manager to the grantor rule: GRANT gives only what they hold, ALTER USER … SET LOGIN hands on no more', async () => {
    const password = 'a manager password 1';
    await sql(
      `CREATE ROLE grant_manager;
       GRANT * ON portcullis.roles TO grant_manager;
       GRANT * ON portcullis.users TO grant_manager;
       GRANT get ON portcullis.logins TO grant_manager;
       GRANT get ON incidents TO grant_manager;
       CREATE ROLE managed;
       CREATE LOGIN "manager@acme.example" WITH FIRST_NAME = 'Role' LAST_NAME = 'Manager';
       CREATE USER manager WITH LOGIN = "manager@acme.example" ROLE = grant_manager;
       CREATE LOGIN "bystander@acme.example" WITH FIRST_NAME = 'By' LAST_NAME = 'Stander';
       CREATE USER admin_seat WITH ROLE = "Admin";`,
    );
    const managerId = (
      await db()
        .selectFrom('logins')
        .select('id')
        .where('email', '=', 'manager@acme.example')
        .executeTakeFirstOrThrow()
    ).id;
    await api(server.baseUrl, 'PUT', `/api/v1/logins/${managerId}/password`, {
      token: admin,
      body: { password },
    });
    const manager = (
      await api<Json>(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'manager@acme.example', password },
      })
    ).body.accessToken as string;

    expect((await sql('GRANT get ON incidents TO managed', manager)).status).toBe(200);
    const beyond = await expectUnchanged(db(), () => sql('GRANT create ON incidents TO managed', manager));
    expect(beyond.status).toBe(403);
    expect(beyond.body.error.code).toBe('permission_exceeds_grantor');
    // Tying a person to the Admin user would hand them everything the manager does not hold.
    const handOn = await expectUnchanged(db(), () =>
      sql('ALTER USER admin_seat SET LOGIN = "bystander@acme.example"', manager),
    );
    expect(handOn.status).toBe(403);
    expect(handOn.body.error.code).toBe('permission_exceeds_grantor');
    expect((await sql('ALTER USER admin_seat SET LOGIN = "bystander@acme.example"')).status).toBe(200);
    const seat = await rowsOf(
      "SELECT login_name FROM information_schema.users WHERE user_name = 'admin_seat'",
    );
    expect(seat.rows).toEqual([['bystander@acme.example']]);
  });

  describe('the account user statements act in', () => {
    it('is the default account, or the one SET account names', async () => {
      const created = await sql("SET account = 'no_such_account'; CREATE USER elsewhere;");
      expect(created.status).toBe(404);
      expect(created.body.error.message).toContain('no_such_account');
      expect(created.body.statements).toHaveLength(1);
    });

    it('refuses a setting it does not have', async () => {
      const answer = await sql("SET engine_mode = 'fast'");
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('sql_unknown_setting');
    });
  });
});
